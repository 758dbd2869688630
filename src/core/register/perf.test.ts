/**
 * 50,000 rows x 17 columns must read in well under 200 ms. Timing is only asserted when
 * RISKPLAN_PERF=1 (unit tests carry no timing assertions); the size and correctness always are.
 */
import { makeGrid, type CellValue, type SheetGrid } from '../grid';
import { readWorkbookNow } from '../../../test/support/pipeline';
import { HEADERS, syntheticRegisterGrid } from '../../../test/fixtures/synthetic';

/** The synthetic register (four rows above the data) with trailing empty rows, as a sheet "formatted" far down can produce. */
function bigGrid(rows: number): SheetGrid {
  const grid = syntheticRegisterGrid(rows);
  const values = [...grid.values];
  for (let r = 0; r < 5000; r++) values.push(new Array<CellValue>(HEADERS.length).fill(null));
  return makeGrid(grid.name, values, { merges: grid.merges });
}

describe('performance', () => {
  it('reads 50,000 rows x 17 columns', () => {
    const grid = bigGrid(50_000);
    readWorkbookNow([bigGrid(200)]); // warm up the JIT and lookup caches
    const start = performance.now();
    const read = readWorkbookNow([grid]);
    const ms = performance.now() - start;
    expect(read.register!.entries).toHaveLength(50_000);
    expect(read.register!.lastRow).toBe(50_004);
    if (process.env.RISKPLAN_PERF === '1') {
      console.log(`readWorkbook: 50,000 x 17 in ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(200);
    }
  });
});
