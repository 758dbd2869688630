/**
 * Reads of big registers through the strict fake, which fails any response over 5 MB like
 * Excel on the web: the read stays at three round trips while it fits in one response, and is
 * split into row blocks (never a response over the cap) beyond that.
 */
import { isDeepStrictEqual } from 'node:util';
import { FakeWorkbook, fakeRun, installOfficeStub } from '../../../test/fakes/excel-fake';
import type { CellValue, SheetGrid } from '../../core/grid';
import { createOfficeWorkbookPort } from './index';
import { readSheetGrids, type ReadOptions } from './read';
import { RESPONSE_BUDGET_BYTES } from './readPlan';

const MB5 = 5 * 1024 * 1024;

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.13');
});
afterEach(() => restore());

/** A 7-column register row: about 17 characters per cell, like a real register. */
function registerRow(i: number): CellValue[] {
  return [
    `R-${String(i + 1).padStart(6, '0')}`,
    `Ransomware on the EHR server (${i})`,
    i % 5 === 0 ? null : 'Office Manager',
    46_000 + (i % 700),
    (i % 5) + 1,
    ((i * 7) % 5) + 1,
    ['Open', 'In Progress', 'Complete'][i % 3],
  ];
}

function registerWorkbook(rows: number, sheetName = 'Risk Register'): FakeWorkbook {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet(sheetName);
  sheet.setValues('B3', [['ID', 'Risk', 'Owner', 'Due', 'Likelihood', 'Impact', 'Status']]);
  sheet.setValues(
    'B4',
    Array.from({ length: rows }, (_, i) => registerRow(i)),
  );
  sheet.setValues('H4', [['=F4*G4']]); // one formula (over a Status), so the formulas matrix is not all null
  wb.addSheet('CAP').setValues('A1', [
    ['Action', 'Owner'],
    ['Encrypt laptops', 'IT'],
  ]);
  return wb;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Reads with the adapter's reader directly, so a test can change the budget. */
function read(wb: FakeWorkbook, options: Partial<ReadOptions> = {}): Promise<SheetGrid[]> {
  const run = fakeRun(wb) as unknown as Run;
  return run((context) => readSheetGrids(context, { exclude: [], mergedAreas: true, ...options }));
}

/** The grids one response would carry (and that response's size), read from a fake without the web's cap. */
async function oneShot(wb: FakeWorkbook): Promise<{ grids: SheetGrid[]; largestResponse: number }> {
  const limit = wb.responseLimitBytes;
  wb.responseLimitBytes = Infinity;
  try {
    const grids = await read(wb, { responseBudgetBytes: Infinity });
    return { grids, largestResponse: wb.largestResponse };
  } finally {
    wb.responseLimitBytes = limit;
    wb.resetCounters();
  }
}

describe('chunked reads', () => {
  it('reads 1,000 rows x 7 columns in three round trips (one for all the cells), as before chunking', async () => {
    const wb = registerWorkbook(1_000);
    const grids = await createOfficeWorkbookPort(fakeRun(wb)).readGrids();
    expect(grids[0].values).toHaveLength(1_001);
    expect(grids[0].formulas?.[1][6]).toBe('=F4*G4');
    expect(wb.syncCount).toBe(3);
    expect(wb.largestResponse).toBeLessThan(RESPONSE_BUDGET_BYTES);
  });

  it('keeps the same round trips for any read that fits in one response, whatever the rows or sheets', async () => {
    const counts: number[] = [];
    for (const rows of [10, 1_000, 6_000]) {
      const wb = registerWorkbook(rows);
      for (let s = 0; s < 5; s++)
        wb.addSheet(`Extra ${s}`).setValues('A1', [
          ['x', 1],
          ['y', 2],
        ]);
      await read(wb);
      counts.push(wb.syncCount);
    }
    expect(counts).toEqual([3, 3, 3]);
  });

  it('splits 50,000 rows x 7 columns (one response would pass 5 MB) into blocks that each stay under the cap', async () => {
    const wb = registerWorkbook(50_000);
    const expected = await oneShot(wb);
    // One response would really be over the web cap, so chunking is needed.
    expect(expected.largestResponse).toBeGreaterThan(MB5);

    const grids = await read(wb);
    expect(isDeepStrictEqual(grids, expected.grids)).toBe(true);
    expect(grids[0].values).toHaveLength(50_001);
    expect(wb.largestResponse).toBeLessThan(RESPONSE_BUDGET_BYTES);
    // At a fixed 80 bytes a cell, 7,142 rows of 7 columns fit in 4 MB: 8 round trips for 50,001 rows.
    // Re-estimating from the first block (about 14 bytes a cell here, x1.5, at least 24) takes fewer.
    expect(wb.syncCount).toBeGreaterThan(3);
    expect(wb.syncCount).toBeLessThan(2 + 8);
    wb.resetCounters();
    expect(isDeepStrictEqual(await read(wb, { bytesPerCell: 80 }), expected.grids)).toBe(true);
    expect(wb.syncCount).toBe(2 + 8);
  });

  it('reads 200,000 rows in blocks: no response over 5 MB, and the same grid as one response', async () => {
    const wb = registerWorkbook(200_000);
    const expected = (await oneShot(wb)).grids;
    const grids = await read(wb);
    expect(wb.responseSizes.every((bytes) => bytes <= MB5)).toBe(true);
    expect(wb.syncCount).toBeGreaterThan(3);
    expect(grids[0].values).toHaveLength(200_001);
    expect(grids[0].values[200_000]).toEqual(registerRow(199_999));
    expect(grids[0].top).toBe(2);
    expect(grids[0].left).toBe(1);
    // node's deep equality: jest's toEqual takes many seconds on 1.4 million cells.
    expect(isDeepStrictEqual(grids, expected)).toBe(true);
  }, 60_000);

  it('puts the blocks of every sheet that fit into one round trip, cutting a sheet at the budget', async () => {
    const wb = new FakeWorkbook();
    for (const name of ['A', 'B', 'C']) {
      wb.addSheet(name).setValues(
        'A1',
        Array.from({ length: 10 }, (_, i) => [`${name}${i}`, i]),
      );
    }
    // 10 rows x 2 columns x 80 bytes = 1,600 bytes a sheet; 2,000 bytes a round trip -> 3 round trips.
    const grids = await read(wb, { responseBudgetBytes: 2_000, bytesPerCell: 80 });
    expect(wb.syncCount).toBe(2 + 3);
    expect(grids.map((g) => g.values.map((r) => r[0]))).toEqual(
      ['A', 'B', 'C'].map((name) => Array.from({ length: 10 }, (_, i) => `${name}${i}`)),
    );
  });

  it('halves a round trip whose response is still over the cap (very long text) and asks again', async () => {
    const wb = new FakeWorkbook();
    wb.responseLimitBytes = 50_000;
    const long = 'x'.repeat(1_000);
    wb.addSheet('Notes').setValues(
      'A1',
      Array.from({ length: 40 }, (_, i) => [`N-${i}`, long]),
    );
    // 40 rows x 2 cells x ~1,000 characters x 2 properties is about 160,000 bytes: three halvings.
    const grids = await read(wb);
    expect(grids[0].values).toHaveLength(40);
    expect(grids[0].values[39]).toEqual(['N-39', long]);
    expect(wb.responseSizes.filter((bytes) => bytes > wb.responseLimitBytes).length).toBeGreaterThan(0);
    expect(wb.syncCount).toBeGreaterThan(3);
  });

  it("gives up with Excel's error when a single row is over the cap, explained in plain words by the port", async () => {
    const wb = new FakeWorkbook();
    wb.responseLimitBytes = 1_000;
    wb.addSheet('Notes').setValues('A1', [['y'.repeat(2_000)]]);
    await expect(read(wb)).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(createOfficeWorkbookPort(fakeRun(wb)).readGrids()).rejects.toThrow(
      /too large for Excel to send back in one step, so Risk Plan could not read the sheets/,
    );
  });

  it('stops a sheet at the cell cap, keeping the first rows, so no read can come back null', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Huge').setValues(
      'A1',
      Array.from({ length: 40 }, (_, i) => [`r${i}`, 'b', 'c']),
    );
    // 30 cells at most = the first 10 rows of 3 columns, in blocks of 2 rows (2 x 3 x 80 = 480 bytes).
    const grids = await read(wb, { cellCap: 30, responseBudgetBytes: 500, bytesPerCell: 80 });
    expect(grids[0].values.map((r) => r[0])).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
    expect(wb.syncCount).toBe(2 + 5);
  });
});
