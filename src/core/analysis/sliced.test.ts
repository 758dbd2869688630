/**
 * analyzeSliced pauses between slices of a big register (drained in one go it is the same generator,
 * so comparing the two would prove nothing), and an item's findings keep FINDING_KINDS order.
 */
import { makeGrid, type CellValue } from '../grid';
import { readWorkbookNow, analyzeNow } from '../../../test/support/pipeline';
import { drainCounting } from '../slices.testing';
import { FINDING_KINDS } from '../model';
import { analyzeSliced } from './index';

const HEADER = [
  'Risk ID',
  'Risk Description',
  'Likelihood',
  'Impact',
  'Risk Level',
  'Mitigation Action',
  'Owner',
  'Due Date',
  'Status',
  'Last Reviewed',
];

function register(rows: number): CellValue[][] {
  const values: CellValue[][] = [[...HEADER]];
  for (let r = 0; r < rows; r++) {
    values.push([
      `R-${r}`,
      // Every 50th risk repeats an earlier one (a duplicate finding).
      r % 50 === 49 ? `Lost laptop ${r - 7}` : `Lost laptop ${r}`,
      (r % 5) + 1,
      ((r * 3) % 5) + 1,
      ['Low', 'Medium', 'High'][r % 3],
      r % 9 === 0 ? 'Improve security' : `Encrypt laptop ${r}`,
      r % 4 === 0 ? 'TBD' : 'Office Manager',
      r % 6 === 0 ? null : 46000 + (r % 400),
      ['Open', 'In Progress', 'Complete', 'Accepted'][r % 4],
      45000 + (r % 700),
    ]);
  }
  return values;
}

describe('analyzeSliced', () => {
  it('pauses between slices of a 5,000-row register and finds its duplicates', () => {
    const read = readWorkbookNow([makeGrid('Risk Register', register(5_000))]);
    const { value, pauses } = drainCounting(analyzeSliced(read, { asOf: '2026-11-23' }));
    expect(pauses).toBeGreaterThan(4);
    expect(value.risks).toHaveLength(5_000);
    expect(value.findings.some((f) => f.kind === 'duplicate')).toBe(true);
  });

  it('pauses the same way with a CAP sheet beside the register, and scores both', () => {
    const cap: CellValue[][] = [['Finding ID', 'Finding', 'Corrective Action', 'Responsible Party', 'Target Date', 'Status', 'Root Cause']];
    for (let r = 0; r < 3_000; r++) {
      cap.push([
        `F-${r}`,
        `Finding ${r % 40}`,
        `Fix item ${r}`,
        r % 3 ? 'Privacy Officer' : null,
        46000 + (r % 90),
        ['Open', 'Complete'][r % 2],
        r % 5 ? 'No owner' : null,
      ]);
    }
    const read = readWorkbookNow([makeGrid('Risk Register', register(2_500)), makeGrid('Corrective Action Plan', cap, { index: 1 })]);
    expect(read.caps).toHaveLength(1);
    const { value, pauses } = drainCounting(analyzeSliced(read, { asOf: '2026-11-23' }));
    expect(pauses).toBeGreaterThan(2);
    expect(value.risks).toHaveLength(2_500);
    expect(value.capItems).toHaveLength(3_000);
    expect(value.capFromRegister).toBe(false);
  });

  it('analyzes a register of a few rows with only the stage pauses', () => {
    const read = readWorkbookNow([makeGrid('Risk Register', register(3))]);
    const { value, pauses } = drainCounting(analyzeSliced(read, { asOf: '2026-11-23' }));
    expect(pauses).toBeLessThanOrEqual(3);
    expect(value.risks).toHaveLength(3);
  });
});

describe("the order of an item's findings", () => {
  it("lists each item's findings in FINDING_KINDS order, the duplicates among them", () => {
    const read = readWorkbookNow([makeGrid('Risk Register', register(600))]);
    const analysis = analyzeNow(read, { asOf: '2026-11-23' });
    for (const r of analysis.risks) {
      const indexes = r.findings.map((f) => FINDING_KINDS.indexOf(f.kind));
      expect(indexes).toEqual([...new Set(indexes)].sort((a, b) => a - b));
    }
    expect(analysis.risks.some((r) => r.findings.some((f) => f.kind === 'duplicate'))).toBe(true);
  });
});
