import { FakeWorkbook, fakeRun, installOfficeStub } from '../../../test/fakes/excel-fake';
import { MARKER_PREFIX, type SheetGrid } from '../../core/grid';
import { STORE_SHEET_NAME } from '../../core/settings';
import { createOfficeWorkbookPort } from './index';
import { cappedRowCount, listSheetInfos, readSheetGrids } from './read';

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.13');
});
afterEach(() => restore());

function registerWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('Instructions').setValues('A1', [['Fill in the register']]);
  const reg = wb.addSheet('Risk Register');
  reg.setValues('B2', [
    ['Risk Register FY2026', null, null],
    ['ID', 'Risk', 'Score'],
    ['R-1', 'Laptops not encrypted', '=2*3'],
    ['R-2', 'No BAA with IT vendor', 4],
  ]);
  reg.merges.push({ top: 1, left: 1, bottom: 1, right: 3 });
  reg.tables.push({
    name: 'Risks',
    range: { top: 2, left: 1, bottom: 4, right: 3 },
    showHeaders: true,
    columnNames: ['ID', 'Risk', 'Score'],
  });
  reg.protected = true;
  const plan = wb.addSheet('Risk Management Plan');
  plan.setValues('A1', [['Plan']]);
  plan.setValues('Z1', [[`${MARKER_PREFIX}plan:v1`]]);
  const store = wb.addSheet(STORE_SHEET_NAME);
  store.visibility = 'VeryHidden';
  store.setValues('A1', [['x'], ['{}']]);
  wb.addSheet('Empty').visibility = 'Hidden';
  return wb;
}

describe('readGrids', () => {
  it('returns the used range as a SheetGrid: values, formulas, merges, tables, protection, marker', async () => {
    const wb = registerWorkbook();
    const port = createOfficeWorkbookPort(fakeRun(wb));
    const grids = await port.readGrids(['Risk Register']);
    const expected: SheetGrid = {
      name: 'Risk Register',
      index: 1,
      visibility: 'visible',
      top: 1,
      left: 1,
      values: [
        ['Risk Register FY2026', null, null],
        ['ID', 'Risk', 'Score'],
        ['R-1', 'Laptops not encrypted', 0],
        ['R-2', 'No BAA with IT vendor', 4],
      ],
      formulas: [
        [null, null, null],
        [null, null, null],
        [null, null, '=2*3'],
        [null, null, null],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
      tables: [
        { name: 'Risks', range: { top: 2, left: 1, bottom: 4, right: 3 }, hasHeaderRow: true, columnNames: ['ID', 'Risk', 'Score'] },
      ],
      protected: true,
      marker: null,
    };
    expect(grids).toEqual([expected]);
  });

  it('reads every sheet except the settings store, recognizing our marker and empty sheets', async () => {
    const port = createOfficeWorkbookPort(fakeRun(registerWorkbook()));
    const grids = await port.readGrids();
    expect(grids.map((g) => g.name)).toEqual(['Instructions', 'Risk Register', 'Risk Management Plan', 'Empty']);
    expect(grids[2].marker).toBe(`${MARKER_PREFIX}plan:v1`);
    expect(grids[2].values[0][25]).toBe(`${MARKER_PREFIX}plan:v1`);
    expect(grids[3]).toMatchObject({ visibility: 'hidden', values: [], merges: [], tables: [] });
  });

  it('reports no merges (and capabilities().mergedAreas false) below ExcelApi 1.13', async () => {
    restore();
    restore = installOfficeStub('1.12');
    const port = createOfficeWorkbookPort(fakeRun(registerWorkbook()));
    expect(port.capabilities().mergedAreas).toBe(false);
    const [grid] = await port.readGrids(['Risk Register']);
    expect(grid.merges).toEqual([]);
    expect(grid.values[0][0]).toBe('Risk Register FY2026');
  });

  it('lists sheets with visibility, protection and marker', async () => {
    const port = createOfficeWorkbookPort(fakeRun(registerWorkbook()));
    const sheets = await port.listSheets();
    expect(sheets).toEqual([
      { name: 'Instructions', index: 0, visibility: 'visible', marker: null, protected: false },
      { name: 'Risk Register', index: 1, visibility: 'visible', marker: null, protected: true },
      { name: 'Risk Management Plan', index: 2, visibility: 'visible', marker: `${MARKER_PREFIX}plan:v1`, protected: false },
      { name: STORE_SHEET_NAME, index: 3, visibility: 'veryHidden', marker: null, protected: false },
      { name: 'Empty', index: 4, visibility: 'hidden', marker: null, protected: false },
    ]);
  });

  it('caps a read so rows x columns stays under the cell cap, reading the first rows', async () => {
    expect(cappedRowCount(1_048_576, 6)).toBe(833_333);
    expect(cappedRowCount(100, 4)).toBe(100);
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Huge');
    sheet.setValues(
      'A1',
      Array.from({ length: 40 }, (_, i) => [`r${i}`, 'b', 'c']),
    );
    const run = fakeRun(wb) as unknown as (b: (c: Excel.RequestContext) => Promise<SheetGrid[]>) => Promise<SheetGrid[]>;
    const [grid] = await run((context) => readSheetGrids(context, { exclude: [], mergedAreas: true, cellCap: 30 }));
    expect(grid.values).toHaveLength(10);
    expect(grid.values[9][0]).toBe('r9');
  });
});

describe('the fake catches reads of unloaded properties', () => {
  /** listSheetInfos with a bug: it forgets to load protection. */
  async function buggyListSheets(context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/position,items/visibility');
    await context.sync();
    return sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected }));
  }

  it('throws PropertyNotLoaded for the buggy helper, not for the adapter', async () => {
    const wb = registerWorkbook();
    const run = fakeRun(wb) as unknown as <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>;
    await expect(run(buggyListSheets)).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(run((context) => listSheetInfos(context))).resolves.toHaveLength(5);
  });
});

