/**
 * The analysis records, on each item, where its entry sits in sheet order and which kinds of
 * findings it has, so the reports need not visit the entry and its findings again. The reports
 * must come out the same with those records, without them, and with wrong ones.
 */
import { makeGrid, type CellValue } from '../grid';
import { readWorkbook } from '../register';
import { analyze } from '../analysis';
import type { Analysis, ScoredEntry } from '../model';
import { buildPlanSheet } from './plan';
import { buildProgressSheet } from './progress';
import { makeSettings } from './testing';

const HEADER = ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Risk Level', 'Mitigation Action', 'Owner', 'Due Date', 'Status', 'Date Completed', 'Verified By', 'Last Reviewed'];

function registerRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [[...HEADER]];
  for (let r = 0; r < n; r++) {
    const done = r % 5 === 0;
    rows.push([
      `R-${r}`,
      r % 40 === 39 ? `Lost laptop ${r - 3}` : `Lost laptop ${r}`,
      (r % 5) + 1,
      ((r * 3) % 5) + 1,
      ['Low', 'Medium', 'High'][r % 3],
      r % 9 === 0 ? 'Improve security' : `Encrypt laptop ${r}`,
      r % 4 === 0 ? 'TBD' : 'Office Manager',
      r % 6 === 0 ? null : 46000 + (r % 400),
      done ? 'Complete' : ['Open', 'In Progress', 'Accepted'][r % 3],
      done ? 46100 : null,
      done && r % 2 ? 'Privacy Officer' : null,
      45000 + (r % 700),
    ]);
  }
  return rows;
}

/** The same analysis with each item replaced through `change` (risks and CAP items stay the same objects where they were). */
function mapItems(analysis: Analysis, change: (s: ScoredEntry) => ScoredEntry): Analysis {
  const copies = new Map<ScoredEntry, ScoredEntry>();
  const copy = (s: ScoredEntry) => copies.get(s) ?? copies.set(s, change(s)).get(s)!;
  return { ...analysis, risks: analysis.risks.map(copy), capItems: analysis.capItems.map(copy) };
}

describe('reports and what the analysis records', () => {
  const read = readWorkbook([makeGrid('Risk Register', registerRows(3_000))]);
  const analysis = analyze(read, { asOf: '2026-11-23' });
  const input = { read, settings: makeSettings(), asOf: '2026-11-23' };
  const without = mapItems(analysis, ({ sheetIndex: _i, findingKinds: _k, ...rest }) => rest);
  const wrong = mapItems(analysis, (s) => ({ ...s, sheetIndex: (s.sheetIndex! + 1) % 3_000 }));

  it('uses them: the analysis recorded both on every item', () => {
    expect(analysis.capFromRegister).toBe(true);
    expect(analysis.risks.every((r) => r.sheetIndex !== undefined && r.findingKinds !== undefined)).toBe(true);
  });

  it('gives the same plan with them, without them, and with wrong sheet positions', () => {
    const plan = JSON.stringify(buildPlanSheet({ ...input, analysis }));
    expect(JSON.stringify(buildPlanSheet({ ...input, analysis: without }))).toBe(plan);
    expect(JSON.stringify(buildPlanSheet({ ...input, analysis: wrong }))).toBe(plan);
  });

  it('gives the same progress report with them, without them, and with wrong sheet positions', () => {
    const report = JSON.stringify(buildProgressSheet({ ...input, analysis }));
    expect(JSON.stringify(buildProgressSheet({ ...input, analysis: without }))).toBe(report);
    expect(JSON.stringify(buildProgressSheet({ ...input, analysis: wrong }))).toBe(report);
  });
});
