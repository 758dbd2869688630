import type { Entry, FindingKind } from '../model';
import { duplicateFindingsSliced, entryFindings, type FindingContext } from './findings';
import { buildMatrix } from './matrices';
import { scoreEntry } from './score';
import { date, makeEntry, scale, textDate } from './testing';
import { vagueReason } from './vague';
import { finish } from '../slices';

const AS_OF = '2026-11-23';
const nist = buildMatrix({ name: 'nist' }, 'test');
const registerCtx: FindingContext = { asOf: AS_OF, capSheet: false, hasReviewColumn: false };
const capCtx: FindingContext = { asOf: AS_OF, capSheet: true, hasReviewColumn: false };

/** A well-kept open risk: no findings at all. */
function good(partial: Partial<Entry> = {}): Entry {
  return makeEntry({
    id: 'R-1',
    risk: 'Laptops are not encrypted',
    action: 'Enable BitLocker on all clinic laptops',
    owner: 'Office Manager',
    ownerText: 'Office Manager',
    dueDate: date('2026-12-31'),
    status: 'In Progress',
    statusText: 'In Progress',
    rootCause: 'No device setup checklist',
    ...partial,
  });
}

function kinds(entry: Entry, ctx: FindingContext = registerCtx): FindingKind[] {
  return entryFindings(entry, scoreEntry(entry, nist), ctx).map((f) => f.kind);
}

function only(entry: Entry, kind: FindingKind, ctx: FindingContext = registerCtx) {
  return entryFindings(entry, scoreEntry(entry, nist), ctx).filter((f) => f.kind === kind);
}

describe('entryFindings', () => {
  it('a well-kept entry has no findings (register and CAP)', () => {
    expect(kinds(good())).toEqual([]);
    expect(kinds(good(), capCtx)).toEqual([]);
  });

  describe('missing-owner', () => {
    it('blank owner on an open risk, at the owner cell', () => {
      const [f] = only(good({ owner: null, ownerText: null }), 'missing-owner');
      expect(f).toMatchObject({ sheet: 'Risk Register', cell: 'I5', row: 5, entryId: 'R-1' });
      expect(f.message).toBe('No one is named as responsible for this item.');
    });
    it('a placeholder owner is quoted', () => {
      expect(only(good({ owner: null, ownerText: 'TBD' }), 'missing-owner')[0].message).toMatch(/"TBD"/);
    });
    it('not on accepted or completed entries', () => {
      expect(kinds(good({ owner: null, status: 'Accepted', justification: 'Low residual risk' }))).not.toContain('missing-owner');
      expect(kinds(good({ owner: null, status: 'Complete', verifiedBy: 'Dr. Lee' }))).not.toContain('missing-owner');
    });
  });

  describe('missing-due-date', () => {
    it('no due date', () => {
      expect(only(good({ dueDate: null }), 'missing-due-date')[0]).toMatchObject({ cell: 'J5', message: 'There is no due date.' });
    });
    it('a relative timescale says so', () => {
      const f = only(good({ dueDate: textDate('Q3 2026', 'relative') }), 'missing-due-date')[0];
      expect(f.message).toBe('The due date "Q3 2026" is a timescale, not a date.');
    });
    it('an ambiguous date says so', () => {
      const f = only(good({ dueDate: textDate('03/04/2026', 'ambiguous') }), 'missing-due-date')[0];
      expect(f.message).toMatch(/ambiguous/);
      expect(f.fix).toMatch(/unambiguously/);
    });
    it('not on a real date, nor on a completed item', () => {
      expect(kinds(good())).not.toContain('missing-due-date');
      expect(kinds(good({ dueDate: null, status: 'Complete', evidence: 'screenshot' }))).not.toContain('missing-due-date');
    });
  });

  describe('overdue', () => {
    it('due before the as-of date and not completed', () => {
      const f = only(good({ dueDate: date('2026-10-12') }), 'overdue')[0];
      expect(f.cell).toBe('J5');
      expect(f.message).toBe('Due Oct 12, 2026 and not completed: 42 days overdue as of Nov 23, 2026.');
    });
    it('not when due on the as-of date, nor when completed', () => {
      expect(kinds(good({ dueDate: date(AS_OF) }))).not.toContain('overdue');
      expect(kinds(good({ dueDate: date('2026-01-01'), completedDate: date('2026-01-02'), verifiedBy: 'A' }))).not.toContain('overdue');
      expect(kinds(good({ dueDate: date('2026-01-01'), status: 'Mitigated', verifiedBy: 'A' }))).not.toContain('overdue');
    });
  });

  describe('missing-action', () => {
    it('open risk with no action', () => {
      expect(only(good({ action: '  ' }), 'missing-action')[0].cell).toBe('H5');
    });
    it('not on accepted risks', () => {
      expect(kinds(good({ action: null, status: 'Accepted', justification: 'Cost exceeds benefit' }))).toEqual([]);
    });
  });

  describe('vague-action', () => {
    it.each(['Improve security', 'Address the risk', 'Monitor', 'Review', 'TBD', 'As needed', 'Fix it', 'Continue monitoring as needed'])(
      '"%s" is vague',
      (action) => {
        expect(vagueReason(action)).not.toBeNull();
        expect(only(good({ action }), 'vague-action')[0].cell).toBe('H5');
      },
    );
    it.each([
      'Enable MFA',
      'Encrypt laptops',
      'Review EHR access logs monthly',
      'Sign a BAA with Acme Billing by 2026-12-31',
      'Patch servers monthly and as needed',
    ])('"%s" is specific', (action) => {
      expect(vagueReason(action)).toBeNull();
      expect(kinds(good({ action }))).not.toContain('vague-action');
    });
  });

  describe('missing-verification', () => {
    it('completed with no verifier, verification date or evidence', () => {
      const f = only(good({ status: 'Complete', completedDate: date('2026-06-01') }), 'missing-verification')[0];
      expect(f.cell).toBe('M5');
      expect(f.message).toMatch(/no verifier, verification date or evidence/);
    });
    it('evidence alone does not verify: closed is not verified', () => {
      const f = only(good({ status: 'Mitigated', evidence: 'BitLocker report' }), 'missing-verification')[0];
      expect(f.message).toMatch(/with evidence, but no one is recorded as having verified/);
    });
    it('a completion date alone counts as completed', () => {
      expect(kinds(good({ completedDate: date('2026-06-01') }))).toContain('missing-verification');
    });
    it('not when a verifier or a verification date is there; not on open items', () => {
      expect(kinds(good({ status: 'Complete', verifiedBy: 'Dr. Lee' }))).not.toContain('missing-verification');
      expect(kinds(good({ status: 'Complete', verifiedDate: date('2026-06-02') }))).not.toContain('missing-verification');
      expect(kinds(good())).not.toContain('missing-verification');
    });
  });

  describe('missing-root-cause', () => {
    it('CAP items only', () => {
      expect(only(good({ rootCause: null }), 'missing-root-cause', capCtx)[0].cell).toBe('P5');
      expect(kinds(good({ rootCause: null }), registerCtx)).not.toContain('missing-root-cause');
      expect(kinds(good(), capCtx)).not.toContain('missing-root-cause');
    });
  });

  describe('level-mismatch', () => {
    it('stated level disagrees', () => {
      const e = good({ likelihood: scale(5), impact: scale(5), statedLevel: scale(3, 5, 'Medium') });
      expect(only(e, 'level-mismatch')[0].cell).toBe('G5');
    });
    it('stated level agrees', () => {
      expect(kinds(good({ likelihood: scale(5), impact: scale(5), statedLevel: scale(5, 5, 'Very High') }))).toEqual([]);
    });
  });

  describe('stale-review', () => {
    const withReview = { ...registerCtx, hasReviewColumn: true };
    it('reviewed more than 12 months before the as-of date', () => {
      const f = only(good({ reviewDate: date('2025-11-22') }), 'stale-review', withReview)[0];
      expect(f).toMatchObject({ cell: 'Q5' });
      expect(f.message).toMatch(/Nov 22, 2025/);
    });
    it('no review date where the sheet has a review column', () => {
      expect(only(good(), 'stale-review', withReview)[0].message).toBe('No review date is recorded.');
    });
    it('not when reviewed within 12 months, nor when the sheet has no review column', () => {
      expect(kinds(good({ reviewDate: date('2025-11-23') }), withReview)).not.toContain('stale-review');
      expect(kinds(good(), registerCtx)).not.toContain('stale-review');
    });
  });

  describe('accepted-without-justification', () => {
    it('Accepted with no justification', () => {
      const f = only(good({ status: 'Accepted' }), 'accepted-without-justification')[0];
      expect(f.cell).toBe('R5');
    });
    it('not with a justification', () => {
      expect(kinds(good({ status: 'Accepted', justification: 'Residual risk low; approved by Dr. Lee 2026-03-01' }))).toEqual([]);
    });
  });

  it('falls back to the first mapped cell of the row when the role has no column', () => {
    const e = good({ owner: null, cells: { risk: 'D9', action: 'C9' }, row: 9 });
    expect(only(e, 'missing-owner')[0].cell).toBe('C9');
    expect(only(good({ owner: null, cells: {}, row: 9 }), 'missing-owner')[0].cell).toBe('A9');
  });
});

