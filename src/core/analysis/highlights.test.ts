import { HIGHLIGHT_MARKER_TERM, isOwnHighlightFormula, type HighlightRule } from '../highlight';
import type { Entry } from '../model';
import { analyzeNow, highlightRulesNow } from '../../../test/support/pipeline';
import { compressCells } from './highlights';
import { date, makeRead, makeTable, openEntry, scale, textDate } from './testing';

const AS_OF = '2026-11-23';

function rulesFor(entries: Entry[]): HighlightRule[] {
  const read = makeRead(
    makeTable('register', entries, {
      roles: ['id', 'risk', 'likelihood', 'impact', 'level', 'action', 'owner', 'dueDate', 'status', 'verifiedBy'],
    }),
  );
  return highlightRulesNow(analyzeNow(read, { asOf: AS_OF }));
}

const byKind = (rules: HighlightRule[], kind: HighlightRule['kind']) => rules.filter((r) => r.kind === kind);

describe('highlightRules', () => {
  const entries = [
    openEntry(5, { owner: null, ownerText: 'TBD' }),
    openEntry(6),
    openEntry(7, { owner: null, ownerText: null, dueDate: date('2026-10-01') }),
    openEntry(8, { status: 'Complete', statusText: 'Done', owner: null, ownerText: null, dueDate: date('2026-01-01') }),
    openEntry(9, { action: 'Review' }),
    openEntry(10, { dueDate: null }),
    openEntry(11, { likelihood: scale(5), impact: scale(5), statedLevel: scale(1, 5, 'Very Low') }),
  ];
  const rules = rulesFor(entries);

  it('every rule carries the marker term, a bounded range and a formula starting with "="', () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.formula.startsWith('=')).toBe(true);
      expect(r.formula).toContain(HIGHLIGHT_MARKER_TERM);
      expect(isOwnHighlightFormula(r.formula)).toBe(true);
      for (const range of r.ranges.split(' ')) expect(range).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
      expect(r.formula).not.toContain('$');
    }
  });

  it('one rule per kind per sheet', () => {
    const keys = rules.map((r) => `${r.sheet}|${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('blank owner is a live formula over the owner column of the entry rows, relative to its first cell', () => {
    const [owner] = byKind(rules, 'missing-owner');
    expect(owner.ranges).toBe('I5:I11');
    expect(owner.formula).toBe(
      '=AND(N("RiskPlan")=0,OR(LEN(TRIM(I5))=0,TRIM(I5)="TBD",TRIM(I5)="N/A",TRIM(I5)="?",TRIM(I5)="-"),TRIM(K5)<>"done",LEN(TRIM(L5))=0)',
    );
    expect(owner).toMatchObject({ fill: '#F8D7DA', fontColor: '#842029' });
  });

  it('overdue is a live formula with the as-of date and the closed test', () => {
    const [overdue] = byKind(rules, 'overdue');
    expect(overdue.ranges).toBe('J5:J11');
    expect(overdue.formula).toBe('=AND(N("RiskPlan")=0,ISNUMBER(J5),J5<DATE(2026,11,23),TRIM(K5)<>"done",LEN(TRIM(L5))=0)');
  });

  it('blank due date is a live formula', () => {
    const [due] = byKind(rules, 'missing-due-date');
    expect(due.formula).toBe('=AND(N("RiskPlan")=0,NOT(ISNUMBER(J5)),TRIM(K5)<>"done",LEN(TRIM(L5))=0)');
  });

  it('vague actions and level mismatches are fixed cell sets in amber', () => {
    expect(byKind(rules, 'vague-action')[0]).toMatchObject({
      ranges: 'H9',
      formula: '=AND(N("RiskPlan")=0,TRUE)',
      fill: '#FFF3CD',
      fontColor: '#664D03',
    });
    expect(byKind(rules, 'level-mismatch')[0].ranges).toBe('G11');
    expect(byKind(rules, 'missing-verification')[0].ranges).toBe('M8');
  });

  it('falls back to a fixed cell set when the live test would disagree with the analysis', () => {
    // "Unassigned" is not one of the placeholders the live formula knows.
    const r = rulesFor([openEntry(5, { owner: null, ownerText: 'Unassigned' }), openEntry(6)]);
    expect(byKind(r, 'missing-owner')[0]).toMatchObject({ ranges: 'I5', formula: '=AND(N("RiskPlan")=0,TRUE)' });
    // A due date typed as "Q3 2027" text: NOT(ISNUMBER()) would agree, so the rule stays live.
    const r2 = rulesFor([openEntry(5, { dueDate: textDate('Q3 2027', 'relative') }), openEntry(6)]);
    expect(byKind(r2, 'missing-due-date')[0].formula).toContain('NOT(ISNUMBER(J5))');
  });

  it('covers only the top row of multi-row entries (merged continuation rows are not highlighted)', () => {
    const r = rulesFor([openEntry(5, { owner: null, ownerText: null, rowSpan: 3 }), openEntry(8)]);
    expect(byKind(r, 'missing-owner')[0].ranges).toBe('I5 I8');
  });

  it('no findings, no rules', () => {
    expect(rulesFor([openEntry(5), openEntry(6)])).toEqual([]);
  });
});

describe('compressCells', () => {
  it('joins contiguous rows of a column and orders by column then row', () => {
    expect(
      compressCells([
        { col: 7, row: 9 },
        { col: 7, row: 4 },
        { col: 7, row: 5 },
        { col: 7, row: 6 },
        { col: 9, row: 5 },
        { col: 7, row: 5 },
      ]),
    ).toBe('H4:H6 H9 J5');
  });
});
