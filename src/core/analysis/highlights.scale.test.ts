/**
 * Highlights on large registers: at most MAX_HIGHLIGHT_AREAS areas per rule, the ones nearest
 * the top, with the cut recorded on the rule; and the sliced form gives the same rules.
 */
import { parseRangeAddress } from '../grid';
import type { HighlightRule } from '../highlight';
import type { Analysis, Entry } from '../model';
import { analyzeNow, highlightRulesNow } from '../../../test/support/pipeline';
import { highlightCutNote, highlightRulesSliced, MAX_HIGHLIGHT_AREAS } from './highlights';
import { makeRead, makeTable, openEntry } from './testing';

const AS_OF = '2026-11-23';

function analysisOf(entries: Entry[]): Analysis {
  const read = makeRead(makeTable('register', entries, { roles: ['id', 'risk', 'action', 'owner', 'dueDate', 'status'] }));
  return analyzeNow(read, { asOf: AS_OF });
}

const ruleOf = (rules: HighlightRule[], kind: HighlightRule['kind']) => rules.find((r) => r.kind === kind)!;

/** Every cell a rule's areas cover, as "H7" strings. */
function cellsOf(rule: HighlightRule): string[] {
  return rule.ranges.split(' ').flatMap((area) => {
    const r = parseRangeAddress(area)!;
    const letter = area.replace(/\d.*$/, '');
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => `${letter}${r.top + i + 1}`);
  });
}

// 5,000 flagged rows, one apart: vague actions on rows 5, 7, 9, ... (every area a single cell).
const scattered = Array.from({ length: 5_000 }, (_, i) => openEntry(5 + 2 * i, { action: 'Review' }));
const bigAnalysis = analysisOf(scattered);
const bigRules = highlightRulesNow(bigAnalysis);

describe('the area cap', () => {
  it('keeps the first MAX_HIGHLIGHT_AREAS areas from the top of the sheet and counts the rest', () => {
    const vague = ruleOf(bigRules, 'vague-action');
    const areas = vague.ranges.split(' ');
    expect(areas).toHaveLength(MAX_HIGHLIGHT_AREAS);
    expect(areas[0]).toBe('H5');
    expect(areas[areas.length - 1]).toBe(`H${5 + 2 * (MAX_HIGHLIGHT_AREAS - 1)}`);
    expect(vague.omitted).toBe(5_000 - MAX_HIGHLIGHT_AREAS);
    expect(vague.formula).toBe('=AND(N("RiskPlan")=0,TRUE)');
  });

  it('a live rule whose rows make too many areas covers only the flagged rows nearest the top, and stays live', () => {
    // Rows one apart (merged two-row entries): 5,000 areas; every second owner is blank (2,500 flagged).
    const entries = Array.from({ length: 5_000 }, (_, i) => openEntry(5 + 2 * i, i % 2 === 1 ? { owner: null, ownerText: null } : {}));
    const owner = ruleOf(highlightRulesNow(analysisOf(entries)), 'missing-owner');
    const cells = cellsOf(owner);
    expect(cells).toHaveLength(MAX_HIGHLIGHT_AREAS);
    expect(cells[0]).toBe('I7'); // the first blank owner
    expect(cells.every((c) => (Number(c.slice(1)) - 7) % 4 === 0)).toBe(true); // only flagged rows
    expect(owner.omitted).toBe(2_500 - MAX_HIGHLIGHT_AREAS);
    // Relative to its own first area, so each cell tests itself.
    expect(owner.formula).toContain('LEN(TRIM(I7))=0');
    expect(owner.formula).not.toContain('I5');
  });

  it('a rule within the cap records nothing', () => {
    const small = highlightRulesNow(analysisOf([openEntry(5, { action: 'Review' }), openEntry(6)]));
    expect(small).not.toHaveLength(0);
    for (const rule of small) expect('omitted' in rule).toBe(false);
  });
});

describe('highlightCutNote', () => {
  it('names the sheet, the count and the kind in plain words', () => {
    const note = highlightCutNote(ruleOf(bigRules, 'vague-action'));
    expect(note).toBe(
      'On "Risk Register", 3,000 cells flagged "Vague action" were not highlighted: Risk Plan highlights at most 2,000 places ' +
        'for each kind of gap, from the top of the sheet down, so Excel stays responsive. Fix the highlighted ones and ' +
        'highlight the gaps again to see the next ones.',
    );
  });

  it('says nothing for a rule that was not cut', () => {
    expect(highlightCutNote({ ...ruleOf(bigRules, 'vague-action'), omitted: undefined })).toBeNull();
  });
});

describe('highlightRulesSliced', () => {
  it('yields between slices of a big analysis', () => {
    const work = highlightRulesSliced(bigAnalysis);
    let yields = 0;
    let step = work.next();
    while (!step.done) {
      yields++;
      step = work.next();
    }
    expect(yields).toBeGreaterThan(1);
    expect(step.value.length).toBeGreaterThan(0);
  });

  it('needs no yield for a small register, and gives its rules', () => {
    const analysis = analysisOf([
      openEntry(5, { owner: null, ownerText: 'TBD' }),
      openEntry(6, { action: 'Review' }),
      openEntry(7, { dueDate: null }),
    ]);
    const work = highlightRulesSliced(analysis);
    const step = work.next();
    expect(step.done).toBe(true);
    expect(step.value?.map((r) => r.kind).sort()).toEqual(['missing-due-date', 'missing-owner', 'vague-action']);
  });
});

describe('entries whose cells come from a shared class (as the register reader makes them)', () => {
  /** A class whose getters build "<letter><row>", like src/core/register/rows.ts. */
  function cellsClass(letters: Record<string, string>): new (row: number) => Entry['cells'] {
    class Cells {
      constructor(readonly rowLabel: number) {}
    }
    for (const [role, letter] of Object.entries(letters)) {
      Object.defineProperty(Cells.prototype, role, {
        get(this: Cells) {
          return `${letter}${this.rowLabel}`;
        },
        enumerable: true,
      });
    }
    return Cells as unknown as new (row: number) => Entry['cells'];
  }
  const base = { owner: 'I', dueDate: 'J', status: 'K', completedDate: 'L', action: 'H' };

  it('one class: the live rule reads its columns', () => {
    const Cells = cellsClass(base);
    const entries = [5, 6, 7].map((row) =>
      openEntry(row, { cells: new Cells(row), ...(row === 6 ? { owner: null, ownerText: null } : {}) }),
    );
    expect(ruleOf(highlightRulesNow(analysisOf(entries)), 'missing-owner')).toMatchObject({ ranges: 'I5:I7' });
    expect(ruleOf(highlightRulesNow(analysisOf(entries)), 'missing-owner').formula).toContain('LEN(TRIM(I5))=0');
  });

  it('two classes with the owner in different columns: no live rule, the flagged cells instead', () => {
    const A = cellsClass(base);
    const B = cellsClass({ ...base, owner: 'Z' });
    const entries = [
      openEntry(5, { cells: new A(5), owner: null, ownerText: null }),
      openEntry(6, { cells: new A(6) }),
      openEntry(7, { cells: new B(7), owner: null, ownerText: null, action: 'Enable MFA' }),
    ];
    // The findings name each entry's own owner cell.
    const rules = highlightRulesNow(analysisOf(entries));
    const owner = ruleOf(rules, 'missing-owner');
    expect(owner.formula).toBe('=AND(N("RiskPlan")=0,TRUE)');
    expect(owner.ranges).toBe('I5 Z7');
  });
});
