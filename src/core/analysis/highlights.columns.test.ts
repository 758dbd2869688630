/**
 * A live highlight rule tests the owner / due-date cells in the columns the read found; with the
 * read at hand (the app's path) those come from the table, without it from each entry's cells.
 */
import { makeGrid } from '../grid';
import { readWorkbookNow, analyzeNow, highlightRulesNow } from '../../../test/support/pipeline';

const HEADER = ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Action', 'Owner', 'Due Date', 'Status'];

describe('live highlight rules and the read columns', () => {
  const rows = [
    HEADER,
    ['R-1', 'Laptops not encrypted', 4, 4, 'Encrypt laptops with BitLocker', 'TBD', 46000, 'Open'],
    ['R-2', 'No MFA on the EHR portal', 3, 5, 'Enable MFA on the EHR portal', 'IT Manager', null, 'Open'],
    ['R-3', 'Backups never tested', 3, 3, 'Test a backup restore quarterly', null, 46300, 'In Progress'],
  ];
  const read = readWorkbookNow([makeGrid('Risk Register', rows)]);
  const analysis = analyzeNow(read, { asOf: '2026-11-23' });

  it('writes a live owner rule on the Owner column (F) and a live due-date rule on column G', () => {
    const rules = highlightRulesNow(analysis, read);
    const owner = rules.find((r) => r.kind === 'missing-owner');
    const due = rules.find((r) => r.kind === 'missing-due-date');
    expect(owner?.formula).toContain('TRIM(F');
    expect(owner?.ranges).toMatch(/^F\d/);
    expect(due?.formula).toContain('G');
    expect(due?.ranges).toMatch(/^G\d/);
  });

  it('gives the same rules with the read as from the entries alone', () => {
    expect(highlightRulesNow(analysis, read)).toEqual(highlightRulesNow(analysis));
  });
});
