/** The finding rules of issue 17: vagueness by content, one note for a tracker without root causes, Accepted asks why, findings name their risk. */
import { analyzeNow } from '../../../test/support/pipeline';
import { findingSubject, findingText } from './findings';
import { vagueReason } from './vague';
import { date, makeEntry, makeRead, makeTable, openEntry } from './testing';

const AS_OF = '2026-11-23';

describe('vague actions are judged by what they say, not by their length', () => {
  it.each([
    'Disable TLS 1.0/1.1',
    'Apply patches',
    'Enable MFA',
    'Revoke departed staff access',
    'Bildschirmsperre aktivieren',
    'Block USB storage',
  ])('"%s" is specific', (action) => {
    expect(vagueReason(action)).toBeNull();
  });

  it.each([
    ['Mitigate', /does not say what will be done/],
    ['Reduce the risk', /does not say what will be done/],
    ['Control 8.5', /reference or a date/],
    ['AC-11', /reference or a date/],
    ['2025-09-30', /reference or a date/],
    ['Mandatory', /names no system, document or step/],
    ['Continue to monitor as needed going forward', /without a named system/],
    ['We will improve overall security posture across the organisation over the coming year', /does not say what will be done/],
  ])('"%s" is vague', (action, why) => {
    expect(vagueReason(action)).toMatch(why);
  });

  it('a long specific action is not vague', () => {
    expect(vagueReason('Migrate the last legacy client to TLS 1.2 by the contract deadline and switch off the fallback')).toBeNull();
  });
});

describe('root cause on trackers', () => {
  const items = [
    openEntry(5, { sheet: 'CAP Tracker', id: 'C-1', risk: 'No MFA on e-mail' }),
    openEntry(6, { sheet: 'CAP Tracker', id: 'C-2', risk: 'No BAA with billing company' }),
    openEntry(7, { sheet: 'CAP Tracker', id: 'C-3', risk: 'Unencrypted laptops' }),
  ];

  it('a tracker with no root-cause column gets one sheet-level note, not one finding per item', () => {
    const roles = ['id', 'risk', 'action', 'owner', 'dueDate', 'status'] as const;
    const a = analyzeNow(makeRead(null, [makeTable('cap', items, { roles: [...roles] })]), { asOf: AS_OF });
    const notes = a.findings.filter((f) => f.kind === 'missing-root-cause');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      scope: 'sheet',
      sheet: 'CAP Tracker',
      entryId: null,
      row: 4,
      cell: 'A4',
      subject: 'Sheet "CAP Tracker"',
    });
    expect(notes[0].message).toMatch(/no root-cause column, so none of its 3 items say why/);
    expect(a.capItems.every((c) => !c.findings.some((f) => f.kind === 'missing-root-cause'))).toBe(true);
  });

  it('a tracker with a root-cause column flags each blank cell', () => {
    const a = analyzeNow(
      makeRead(null, [
        makeTable(
          'cap',
          items.map((e, i) => ({ ...e, rootCause: i === 0 ? 'No owner for e-mail settings' : null })),
        ),
      ]),
      { asOf: AS_OF },
    );
    expect(a.findings.filter((f) => f.kind === 'missing-root-cause').map((f) => f.entryId)).toEqual(['C-2', 'C-3']);
  });
});

describe('Accepted asks for its justification', () => {
  const accepted = (patch = {}) =>
    makeEntry({ row: 9, id: 'R-9', risk: 'Fax machine in the hallway', status: 'Accepted', statusText: 'Risk Accepted', ...patch });

  it('asks why, who and when, quoting the status as typed', () => {
    const a = analyzeNow(makeRead(makeTable('register', [accepted()])), { asOf: AS_OF });
    const f = a.findings.find((x) => x.kind === 'accepted-without-justification')!;
    expect(f.message).toBe(
      'Marked "Risk Accepted", but no justification is recorded: why is the remaining risk reasonable and appropriate, who accepted it, and when?',
    );
    expect(findingText(f)).toBe(`R-9 Fax machine in the hallway: ${f.message}`);
  });

  it('a justification column, or an action that explains the acceptance, is enough', () => {
    const withColumn = analyzeNow(makeRead(makeTable('register', [accepted({ justification: 'Fax line retired in March' })])), {
      asOf: AS_OF,
    });
    expect(withColumn.findings.some((x) => x.kind === 'accepted-without-justification')).toBe(false);
    const inAction = analyzeNow(
      makeRead(makeTable('register', [accepted({ action: 'Accepted because the fax is being retired; signed by Dr. Smith 2026-03-01' })])),
      { asOf: AS_OF },
    );
    expect(inAction.findings.some((x) => x.kind === 'accepted-without-justification')).toBe(false);
  });
});

describe('each finding names its risk', () => {
  it('ID and title, the title cut at a word', () => {
    expect(findingSubject(makeEntry({ id: 'R-004', risk: 'Shared front-desk EHR login' }))).toBe('R-004 Shared front-desk EHR login');
    expect(findingSubject(makeEntry({ id: null, risk: 'Shared login', row: 12 }))).toBe('Shared login');
    expect(findingSubject(makeEntry({ id: null, risk: null, row: 12 }))).toBe('Row 12');
    const long = findingSubject(
      makeEntry({ id: 'R-1', risk: 'Phishing e-mail leads to compromise of a clinician mailbox holding ePHI and the billing archive' }),
    );
    expect(long).toMatch(/^R-1 Phishing e-mail leads to compromise of a clinician mailbox\.\.\.$/);
  });

  it('every per-item finding carries the subject, with a fixed as-of date', () => {
    const entry = openEntry(5, { id: 'R-2', risk: 'Laptops not encrypted', owner: null, ownerText: null, dueDate: date('2026-10-01') });
    const a = analyzeNow(makeRead(makeTable('register', [entry])), { asOf: AS_OF });
    expect(a.findings.map((f) => f.kind)).toEqual(['missing-owner', 'overdue', 'stale-review']);
    expect(a.findings.every((f) => f.subject === 'R-2 Laptops not encrypted')).toBe(true);
    expect(findingText(a.findings[1])).toBe(
      'R-2 Laptops not encrypted: Due Oct 1, 2026 and not completed: 53 days overdue as of Nov 23, 2026.',
    );
  });
});
