/**
 * The register's readers (`readWorkbookSliced`, `readRowsSliced`) pause between slices of rows, and
 * what they read is the whole table. (Drained in one go they are the same generator: comparing the
 * two would prove nothing.)
 */
import { makeGrid, type CellValue, type SheetGrid } from '../grid';
import { ROWS_PER_SLICE } from '../slices';
import { drainCounting } from '../slices.testing';
import { readWorkbookSliced } from './index';
import { findHeader } from './locate';
import { readRowsSliced } from './rows';

const HEADER = [
  'Risk ID',
  'Risk Description',
  'Asset',
  'Likelihood',
  'Impact',
  'Risk Score',
  'Risk Level',
  'Mitigation Plan',
  'Owner',
  'Due Date',
  'Status',
  'Completion Date',
  'Notes',
];
const LEVELS = ['Low', 'Medium', 'High', 'Very High', 'Extreme-ish'];
const STATUSES = ['Open', 'WIP', 'Complete', 'Blocked by vendor', '#N/A'];

/** A register with the things that make issues: unknown words, error values, ID-only rows, ambiguous dates, a merged risk. */
function register(rows: number): SheetGrid {
  const values: CellValue[][] = [['Security Risk Register', ...Array(HEADER.length - 1).fill(null)], [...HEADER]];
  for (let r = 0; r < rows; r++) {
    const l = (r % 6) + 1;
    const i = ((r * 7) % 5) + 1;
    if (r % 97 === 5) {
      values.push([`R-${r}`, ...Array(HEADER.length - 1).fill(null)]);
      continue;
    }
    values.push([
      `R-${r}`,
      r % 53 === 1 ? null : `Risk ${r} to ePHI`,
      r % 4 === 0 ? 'EHR' : '  Laptops  ',
      l,
      r % 31 === 0 ? '#REF!' : i,
      l * i,
      LEVELS[r % LEVELS.length],
      r % 3 ? 'Enable MFA' : null,
      r % 11 === 0 ? 'TBD' : 'Privacy Officer',
      r % 13 === 0 ? '03/04/2026' : 46000 + (r % 400),
      STATUSES[r % STATUSES.length],
      r % 5 === 2 ? 46100 : null,
      null,
    ]);
  }
  // A legend below a gap of blank rows: reported as not read.
  values.push(Array(HEADER.length).fill(null), Array(HEADER.length).fill(null), Array(HEADER.length).fill(null));
  values.push(['Legend', 'Low = 1-2', ...Array(HEADER.length - 2).fill(null)]);
  return makeGrid('Risk Register', values, { merges: [{ top: 10, left: 1, bottom: 12, right: 1 }] });
}

function cap(rows: number): SheetGrid {
  const values: CellValue[][] = [['Finding', 'Corrective Action', 'Responsible', 'Target Date', 'Status']];
  for (let r = 0; r < rows; r++) values.push([`Finding ${r}`, `Fix ${r}`, r % 2 ? 'IT' : 'N/A', 46000 + r, r % 3 ? 'Open' : 'Done']);
  return makeGrid('CAP', values, { index: 1 });
}

describe('readWorkbookSliced', () => {
  it('pauses between slices of a 5,000-row register and its CAP, and reads both', () => {
    const grids = [register(5_000), cap(3_000)];
    const { value, pauses } = drainCounting(readWorkbookSliced(grids));
    expect(pauses).toBeGreaterThan(1);
    // The register really was read (not an early exit), with its issues.
    expect(value.register!.entries.length).toBeGreaterThan(4_800);
    expect(value.caps).toHaveLength(1);
    expect(value.issues.some((i) => i.message.includes('shows the error #REF!'))).toBe(true);
  });

  it('reads a tiny register, with overrides, without pausing', () => {
    const grids = [register(3)];
    const overrides = [{ sheet: 'Risk Register', kind: 'register' as const, headerRow: 2, columns: {} }];
    const { value, pauses } = drainCounting(readWorkbookSliced(grids, overrides));
    expect(pauses).toBe(0);
    expect(value.register!.entries.map((e) => e.id)).toEqual(['R-0', 'R-1', 'R-2']);
  });

  it('keeps every slice small on a sheet formatted down to row 1,048,576', () => {
    // A few risks, then empty rows to Excel's last row (one shared empty row keeps the test light).
    const values: CellValue[][] = [[...HEADER]];
    for (let r = 0; r < 10; r++)
      values.push([`R-${r}`, `Risk ${r}`, 'EHR', 2, 3, 6, 'Medium', 'Enable MFA', 'Bob', 46000, 'Open', null, null]);
    const empty: CellValue[] = [];
    while (values.length < 1_048_576) values.push(empty);
    const grid = makeGrid('Risk Register', values);
    const { value, pauses } = drainCounting(readWorkbookSliced([grid]));
    expect(value.register!.entries).toHaveLength(10);
    expect(value.register!.lastRow).toBe(11);
    // Both passes over the million rows (finding the last filled row, checking cell lengths) pause once per slice of rows.
    expect(pauses).toBeGreaterThanOrEqual(2 * Math.floor(1_048_566 / ROWS_PER_SLICE));
  });

  it('pauses while looking down a sparse column for sample values', () => {
    // "Risk Treatment" holds decision words, so the reader samples it (and finds only one value) down to the last row.
    const header = ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Risk Treatment', 'Mitigation Action', 'Owner'];
    const values: CellValue[][] = [header, ['R-1', 'Phishing', 3, 3, 'Mitigate', 'Enable MFA', 'Bob']];
    const blankRow: CellValue[] = Array(header.length).fill(null);
    while (values.length < 300_000) values.push(blankRow);
    const grid = makeGrid('Risks', values);
    const { value, pauses } = drainCounting(readWorkbookSliced([grid]));
    expect(value.register!.columns.action!.header).toBe('Mitigation Action');
    expect(pauses).toBeGreaterThanOrEqual(3 * Math.floor(299_998 / ROWS_PER_SLICE));
  });
});

describe('readRowsSliced', () => {
  it('pauses on a 5,000-row register', () => {
    const grid = register(5_000);
    const guess = findHeader(grid)!;
    const { value, pauses } = drainCounting(readRowsSliced(grid, guess.row, guess.mapping.columns, 'register'));
    expect(pauses).toBeGreaterThan(1);
    expect(value.entries.length).toBeGreaterThan(4_900);
    expect(value.issues.length).toBeGreaterThan(100);
  });

  it('reads a one-row table without pausing', () => {
    const grid = register(1);
    const guess = findHeader(grid)!;
    const { value, pauses } = drainCounting(readRowsSliced(grid, guess.row, guess.mapping.columns, 'register'));
    expect(pauses).toBe(0);
    expect(value.entries).toHaveLength(1);
  });
});
