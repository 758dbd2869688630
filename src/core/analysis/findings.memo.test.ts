import type { Entry } from '../model';
import { entryFindings, type FindingContext } from './findings';
import { buildMatrix } from './matrices';
import { scoreEntry } from './score';
import { date, makeEntry, scale, textDate } from './testing';

// Finding messages are built once per distinct input and shared; these check that sharing never
// hands one entry's words to another entry whose facts differ.
const nist = buildMatrix({ name: 'nist' }, 'test');
const ctx = (asOf: string): FindingContext => ({ asOf, capSheet: false, hasReviewColumn: true });

function open(partial: Partial<Entry>): Entry {
  return makeEntry({
    risk: 'Laptops are not encrypted',
    action: 'Enable BitLocker on all clinic laptops',
    owner: 'Office Manager',
    ownerText: 'Office Manager',
    status: 'Open',
    statusText: 'Open',
    ...partial,
  });
}
const messages = (entry: Entry, c: FindingContext, overdueDays?: number) =>
  entryFindings(entry, scoreEntry(entry, nist), c, overdueDays).map((f) => `${f.kind}: ${f.message}`);

describe('shared finding messages', () => {
  it('the same due date gives the same words, and a different as-of date or day count gives its own', () => {
    const entry = open({ row: 5, dueDate: date('2026-10-01') });
    expect(messages(entry, ctx('2026-11-23'))).toContain('overdue: Due Oct 1, 2026 and not completed: 53 days overdue as of Nov 23, 2026.');
    expect(messages(entry, ctx('2026-10-02'))).toContain('overdue: Due Oct 1, 2026 and not completed: 1 day overdue as of Oct 2, 2026.');
    // A caller passing its own count is believed, even for a date already seen.
    expect(messages(entry, ctx('2026-11-23'), 7)).toContain(
      'overdue: Due Oct 1, 2026 and not completed: 7 days overdue as of Nov 23, 2026.',
    );
    const a = entryFindings(entry, scoreEntry(entry, nist), ctx('2026-11-23'));
    const b = entryFindings(open({ row: 9, dueDate: date('2026-10-01') }), scoreEntry(entry, nist), ctx('2026-11-23'));
    expect(a.find((f) => f.kind === 'overdue')!.message).toBe(b.find((f) => f.kind === 'overdue')!.message);
    expect(b.find((f) => f.kind === 'overdue')!.row).toBe(9);
  });

  it('owner placeholders, unreadable dates and review dates keep their own typed words', () => {
    expect(messages(open({ owner: null, ownerText: 'TBD' }), ctx('2026-11-23'))).toContain(
      'missing-owner: The owner is "TBD", which names no one.',
    );
    expect(messages(open({ owner: null, ownerText: 'N/A' }), ctx('2026-11-23'))).toContain(
      'missing-owner: The owner is "N/A", which names no one.',
    );
    expect(messages(open({ dueDate: textDate('Q3 2026', 'relative') }), ctx('2026-11-23'))).toContain(
      'missing-due-date: The due date "Q3 2026" is a timescale, not a date.',
    );
    expect(messages(open({ dueDate: textDate('Q3 2026', 'invalid') }), ctx('2026-11-23'))).toContain(
      'missing-due-date: The due date "Q3 2026" is not a date.',
    );
    expect(messages(open({ dueDate: date('2027-01-01'), reviewDate: date('2024-02-03') }), ctx('2026-11-23'))).toContain(
      'stale-review: Last reviewed Feb 3, 2024, more than 12 months before Nov 23, 2026.',
    );
  });

  it('a level disagreement names the ratings of its own row', () => {
    const row = (likelihood: number, impact: number) =>
      open({ dueDate: date('2027-01-01'), likelihood: scale(likelihood), impact: scale(impact), statedLevel: scale(1, 5, 'Very Low') });
    const m1 = messages(row(5, 5), ctx('2026-11-23')).find((m) => m.startsWith('level-mismatch'));
    const m2 = messages(row(4, 5), ctx('2026-11-23')).find((m) => m.startsWith('level-mismatch'));
    expect(m1).toBe(
      'level-mismatch: The sheet states the level as "Very Low", but likelihood 5 of 5 and impact 5 of 5 give Very High on the NIST SP 800-30 Table I-2.',
    );
    expect(m2).toContain('likelihood 4 of 5 and impact 5 of 5');
  });
});
