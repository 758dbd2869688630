/**
 * A used range far larger than its cells (A1 and XFD1048576 make 17 billion) is read as its real
 * cells, found with getSpecialCells (ExcelApi 1.9), never as the rectangle.
 */
import { isDeepStrictEqual } from 'node:util';
import { FakeWorkbook, fakeRun, installOfficeStub, setSupportedExcelApi } from '../../../test/fakes/excel-fake';
import { cellAt, formulaAt, type CellRange, type CellValue, type SheetGrid } from '../../core/grid';
import { readWorkbookNow } from '../../../test/support/pipeline';
import { API, supportsExcelApi } from './capabilities';
import { createOfficeWorkbookPort } from './index';
import { readSheetGrids, sparseCells, type ReadOptions } from './read';
import { MAX_PROBE_AREAS } from './readPlan';

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.13');
});
afterEach(() => restore());

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Reads with the same capability check as the port, plus test options. */
async function read(wb: FakeWorkbook, options: Partial<ReadOptions> = {}): Promise<SheetGrid[]> {
  const run = fakeRun(wb) as unknown as Run;
  return run((context) =>
    readSheetGrids(context, {
      exclude: [],
      mergedAreas: supportsExcelApi(API.mergedAreas),
      specialCells: supportsExcelApi(API.specialCells),
      ...options,
    }),
  );
}

function cornersWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('Corners')
    .setValues('A1', [['first']])
    .setValues('XFD1048576', [['last']]);
  return wb;
}

/** Every non-empty cell of a grid as "row,col=value". */
function realCells(grid: SheetGrid): string[] {
  const out: string[] = [];
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null) out.push(`${grid.top + i},${grid.left + j}=${String(v)}`);
    }),
  );
  return out;
}