describe('duplicateFindings', () => {
  it('flags the second occurrence of the same risk text (normalized) against the first', () => {
    const a = good({ row: 5, risk: 'Laptops are not encrypted.' });
    const b = good({ row: 9, risk: '  laptops ARE not   encrypted ' });
    const c = good({ row: 11, risk: 'Backups are not tested' });
    const found = finish(duplicateFindingsSliced([{ entries: [a, b, c], cap: false }]));
    expect(found.has(a)).toBe(false);
    expect(found.has(c)).toBe(false);
    expect(found.get(b)?.[0]).toMatchObject({ kind: 'duplicate', row: 9, cell: 'C9' });
    expect(found.get(b)?.[0].message).toMatch(/row 5 \(R-1\)/);
  });

  it('a CAP item that repeats a completed one is recurring', () => {
    const closed = good({ sheet: 'CAP Closed', row: 3, risk: 'No workforce training', status: 'Complete' });
    const reopened = good({ sheet: 'CAP Open', row: 4, risk: 'No workforce training' });
    const found = finish(duplicateFindingsSliced([{ entries: [reopened, closed], cap: true }]));
    expect(found.get(reopened)?.[0].message).toMatch(/recurs.*sheet "CAP Closed" row 3/);
    expect(found.has(closed)).toBe(false);
  });

  it('register and CAP are separate groups', () => {
    const r = good({ risk: 'No BAA' });
    const c = good({ sheet: 'CAP', risk: 'No BAA' });
    expect(
      finish(
        duplicateFindingsSliced([
          { entries: [r], cap: false },
          { entries: [c], cap: true },
        ]),
      ).size,
    ).toBe(0);
  });
});
