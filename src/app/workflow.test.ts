import { FakePort, clinicRegisterGrid } from '../taskpane/testing/fakePort';
import { finish, type Sliced } from '../core/slices';
import { Pacer } from '../host/pace';
import { applyPatch, chooseTier, loadWorkbook, practiceDetails, runSliced, tierButtons, withTierChoice, WorkflowError } from './workflow';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SnapshotRisk } from '../core/settings';
import { tierChoiceKey } from '../core/analysis';

/** Work in three slices that notes, at each slice, whether the host has had a turn since the start. */
function* watchedWork(hostRan: () => boolean, seen: boolean[]): Sliced<string> {
  for (let i = 0; i < 3; i++) {
    seen.push(hostRan());
    yield;
  }
  return 'done';
}

describe('runSliced', () => {
  it('gives the host a turn between slices once the time budget is spent', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const seen: boolean[] = [];
    await expect(
      runSliced(
        watchedWork(() => ran, seen),
        new Pacer(0),
      ),
    ).resolves.toBe('done');
    expect(seen).toEqual([false, true, true]);
  });

  it('runs straight through while the budget lasts, with the result finish() gives', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const seen: boolean[] = [];
    await expect(
      runSliced(
        watchedWork(() => ran, seen),
        new Pacer(60_000),
      ),
    ).resolves.toBe(finish(watchedWork(() => false, [])));
    expect(seen).toEqual([false, false, false]);
  });
});

describe('applyPatch', () => {
  const risks: SnapshotRisk[] = Array.from({ length: 3 }, (_, i) => ({
    key: `R-${i}`,
    id: `R-${i}`,
    risk: 'Unencrypted laptop',
    owner: null,
    dueDate: null,
    status: 'Open',
    level: 'High',
  }));
  const saved: Settings = { ...DEFAULT_SETTINGS, planVersion: 2, snapshot: { generatedOn: '2026-11-01', version: 2, risks } };

  it('gives what one schema pass over the merged settings gives, without checking the saved snapshot again', () => {
    const patched = applyPatch(saved, { practiceName: 'Riverside Family Medicine', preparedBy: undefined, approvedBy: 'Dr. Lee' });
    const onePass = settingsSchema.parse({ ...saved, practiceName: 'Riverside Family Medicine', approvedBy: 'Dr. Lee' });
    expect(patched).toEqual(onePass);
    expect(JSON.stringify(patched)).toBe(JSON.stringify(onePass));
    expect(patched.snapshot).toBe(saved.snapshot);
    expect(JSON.stringify(applyPatch(DEFAULT_SETTINGS, { practiceName: 'A' }))).toBe(
      JSON.stringify(settingsSchema.parse({ ...DEFAULT_SETTINGS, practiceName: 'A' })),
    );
  });

  it('refuses a bad value, and a bad snapshot brought by the patch, naming the field', () => {
    expect(() => applyPatch(saved, { nextReviewDate: '31/01/2027' })).toThrow(/"nextReviewDate"/);
    const bad = { ...saved.snapshot!, risks: [{ ...risks[0], level: 'Catastrophic' }] } as unknown as Settings['snapshot'];
    expect(() => applyPatch(saved, { snapshot: bad })).toThrow(WorkflowError);
    expect(() => applyPatch(saved, { snapshot: bad })).toThrow(/"snapshot\.risks\.0\.level"/);
  });
});

describe('loadWorkbook', () => {
  it('reports what it is doing, in order, with a growing share done', async () => {
    const steps: [string, number][] = [];
    const state = await loadWorkbook(new FakePort([clinicRegisterGrid()]), {
      asOf: '2026-11-23',
      onProgress: (label, f) => steps.push([label, f]),
    });
    expect(state.read.register?.entries).toHaveLength(5);
    expect(steps.map(([label]) => label)).toEqual([
      'Reading the sheets',
      'Finding the register and its columns',
      'Scoring and checking 5 entries',
    ]);
    const fractions = steps.map(([, f]) => f);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.every((f) => f > 0 && f < 1)).toBe(true);
  });
});

describe('tier choices and practice details (for the pane and the runner)', () => {
  it('chooseTier saves the choice in the settings, not in the cells, and every later load uses it', async () => {
    const port = new FakePort([clinicRegisterGrid()]);
    const before = JSON.stringify(port.grids);
    const state = await loadWorkbook(port, { asOf: '2026-11-23' });
    const item = state.analysis.risks[0];
    const buttons = tierButtons(item);
    expect(buttons.tiers).toHaveLength(3);
    expect(buttons.chosenByUser).toBe(false);
    const pick = buttons.tiers.find((t) => t !== item.tier)!;

    const chosen = await chooseTier(port, state, item.entry, pick);
    const again = chosen.analysis.risks.find((r) => r.entry.row === item.entry.row)!;
    expect([again.tier, again.tierSource, tierButtons(again).tiers[0], tierButtons(again).chosenByUser]).toEqual([
      pick,
      'choice',
      pick,
      true,
    ]);
    expect(JSON.stringify(port.grids)).toBe(before);
    expect(JSON.parse(port.store!).tierChoices).toEqual([{ key: tierChoiceKey(item.entry), tier: pick }]);

    const reloaded = await loadWorkbook(port, { asOf: '2026-11-23' });
    expect(reloaded.analysis.risks.find((r) => r.entry.row === item.entry.row)?.tier).toBe(pick);

    const cleared = await chooseTier(port, reloaded, item.entry, null);
    expect(cleared.settings.tierChoices).toEqual([]);
    expect(cleared.analysis.risks.find((r) => r.entry.row === item.entry.row)?.tierSource).not.toBe('choice');
  });

  it('practiceDetails: typed values win, harvested ones say where they were found', async () => {
    const title = clinicRegisterGrid();
    const state = await loadWorkbook(new FakePort([title]), { asOf: '2026-11-23', settingsPatch: { preparedBy: 'Jane Ortiz' } });
    const details = new Map(practiceDetails(state).map((d) => [d.name, d]));
    expect(details.get('preparedBy')).toMatchObject({ value: 'Jane Ortiz', source: 'settings' });
    expect(details.get('approvedBy')?.source ?? null).toBe(state.facts.approvedBy ? 'workbook' : null);
    expect(withTierChoice(state.settings, state.analysis.risks[0].entry, 'This week').tierChoices).toHaveLength(1);
  });
});