describe('sparse sheets (ExcelApi 1.9)', () => {
  it('reads A1 + XFD1048576 as two cells at their true places, in five round trips and well under a second', async () => {
    const wb = cornersWorkbook();
    const started = performance.now();
    const [grid] = await createOfficeWorkbookPort(fakeRun(wb)).readGrids(['Corners']);
    const ms = performance.now() - started;

    expect(cellAt(grid, 0, 0)).toBe('first');
    expect(cellAt(grid, 1_048_575, 16_383)).toBe('last');
    expect(realCells(grid)).toEqual(['0,0=first', '1048575,16383=last']);
    expect(grid.top).toBe(0);
    expect(grid.left).toBe(0);
    // Bounded by the real cells: one pointer a row, two short rows, never 17 billion cells.
    expect(grid.values).toHaveLength(1_048_576);
    expect(grid.values[0]).toEqual(['first']);
    expect(grid.values[1]).toHaveLength(0);
    expect(Object.isFrozen(grid.values[1])).toBe(true);
    expect(grid.values[1_048_575]).toHaveLength(16_384);
    expect(grid.formulas?.[1_048_575][16_383]).toBeNull();
    // Sheets + tables, shapes, the count of real cells, their areas, one read of the two cells.
    expect(wb.syncCount).toBe(5);
    expect(wb.largestResponse).toBeLessThan(10_000);
    expect(ms).toBeLessThan(1_000);
  });

  it('reads scattered blocks far apart (values and formulas) at their true places, in one read round trip', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Scattered');
    sheet.setValues('B2', [
      ['ID', 'Risk', 'Score'],
      ['R-1', 'Laptops not encrypted', '=2*3'],
      ['R-2', 'No BAA', 4],
    ]);
    sheet.setValues('AA500000', [
      ['far', 1],
      [null, 2],
    ]);
    sheet.setValues('M700000', [['=SUM(A1:A2)']]);
    sheet.setValues('XFD1048576', [['corner']]);
    const [grid] = await read(wb);

    expect(wb.syncCount).toBe(5);
    expect(realCells(grid)).toEqual([
      '1,1=ID',
      '1,2=Risk',
      '1,3=Score',
      '2,1=R-1',
      '2,2=Laptops not encrypted',
      '2,3=0',
      '3,1=R-2',
      '3,2=No BAA',
      '3,3=4',
      '499999,26=far',
      '499999,27=1',
      '500000,27=2',
      '699999,12=0',
      '1048575,16383=corner',
    ]);
    expect(formulaAt(grid, 2, 3)).toBe('=2*3');
    expect(formulaAt(grid, 699_999, 12)).toBe('=SUM(A1:A2)');
    expect(formulaAt(grid, 1, 1)).toBeNull();
    expect(cellAt(grid, 500_000, 26)).toBeNull();
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(1);
    expect(grid.values).toHaveLength(1_048_576 - 1);
    // Rows between the blocks are the one shared empty row.
    expect(grid.values[10]).toBe(grid.values[400_000]);
  });

  it('keeps a normal register to three round trips, with no probe', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register').setValues('A1', [
      ['ID', 'Risk', 'Score'],
      ...Array.from({ length: 2_000 }, (_, i) => [`R-${i}`, `Risk ${i}`, i % 25]),
    ]);
    const grids = await createOfficeWorkbookPort(fakeRun(wb)).readGrids();
    expect(wb.syncCount).toBe(3);
    expect(grids[0].values).toHaveLength(2_001);
    expect(grids[0].values.every((row) => row.length === 3)).toBe(true);
  });

  it('reads a dense sheet over the probe size as its rectangle: the same grid, one round trip more', async () => {
    const wb = new FakeWorkbook();
    // 62 rows x 16,384 columns = 1,015,808 cells (just over SPARSE_PROBE_CELLS), all filled.
    wb.addSheet('Wide').setValues(
      'A1',
      Array.from({ length: 62 }, (_, r) => Array.from({ length: 16_384 }, (_, c) => r * 16_384 + c)),
    );
    setSupportedExcelApi('1.8');
    const before = await read(wb);
    const syncsBefore = wb.syncCount;
    wb.resetCounters();
    setSupportedExcelApi('1.13');
    const after = await read(wb);
    expect(wb.syncCount).toBe(syncsBefore + 1);
    expect(isDeepStrictEqual(after, before)).toBe(true);
    expect(after[0].values[61][16_383]).toBe(62 * 16_384 - 1);
  }, 60_000);

  it('keeps to the cell cap across all the blocks of a sparse sheet (the first blocks kept)', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Blocks');
    sheet.setValues(
      'A1',
      Array.from({ length: 10 }, () => ['a', 'b']),
    );
    sheet.setValues(
      'C600000',
      Array.from({ length: 10 }, () => ['c', 'd']),
    );
    sheet.setValues('XFD1048576', [['e']]);
    const [grid] = await read(wb, { cellCap: 30 });
    // 20 cells of the first block, then 5 rows (10 cells) of the second; the corner is past the cap.
    expect(realCells(grid)).toHaveLength(30);
    expect(cellAt(grid, 600_003, 2)).toBe('c');
    expect(cellAt(grid, 600_005, 2)).toBeNull();
    expect(cellAt(grid, 1_048_575, 16_383)).toBeNull();
  });

  it('without ExcelApi 1.9 reads as before: the first rows of the used range up to the cap, without the far cell', async () => {
    restore();
    restore = installOfficeStub('1.8');
    const wb = cornersWorkbook();
    // A small cap stands in for READ_CELL_CAP (5,000,000 cells, about 305 rows of 16,384 columns).
    const [grid] = await read(wb, { cellCap: 3 * 16_384 });
    expect(grid.values).toHaveLength(3);
    expect(grid.values.every((row) => row.length === 16_384)).toBe(true);
    expect(cellAt(grid, 0, 0)).toBe('first');
    expect(cellAt(grid, 1_048_575, 16_383)).toBeNull();
    expect(wb.syncCount).toBe(3);
  });

  it('reads a sheet of more than MAX_PROBE_AREAS scattered areas as before: its used range, capped', async () => {
    const wb = cornersWorkbook();
    const sheet = wb.sheet('Corners');
    for (let i = 0; i < MAX_PROBE_AREAS; i++) sheet.setValues(`B${2 + i * 2}`, [[i]]);
    const [grid] = await read(wb, { cellCap: 16_384 });
    // Sheets + tables, shapes, the count (no areas loaded), the first row.
    expect(wb.syncCount).toBe(4);
    expect(wb.largestResponse).toBeLessThan(200_000);
    expect(grid.values).toHaveLength(1);
    expect(cellAt(grid, 0, 0)).toBe('first');
  });

  it('falls back to the capped read when loading the areas fails (a response over the cap)', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Tall').setValues('A1', [['first']]);
    for (let i = 0; i < 3_000; i++) sheet.setValues(`B${2 + i * 2}`, [[i]]);
    sheet.setValues('B1048576', [['last']]);
    const [probeOk] = await read(wb);
    expect(realCells(probeOk)).toHaveLength(3_002);
    expect(wb.syncCount).toBe(5);
    const areasBytes = wb.responseSizes[3];
    wb.resetCounters();
    wb.responseLimitBytes = areasBytes - 1;
    const [grid] = await read(wb, { cellCap: 200 });
    // The areas' round trip (4) failed; the first 100 rows of A:B were read as before (5).
    expect(wb.responseSizes[3]).toBe(areasBytes);
    expect(wb.syncCount).toBe(5);
    expect(grid.values).toHaveLength(100);
    expect(cellAt(grid, 0, 0)).toBe('first');
    expect(cellAt(grid, 1, 1)).toBe(0);
    expect(cellAt(grid, 1_048_575, 1)).toBeNull();
  });

  it('hands the core a grid it reads at once: the register at A1 is found, the far corner cell changes nothing', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register')
      .setValues('A1', [
        ['ID', 'Risk description', 'Likelihood', 'Impact', 'Status'],
        ['R-1', 'Laptops not encrypted', 3, 4, 'Open'],
        ['R-2', 'No BAA with the IT vendor', 2, 2, 'Closed'],
      ])
      .setValues('XFD1048576', [['x']]);
    const started = performance.now();
    const read = readWorkbookNow(await createOfficeWorkbookPort(fakeRun(wb)).readGrids());
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(read.register).toMatchObject({ sheet: 'Register', headerRow: 1, firstRow: 2, lastRow: 3 });
  });
});

