/**
 * Property: readWorkbook never throws on any grid; every non-empty data row of a chosen table
 * becomes an entry or is named by an issue; every issue cell is a real A1 address inside the grid.
 */
import fc from 'fast-check';
import { parseCellAddress, isBlank, type CellValue, type CellRange, type SheetGrid } from '../grid';
import { readWorkbookNow } from '../../../test/support/pipeline';

const HEADER_WORDS = [
  'Risk ID',
  'Risk',
  'Finding',
  'Likelihood',
  'Impact',
  'Risk Level',
  'Score',
  'Corrective Action',
  'Owner',
  'Due Date',
  'Status',
  'Verified By',
  'Notes',
  'Residual Risk',
  'Column3',
  '',
];
const CELL_WORDS = [
  'High',
  'Low',
  'Medium',
  'TBD',
  'N/A',
  '#REF!',
  '#N/A',
  '03/04/2026',
  '2026-01-05',
  'Q3 2026',
  'WIP',
  'Done',
  'Phishing',
  'Laptop theft',
  'Enable MFA',
  '?',
  '',
  ' ',
  '4 - Major',
  'Critical',
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...CELL_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const gridArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.integer({ min: 0, max: 14 }),
    cols: fc.integer({ min: 0, max: 8 }),
    top: fc.integer({ min: 0, max: 4 }),
    left: fc.integer({ min: 0, max: 3 }),
    seed: fc.array(cellArb, { minLength: 112, maxLength: 112 }),
    formulaMask: fc.array(fc.boolean(), { minLength: 112, maxLength: 112 }),
    merges: fc.array(
      fc.record({
        r: fc.integer({ min: 0, max: 16 }),
        c: fc.integer({ min: 0, max: 10 }),
        h: fc.integer({ min: 0, max: 3 }),
        w: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 4 },
    ),
    withTable: fc.boolean(),
    name: fc.constantFrom('Risk Register', 'CAP', 'Sheet1', 'Legend', 'RiskPlan_Data'),
  })
  .map(({ rows, cols, top, left, seed, formulaMask, merges, withTable, name }) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      values.push([]);
      formulas.push([]);
      for (let c = 0; c < cols; c++) {
        const k = (r * 8 + c) % 112;
        values[r].push(seed[k]);
        formulas[r].push(formulaMask[k] && r > 2 ? '=A1*2' : null);
      }
    }
    const mergeRanges: CellRange[] = merges.map((m) => ({
      top: top + m.r,
      left: left + m.c,
      bottom: top + m.r + m.h,
      right: left + m.c + m.w,
    }));
    return {
      name,
      index: 0,
      visibility: 'visible' as const,
      top,
      left,
      values,
      formulas,
      merges: mergeRanges,
      tables:
        withTable && rows > 0 && cols > 0
          ? [
              {
                name: 'T1',
                range: { top, left, bottom: top + rows - 1, right: left + cols - 1 },
                hasHeaderRow: false,
                columnNames: Array.from({ length: cols }, (_, k) => `Column${k + 1}`),
              },
            ]
          : [],
      protected: false,
      marker: null,
    };
  });

/** A grid shaped like a register, so the "every row is an entry or an issue" property is exercised often. */
const registerArb: fc.Arbitrary<SheetGrid> = fc.array(fc.array(cellArb, { minLength: 6, maxLength: 6 }), { maxLength: 25 }).map((body) => ({
  name: 'Risk Register',
  index: 0,
  visibility: 'visible' as const,
  top: 2,
  left: 1,
  values: [['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Plan', 'Owner'], ...body],
  formulas: null,
  merges: [],
  tables: [],
  protected: false,
  marker: null,
}));

function checkRead(grids: SheetGrid[]): void {
  const read = readWorkbookNow(grids);
  const byName = new Map(grids.map((g) => [g.name, g]));
  for (const issue of read.issues) {
    if (issue.cell === '') continue;
    const p = parseCellAddress(issue.cell);
    expect(p).not.toBeNull();
    const g = byName.get(issue.sheet)!;
    expect(g).toBeDefined();
    expect(p!.row).toBeGreaterThanOrEqual(g.top);
    expect(p!.row).toBeLessThan(g.top + g.values.length);
    expect(p!.col).toBeGreaterThanOrEqual(g.left);
    expect(p!.col).toBeLessThan(g.left + (g.values[0]?.length ?? 0));
  }
  for (const t of [read.register, ...read.caps]) {
    if (!t) continue;
    const g = byName.get(t.sheet)!;
    const covered = new Set<number>();
    for (const e of t.entries) for (let r = e.row; r < e.row + e.rowSpan; r++) covered.add(r);
    const issueRows = read.issues
      .filter((i) => i.sheet === t.sheet && i.cell)
      .map((i) => {
        const start = parseCellAddress(i.cell)!.row + 1;
        const range = /^Rows (\d+)-(\d+)/.exec(i.message);
        return range ? [Number(range[1]), Number(range[2])] : [start, start];
      });
    for (let idx = t.headerRow - g.top; idx < g.values.length; idx++) {
      const row = g.values[idx];
      if (!row.some((v) => !isBlank(v))) continue;
      const sheetRow = idx + g.top + 1;
      const named = covered.has(sheetRow) || issueRows.some(([a, b]) => sheetRow >= a && sheetRow <= b);
      if (!named) throw new Error(`Row ${sheetRow} of ${t.sheet} is neither an entry nor named by an issue`);
    }
  }
}

describe('readWorkbook on random grids', () => {
  it('never throws; issue cells are inside the grid; no data row is dropped silently', () => {
    fc.assert(
      fc.property(fc.array(gridArb, { maxLength: 3 }), (grids) => {
        const named = grids.map((g, k) => ({ ...g, name: `${g.name} ${k}`, index: k }));
        checkRead(named);
      }),
      { numRuns: 400 },
    );
  });

  it('register-shaped grids: every non-empty row below the header is an entry or an issue', () => {
    fc.assert(
      fc.property(registerArb, (g) => checkRead([g])),
      { numRuns: 400 },
    );
  });

  it('ragged and degenerate grids do not throw', () => {
    const ragged: SheetGrid = {
      name: 'x',
      index: 0,
      visibility: 'visible',
      top: 0,
      left: 0,
      values: [['Risk', 'Likelihood', 'Impact'], ['Phishing'], [], ['Theft', 'High', 'High', 'extra']],
      formulas: [[null]],
      merges: [{ top: 5, left: 0, bottom: 2, right: 0 }],
      tables: [],
      protected: false,
      marker: null,
    };
    expect(() => readWorkbookNow([ragged])).not.toThrow();
    expect(readWorkbookNow([]).register).toBeNull();
  });
});
