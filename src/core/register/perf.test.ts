/**
 * 50,000 rows x 20 columns must read in well under 200 ms. Timing is only asserted when
 * RISKPLAN_PERF=1 (unit tests carry no timing assertions); the size and correctness always are.
 */
import { makeGrid, type CellValue, type SheetGrid } from '../grid';
import { readWorkbook } from './index';

function bigGrid(rows: number): SheetGrid {
  const header = ['Risk ID', 'Risk Description', 'Asset', 'Threat', 'Vulnerability', 'Likelihood', 'Impact', 'Risk Score', 'Risk Level', 'Mitigation Plan', 'Owner', 'Due Date', 'Status', 'Completion Date', 'Evidence', 'Verified By', 'Verification Date', 'Root Cause', 'Review Date', 'Notes'];
  const levels = ['Low', 'Medium', 'High'];
  const statuses = ['Open', 'In Progress', 'Complete', 'WIP', 'Not Started'];
  const values: CellValue[][] = [header];
  for (let r = 0; r < rows; r++) {
    const l = (r % 5) + 1;
    const i = ((r * 7) % 5) + 1;
    values.push([
      `R-${r + 1}`, `Risk number ${r + 1} to ePHI`, 'EHR', 'Phishing', 'No MFA', l, i, l * i, levels[r % 3], 'Enable MFA',
      r % 11 === 0 ? 'TBD' : 'Privacy Officer', 46000 + (r % 400), statuses[r % 5], r % 5 === 2 ? 46100 : null, null, null, null,
      'No policy', r % 3 ? '2026-01-15' : '1/15/2026', null,
    ]);
  }
  // Trailing empty rows, as a sheet "formatted" far down can produce.
  for (let r = 0; r < 5000; r++) values.push(new Array<CellValue>(20).fill(null));
  return makeGrid('Risk Register', values);
}

describe('performance', () => {
  it('reads 50,000 rows x 20 columns', () => {
    const grid = bigGrid(50_000);
    readWorkbook([bigGrid(200)]); // warm up the JIT and lookup caches
    const start = performance.now();
    const read = readWorkbook([grid]);
    const ms = performance.now() - start;
    expect(read.register!.entries).toHaveLength(50_000);
    expect(read.register!.lastRow).toBe(50_001);
    if (process.env.RISKPLAN_PERF === '1') {
      console.log(`readWorkbook: 50,000 x 20 in ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(200);
    }
  });
});