describe('readStore / writeStore', () => {
  it('round-trips settings JSON through a very hidden sheet, chunked, written as text', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    const port = createOfficeWorkbookPort(fakeRun(wb));
    expect(await port.readStore()).toBeNull();
    const json = JSON.stringify({ practiceName: '=cmd|calc', notes: 'x'.repeat(70_000) });
    await port.writeStore(json);
    const store = wb.sheet(STORE_SHEET_NAME);
    expect(store.visibility).toBe('VeryHidden');
    expect(store.cell('A2')).toMatchObject({ numberFormat: '@', writtenAsText: true });
    expect(store.value('A4')).not.toBe('');
    expect(await port.readStore()).toBe(json);
    // A shorter value replaces the old chunks entirely.
    await port.writeStore('{"a":1}');
    expect(await port.readStore()).toBe('{"a":1}');
    expect(store.value('A3')).toBe('');
  });

  it('reads the chunks from A2 down whatever A1 holds, like the file adapter', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    const store = wb.addSheet(STORE_SHEET_NAME);
    const port = createOfficeWorkbookPort(fakeRun(wb));
    expect(await port.readStore()).toBeNull();
    store.setValues('A2', [['{"a":'], ['1}'], [null], ['ignored']]);
    expect(await port.readStore()).toBe('{"a":1}');
    store.setValues('A1', [['something else']]);
    expect(await port.readStore()).toBe('{"a":1}');
  });

  it('reads back a store larger than one Excel response (the snapshot of a 50,000-row plan), in blocks under the cap', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    const port = createOfficeWorkbookPort(fakeRun(wb));
    // About 8 MB of JSON, quotes and all: more than Excel on the web's 5 MB response.
    const risks = Array.from({ length: 50_000 }, (_, i) => ({
      key: `R-${i}|unencrypted laptop ${i}`,
      id: `R-${i}`,
      risk: `Unencrypted laptop ${i} in the front office`,
      owner: 'Office Manager',
      dueDate: '2027-01-31',
      status: 'Open',
      level: 'High',
    }));
    const json = JSON.stringify({ snapshot: { generatedOn: '2026-11-23', version: 1, risks } });
    expect(json.length).toBeGreaterThan(6 * 2 ** 20);
    await port.writeStore(json);
    wb.resetCounters();
    expect(await port.readStore()).toBe(json);
    expect(wb.largestResponse).toBeLessThan(4 * 2 ** 20);
    expect(wb.syncCount).toBeGreaterThan(2);
  });

  it('reads a small store in two round trips', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await port.writeStore(JSON.stringify({ practiceName: 'Riverside Family Medicine' }));
    wb.resetCounters();
    expect(await port.readStore()).toBe('{"practiceName":"Riverside Family Medicine"}');
    expect(wb.syncCount).toBe(2);
  });
});