describe('sparseCells (putting the blocks of a sparse sheet together)', () => {
  type Piece = { area: CellRange; values: CellValue[][]; formulas: (string | null)[][] };

  /** The same grid built the slow, obvious way: every real cell at its place, later pieces win. */
  function reference(pieces: Piece[]): { area: CellRange; values: CellValue[][]; formulas: (string | null)[][] } | null {
    const cells = new Map<number, Map<number, [CellValue, string | null]>>();
    for (const { area, values, formulas } of pieces) {
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = formulas[i]?.[j] ?? null;
          if (v === null && f === null) return;
          const r = area.top + i;
          if (!cells.has(r)) cells.set(r, new Map());
          cells.get(r)!.set(area.left + j, [v, f]);
        }),
      );
    }
    if (!cells.size) return null;
    const rows = [...cells.keys()];
    const cols = [...cells.values()].flatMap((m) => [...m.keys()]);
    const area = { top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) };
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row = cells.get(r);
      const width = row ? Math.max(...row.keys()) - area.left + 1 : 0;
      values.push(Array.from({ length: width }, (_, c) => row?.get(area.left + c)?.[0] ?? null));
      formulas.push(Array.from({ length: width }, (_, c) => row?.get(area.left + c)?.[1] ?? null));
    }
    return { area, values, formulas };
  }

  it('gives the obvious grid for blocks that overlap, start at other columns, or hold only formulas', () => {
    let seed = 18;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const pieces: Piece[] = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
        const top = Math.floor(next() * 12);
        const left = Math.floor(next() * 4);
        const rows = 1 + Math.floor(next() * 6);
        const width = 1 + Math.floor(next() * 5);
        const values = Array.from({ length: rows }, () =>
          Array.from({ length: width }, () => (next() < 0.3 ? (next() < 0.5 ? 'x' : Math.floor(next() * 9)) : null)),
        );
        const formulas = values.map((row) => row.map((v) => (next() < 0.15 ? `=R${String(v)}` : null)));
        if (next() < 0.2) formulas.pop();
        return { area: { top, left, bottom: top + rows - 1, right: left + width - 1 }, values, formulas };
      });
      const expected = reference(pieces);
      expect(sparseCells(pieces)).toEqual(expected);
    }
  });
});
