/**
 * Tampered settings: the RiskPlan_Data sheet travels with a client's workbook and is untrusted.
 * Whatever is in it, loading falls back to defaults for the bad parts with a warning that names the
 * setting, never throws, never pollutes Object.prototype, and generating the plan still works.
 */
import { openXlsx, type XlsxWorkbookPort } from '../../src/adapters/xlsx';
import { DEFAULT_SETTINGS, parseSettingsSliced, STORE_SHEET_NAME } from '../../src/core/settings';
import { finish } from '../../src/core/slices';
import { generatePlan, loadWorkbook, type WorkbookState } from '../../src/app/workflow';
import { installOfficeStub } from '../fakes/excel-fake';
import { fixtureBytes } from '../fixtures/workbooks';
import { AS_OF, fakeFromGrids, gridsOfBytes, officePortOn } from './helpers';

const validSnapshotRow = {
  key: 'r-001',
  id: 'R-001',
  risk: 'Shared login',
  owner: 'PM',
  dueDate: '2026-02-15',
  status: 'Open',
  level: 'High',
};

/** Opens the register fixture with `stored` written into the store sheet. */
async function registerWithStore(stored: string): Promise<XlsxWorkbookPort> {
  const port = await openXlsx(await fixtureBytes('titleRowsRegister'));
  await port.writeStore(stored);
  // Through the file, so the chunked cells are read back as a user's copy would be.
  return openXlsx(await port.save());
}

/** Loads, checks nothing leaked into Object.prototype, then generates the plan. */
async function loadAndGenerate(stored: string): Promise<{ state: WorkbookState; sheet: string; port: XlsxWorkbookPort }> {
  const port = await registerWithStore(stored);
  const state = await loadWorkbook(port, { asOf: AS_OF });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  const { sheet } = await generatePlan(port, state);
  expect(sheet).toBe('Risk Management Plan');
  // The store is healthy again afterwards: generation rewrote it from valid settings.
  expect(finish(parseSettingsSliced(await port.readStore())).warnings).toEqual([]);
  return { state, sheet, port };
}

describe('tampered settings in the store sheet', () => {
  afterEach(() => {
    // Never leave pollution behind for other tests, even when an assertion failed.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('text that is not JSON: defaults, with a warning naming the store sheet', async () => {
    const { state } = await loadAndGenerate('this is {not json');
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.warnings).toHaveLength(1);
    expect(state.warnings[0]).toContain(STORE_SHEET_NAME);
  });

  it('a JSON array: defaults, with a warning', async () => {
    const { state } = await loadAndGenerate('[1, 2, {"practiceName": "x"}]');
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.warnings.join(' ')).toMatch(/not a settings record/);
  });

  it('a field of the wrong type: that field alone falls back, and the warning names it', async () => {
    const { state } = await loadAndGenerate(
      JSON.stringify({ practiceName: 'Sunrise Family Medicine', keepPreviousPlan: 'yes', planVersion: -4 }),
    );
    expect(state.settings.practiceName).toBe('Sunrise Family Medicine');
    expect(state.settings.keepPreviousPlan).toBe(false);
    expect(state.settings.planVersion).toBe(0);
    expect(state.warnings.some((w) => w.includes('"keepPreviousPlan"'))).toBe(true);
    expect(state.warnings.some((w) => w.includes('"planVersion"'))).toBe(true);
  });

  it.each([
    ['"__proto__" alone', '{"__proto__": {"polluted": true}}'],
    ['"__proto__" next to a bad field', '{"__proto__": {"polluted": true}, "keepPreviousPlan": "yes", "practiceName": "Acme"}'],
    ['"constructor" next to a bad field', '{"constructor": {"prototype": {"polluted": true}}, "planVersion": "x"}'],
    ['"__proto__" nested in the cap settings', '{"cap": {"__proto__": {"polluted": true}, "type": 7}}'],
  ])('a prototype key %s: no crash and no prototype pollution', async (_label, json) => {
    const { state } = await loadAndGenerate(json);
    expect(state.settings).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(state.settings)).toBe(Object.prototype);
  });

  it('a 1 MB string in a field: the field is dropped with a warning naming it', async () => {
    const { state } = await loadAndGenerate(JSON.stringify({ practiceName: 'x'.repeat(1_000_000), preparedBy: 'Jane Ortiz' }));
    expect(state.settings.practiceName).toBeUndefined();
    expect(state.settings.preparedBy).toBe('Jane Ortiz');
    expect(state.warnings.some((w) => w.includes('"practiceName"'))).toBe(true);
  });

  it('a 1 MB store that is not JSON: defaults with a warning', async () => {
    const { state } = await loadAndGenerate('{'.repeat(1_000_000));
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.warnings).toHaveLength(1);
  });

  it('a mapping with column "ZZZZ": the mapping is ignored with a warning naming it; the register is still found', async () => {
    const { state } = await loadAndGenerate(
      JSON.stringify({ mapping: [{ sheet: 'Risk Register', kind: 'register', columns: { owner: 'ZZZZ' } }] }),
    );
    expect(state.settings.mapping).toEqual([]);
    expect(state.warnings.some((w) => w.includes('"mapping"'))).toBe(true);
    expect(state.read.register?.sheet).toBe('Risk Register');
  });

  it('a mapping pointing at a sheet that does not exist: a warning names the setting and the sheet', async () => {
    const { state } = await loadAndGenerate(
      JSON.stringify({ mapping: [{ sheet: 'Old Register 2019', kind: 'register', columns: { owner: 'C' } }] }),
    );
    const warning = state.warnings.find((w) => w.includes('Old Register 2019'));
    expect(warning).toBeDefined();
    expect(warning).toMatch(/mapping/);
    expect(state.read.register?.sheet).toBe('Risk Register');
  });

  it('a snapshot with 10 bad rows: the snapshot is dropped with a warning; the new plan has a fresh snapshot', async () => {
    const bad = Array.from({ length: 10 }, (_, k) => ({ ...validSnapshotRow, key: k, status: 'Exploded', level: 12 }));
    const stored = { planVersion: 3, snapshot: { generatedOn: '2026-01-01', version: 3, risks: [validSnapshotRow, ...bad] } };
    const { state, port } = await loadAndGenerate(JSON.stringify(stored));
    expect(state.settings.snapshot).toBeUndefined();
    expect(state.settings.planVersion).toBe(3);
    expect(state.warnings.some((w) => w.includes('"snapshot"'))).toBe(true);
    const after = finish(parseSettingsSliced(await port.readStore())).settings;
    expect(after.snapshot?.risks.length).toBeGreaterThan(0);
    expect(after.planVersion).toBe(4);
  });
});

describe('tampered settings through the Office.js adapter', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = installOfficeStub('1.17');
  });
  afterEach(() => restore());

  it('garbage in the store sheet gives defaults plus a warning, and the plan is still generated', async () => {
    const fake = fakeFromGrids(await gridsOfBytes(await fixtureBytes('titleRowsRegister')));
    const store = fake.addSheet(STORE_SHEET_NAME);
    store.visibility = 'VeryHidden';
    store.setValues('A1', [['Risk Plan settings'], ['{"__proto__": {"polluted": true}, "keepPreviousPlan": "yes"']]);
    const port = officePortOn(fake);
    const state = await loadWorkbook(port, { asOf: AS_OF });
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.warnings.join(' ')).toContain(STORE_SHEET_NAME);
    await expect(generatePlan(port, state)).resolves.toMatchObject({ sheet: 'Risk Management Plan' });
  });
});
