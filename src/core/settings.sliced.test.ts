/**
 * Settings with the snapshot of a big plan are checked in slices: the JSON and the parsed settings
 * are exactly what one zod pass over the whole document gives, and a bad snapshot row is still
 * reported by name.
 */
import { LEVELS, STATUSES } from './model';
import {
  DEFAULT_SETTINGS,
  parseSettingsSliced,
  serializeSettingsSliced,
  settingsSchema,
  type Settings,
  type SnapshotRisk,
} from './settings';
import { finish } from './slices';
import { drainCounting } from './slices.testing';

function snapshotRisks(n: number): SnapshotRisk[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `R-${i}|laptop ${i}`,
    id: `R-${i}`,
    risk: `Unencrypted laptop ${i}`,
    owner: i % 3 ? 'Office Manager' : null,
    dueDate: i % 4 ? '2027-01-31' : null,
    status: STATUSES[i % STATUSES.length],
    level: i % 7 ? LEVELS[i % LEVELS.length] : null,
  }));
}

/** The stored JSON, drained in one go. */
function serializeSettingsJson(settings: Settings): string {
  return finish(serializeSettingsSliced(settings));
}

const bigPlan: Settings = {
  ...DEFAULT_SETTINGS,
  practiceName: 'Riverside Family Medicine',
  planVersion: 3,
  snapshot: { generatedOn: '2026-11-23', version: 3, risks: snapshotRisks(7_000) },
};

describe('settings with a big snapshot', () => {
  it('serialize in slices to the same JSON as one schema pass', () => {
    const { value, pauses } = drainCounting(serializeSettingsSliced(bigPlan));
    expect(pauses).toBeGreaterThan(1);
    expect(value).toBe(JSON.stringify(settingsSchema.parse(bigPlan)));
    expect(serializeSettingsJson(DEFAULT_SETTINGS)).toBe(JSON.stringify(settingsSchema.parse(DEFAULT_SETTINGS)));
  });

  it('parse in slices to the same settings as one schema pass', () => {
    const json = serializeSettingsJson(bigPlan);
    const { value, pauses } = drainCounting(parseSettingsSliced(json));
    expect(pauses).toBeGreaterThan(1);
    expect(value).toEqual({ settings: settingsSchema.parse(JSON.parse(json)), warnings: [] });
  });

  it('drop a snapshot with one bad row, name it, and keep the other settings', () => {
    const data = JSON.parse(serializeSettingsJson(bigPlan));
    data.snapshot.risks[6_500].level = 'Catastrophic';
    const { settings, warnings } = finish(parseSettingsSliced(JSON.stringify(data)));
    expect(settings.snapshot).toBeUndefined();
    expect(settings.practiceName).toBe('Riverside Family Medicine');
    expect(warnings).toEqual([expect.stringMatching(/^The saved setting "snapshot" is not valid and was ignored \(/)]);
  });

  it('refuse to store a snapshot with a bad row', () => {
    const bad = {
      ...bigPlan,
      snapshot: { ...bigPlan.snapshot!, risks: [...bigPlan.snapshot!.risks, { key: 1 } as unknown as SnapshotRisk] },
    };
    expect(() => serializeSettingsJson(bad)).toThrow();
  });
});
