import fc from 'fast-check';
import type { CellRange } from '../../core/grid';
import {
  capBlocks,
  cappedRowCount,
  CLUSTER_SLACK_CELLS,
  clusterAreas,
  estimateReadBytes,
  MIN_BYTES_PER_CELL,
  nextBytesPerCell,
  planReadSyncs,
  READ_BYTES_PER_CELL,
  RESPONSE_BUDGET_BYTES,
  splitReadGroup,
  type ReadBlock,
  type ReadShape,
} from './readPlan';

const syncBytes = (group: ReadBlock[]) => group.reduce((sum, b) => sum + estimateReadBytes(b), 0);

describe('planReadSyncs', () => {
  it('reads a register that fits in one response in one round trip, one block a sheet', () => {
    const plan = planReadSyncs([{ rowCount: 1_001, columnCount: 7 }, null, { rowCount: 2, columnCount: 2 }]);
    expect(plan).toEqual([
      [
        { sheet: 0, rowOffset: 0, rowCount: 1_001, columnCount: 7 },
        { sheet: 2, rowOffset: 0, rowCount: 2, columnCount: 2 },
      ],
    ]);
  });

  it('plans nothing for a workbook of empty sheets', () => {
    expect(planReadSyncs([null, null])).toEqual([]);
    expect(planReadSyncs([])).toEqual([]);
  });

  it('splits 50,000 rows x 7 columns into 4 MB round trips, one more per extra 4 MB', () => {
    const plan = planReadSyncs([{ rowCount: 50_000, columnCount: 7 }]);
    // 7 x 80 = 560 bytes a row: 7,142 rows per 4 MB round trip; 50,000 rows = 7 full ones + 6 rows.
    expect(plan).toHaveLength(8);
    expect(plan[7]).toEqual([{ sheet: 0, rowOffset: 49_994, rowCount: 6, columnCount: 7 }]);
    expect(plan[0]).toEqual([{ sheet: 0, rowOffset: 0, rowCount: 7_142, columnCount: 7 }]);
    expect(plan.every((g) => syncBytes(g) <= RESPONSE_BUDGET_BYTES)).toBe(true);
    expect(plan.flat().reduce((n, b) => n + b.rowCount, 0)).toBe(50_000);
  });

  it('fills a round trip with the next sheet, cutting it where the budget runs out', () => {
    const plan = planReadSyncs(
      [
        { rowCount: 6, columnCount: 1 },
        { rowCount: 6, columnCount: 1 },
      ],
      { budgetBytes: 10 * READ_BYTES_PER_CELL },
    );
    expect(plan).toEqual([
      [
        { sheet: 0, rowOffset: 0, rowCount: 6, columnCount: 1 },
        { sheet: 1, rowOffset: 0, rowCount: 4, columnCount: 1 },
      ],
      [{ sheet: 1, rowOffset: 4, rowCount: 2, columnCount: 1 }],
    ]);
  });

  it('takes a row at a time when a single row is over the budget', () => {
    const plan = planReadSyncs([{ rowCount: 3, columnCount: 16_384 }], { budgetBytes: 1_000_000 });
    expect(plan.map((g) => g.map((b) => b.rowOffset))).toEqual([[0], [1], [2]]);
  });

  it('skips the rows a shape marks as read, and plans with the per-cell estimate given', () => {
    const plan = planReadSyncs(
      [
        { rowCount: 10, columnCount: 2, rowsRead: 10 },
        { rowCount: 10, columnCount: 2, rowsRead: 4 },
      ],
      {
        budgetBytes: 100,
        bytesPerCell: 25,
      },
    );
    expect(plan).toEqual([
      [{ sheet: 1, rowOffset: 4, rowCount: 2, columnCount: 2 }],
      [{ sheet: 1, rowOffset: 6, rowCount: 2, columnCount: 2 }],
      [{ sheet: 1, rowOffset: 8, rowCount: 2, columnCount: 2 }],
    ]);
  });

  it('stops each sheet at the cell cap', () => {
    expect(cappedRowCount(1_048_576, 6)).toBe(833_333);
    const plan = planReadSyncs([{ rowCount: 40, columnCount: 3 }], { cellCap: 30 });
    expect(plan).toEqual([[{ sheet: 0, rowOffset: 0, rowCount: 10, columnCount: 3 }]]);
  });

  it('covers every capped row of every sheet exactly once, in order, within the budget', () => {
    const shape = fc.option(fc.record({ rowCount: fc.integer({ min: 0, max: 5_000 }), columnCount: fc.integer({ min: 1, max: 40 }) }), {
      nil: null,
    });
    fc.assert(
      fc.property(
        fc.array(shape, { maxLength: 6 }),
        fc.integer({ min: 1_000, max: 400_000 }),
        fc.integer({ min: 50, max: 2_000 }),
        (shapes, budget, cap) => {
          const plan = planReadSyncs(shapes as (ReadShape | null)[], { budgetBytes: budget, cellCap: cap });
          for (const group of plan) {
            expect(group.length).toBeGreaterThan(0);
            // Over budget only as a lone one-row block.
            if (syncBytes(group) > budget) expect(group).toEqual([expect.objectContaining({ rowCount: 1 })]);
          }
          shapes.forEach((s, sheet) => {
            const blocks = plan.flat().filter((b) => b.sheet === sheet);
            const want = s ? cappedRowCount(s.rowCount, s.columnCount, cap) : 0;
            let next = 0;
            for (const b of blocks) {
              expect(b.rowOffset).toBe(next);
              expect(b.rowCount).toBeGreaterThan(0);
              expect(b.rowCount * b.columnCount).toBeLessThanOrEqual(cap);
              next += b.rowCount;
            }
            expect(next).toBe(want);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('nextBytesPerCell', () => {
  it('starts from the fixed estimate, then uses the measured average with a 1.5x margin and a floor', () => {
    expect(nextBytesPerCell(0, 0)).toBe(READ_BYTES_PER_CELL);
    expect(nextBytesPerCell(40_000, 1_000)).toBe(60);
    expect(nextBytesPerCell(300_000, 1_000)).toBe(450); // long text raises the estimate above the start
    expect(nextBytesPerCell(3_000, 1_000)).toBe(MIN_BYTES_PER_CELL);
  });
});

describe('splitReadGroup', () => {
  it('halves the blocks of a round trip, then the rows of a lone block, and stops at one row', () => {
    const a = { sheet: 0, rowOffset: 0, rowCount: 5, columnCount: 2 };
    const b = { sheet: 1, rowOffset: 0, rowCount: 1, columnCount: 2 };
    const c = { sheet: 2, rowOffset: 0, rowCount: 1, columnCount: 2 };
    expect(splitReadGroup([a, b, c])).toEqual([[a, b], [c]]);
    expect(splitReadGroup([a])).toEqual([[{ ...a, rowCount: 3 }], [{ ...a, rowOffset: 3, rowCount: 2 }]]);
    expect(splitReadGroup([b])).toBeNull();
    expect(splitReadGroup([])).toBeNull();
  });
});

describe('clusterAreas', () => {
  const at = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

  it('joins the row strips of one table into one block and keeps areas far apart separate', () => {
    // A table whose blank cells cut it into strips, then one cell at the sheet's far corner.
    const strips = [at(1, 1, 1, 6), at(2, 1, 2, 3), at(2, 5, 2, 6), at(3, 1, 40, 6)];
    expect(clusterAreas([at(1_048_575, 16_383), ...strips])).toEqual([at(1, 1, 40, 6), at(1_048_575, 16_383)]);
  });

  it('never joins A1 and XFD1048576 (the rectangle would be 17 billion cells)', () => {
    expect(clusterAreas([at(0, 0), at(1_048_575, 16_383)])).toEqual([at(0, 0), at(1_048_575, 16_383)]);
  });

  it('keeps every area inside some block, and no block much emptier than its areas', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ top: fc.nat(2_000_000 / 2), left: fc.nat(16_383), h: fc.nat(50), w: fc.nat(50) }), { maxLength: 40 }),
        (raw) => {
          const areas = raw.map((a) => at(a.top, a.left, a.top + a.h, Math.min(16_383, a.left + a.w)));
          const blocks = clusterAreas(areas);
          const inside = (a: CellRange, b: CellRange) => a.top >= b.top && a.left >= b.left && a.bottom <= b.bottom && a.right <= b.right;
          expect(areas.every((a) => blocks.some((b) => inside(a, b)))).toBe(true);
          const cells = (r: CellRange) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
          const areaCells = areas.reduce((n, a) => n + cells(a), 0);
          expect(blocks.reduce((n, b) => n + cells(b), 0)).toBeLessThanOrEqual(2 * areaCells + CLUSTER_SLACK_CELLS * blocks.length);
        },
      ),
    );
  });
});

describe('capBlocks', () => {
  it('keeps the first blocks whole, cuts the next one by rows, and drops the rest', () => {
    const blocks = [
      { top: 0, left: 0, bottom: 9, right: 1 },
      { top: 100, left: 0, bottom: 109, right: 1 },
      { top: 500, left: 0, bottom: 500, right: 0 },
    ];
    expect(capBlocks(blocks, 30)).toEqual([blocks[0], { top: 100, left: 0, bottom: 104, right: 1 }]);
    expect(capBlocks(blocks, 100)).toEqual(blocks);
  });
});

describe('planReadSyncs block limit', () => {
  it('puts at most maxBlocks blocks in a round trip, so many small areas never make a request too large', () => {
    const shapes = Array.from({ length: 5 }, () => ({ rowCount: 1, columnCount: 1 }));
    expect(planReadSyncs(shapes, { maxBlocks: 2 }).map((g) => g.length)).toEqual([2, 2, 1]);
    expect(planReadSyncs(shapes).map((g) => g.length)).toEqual([5]);
  });
});
