/**
 * Highlights with many areas in (fake) Excel: a rule's areas reach getRanges in groups of safe
 * addresses, live formulas move with each group, the round trips stay the same, and a rule the
 * core cut short is reported in words.
 */
import { FakeWorkbook, fakeRun, installOfficeStub, type FakeConditionalFormat } from '../../../test/fakes/excel-fake';
import { MAX_HIGHLIGHT_AREAS } from '../../core/analysis/highlights';
import { vagueActionRules } from '../../../test/support/pipeline';
import { cellAddress, columnLetter } from '../../core/grid';
import { HIGHLIGHT_MARKER_TERM, type HighlightRule } from '../../core/highlight';
import { addressGroups, MAX_ADDRESS_CHARS, MAX_AREAS_PER_ADDRESS } from './highlights';
import { createOfficeWorkbookPort } from './index';

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.13');
});
afterEach(() => restore());

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const reg = wb.addSheet('Risk Register');
  reg.setValues('A1', [['ID', 'Risk']]);
  // The user's own rule must survive.
  wb.addConditionalFormat(reg, {
    type: 'Custom',
    ranges: [{ top: 1, left: 0, bottom: 5, right: 0 }],
    formula: '=A2="R-1"',
    fill: '#00FF00',
  });
  return wb;
}

const ours = (wb: FakeWorkbook) => wb.sheet('Risk Register').conditionalFormats.filter((c) => c.formula?.includes('RiskPlan'));

/** The address a conditional format's areas make, as getRanges received it ("H5,H7:H9"). */
function addressOf(cf: FakeConditionalFormat): string {
  return cf.ranges
    .map((r) =>
      r.top === r.bottom && r.left === r.right
        ? cellAddress(r.top, r.left)
        : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`,
    )
    .join(',');
}

/** Every cell the conditional formats cover, with how many times. */
function coverage(cfs: FakeConditionalFormat[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const cf of cfs) {
    for (const r of cf.ranges) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const key = cellAddress(row, col);
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return seen;
}

// 450 scattered cells: rows 5, 7, 9, ... of column H, plus a few two-row areas in column AB.
const scatteredAreas = [
  ...Array.from({ length: 440 }, (_, i) => `H${5 + 2 * i}`),
  ...Array.from({ length: 10 }, (_, i) => `AB${10_000 + 3 * i}:AB${10_001 + 3 * i}`),
];

function rule(ranges: string[], formula: string): HighlightRule {
  return { sheet: 'Risk Register', ranges: ranges.join(' '), formula, kind: 'vague-action', fill: '#FFF3CD', fontColor: '#664D03' };
}

describe('applyHighlights with many areas', () => {
  it('splits a 450-area rule into safe getRanges addresses, covering every cell exactly once, in the same round trips', async () => {
    const small = workbook();
    await createOfficeWorkbookPort(fakeRun(small)).applyHighlights([rule(['H5', 'H7'], `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`)]);

    const wb = workbook();
    const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights([
      rule(scatteredAreas, `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`),
    ]);
    expect(result).toEqual({ applied: 1, skipped: [] });
    expect(wb.syncCount).toBe(small.syncCount);
    expect(wb.syncCount).toBeLessThanOrEqual(4);

    const cfs = ours(wb);
    expect(cfs.length).toBeGreaterThanOrEqual(Math.ceil(450 / MAX_AREAS_PER_ADDRESS));
    for (const cf of cfs) {
      expect(cf.ranges.length).toBeLessThanOrEqual(MAX_AREAS_PER_ADDRESS);
      expect(addressOf(cf).length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
      expect(cf).toMatchObject({ formula: `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`, fill: '#FFF3CD', fontColor: '#664D03' });
    }
    const covered = coverage(cfs);
    expect(covered.size).toBe(440 + 20);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
    expect(covered.has('H5') && covered.has('H883') && covered.has('AB10028')).toBe(true);
    // The user's rule is still there.
    expect(wb.sheet('Risk Register').conditionalFormats.filter((c) => c.formula === '=A2="R-1"')).toHaveLength(1);
  });

  it('moves a live formula to the top-left of each group', async () => {
    const wb = workbook();
    const formula = `=AND(${HIGHLIGHT_MARKER_TERM},LEN(TRIM(H5))=0,$A$1="ID")`;
    await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights([rule(scatteredAreas, formula)]);
    const cfs = ours(wb);
    expect(cfs.length).toBeGreaterThan(1);
    expect(cfs[0].formula).toBe(formula);
    for (const cf of cfs) {
      const topLeft = cellAddress(cf.ranges[0].top, cf.ranges[0].left);
      expect(cf.formula).toBe(`=AND(${HIGHLIGHT_MARKER_TERM},LEN(TRIM(${topLeft}))=0,$A$1="ID")`);
    }
  });

  it('reports a rule the core cut short, in words, and highlights only the first areas', async () => {
    const rules = vagueActionRules(5_000);
    const wb = workbook();
    const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights(rules);
    expect(result.applied).toBe(rules.length);
    expect(result.notes).toEqual([
      'On "Risk Register", 3,000 cells flagged "Vague action" were not highlighted: Risk Plan highlights at most 2,000 places ' +
        'for each kind of gap, from the top of the sheet down, so Excel stays responsive. Fix the highlighted ones and ' +
        'highlight the gaps again to see the next ones.',
    ]);
    const vague = ours(wb).filter((cf) => cf.fill === '#FFF3CD');
    const covered = coverage(vague);
    expect(covered.size).toBe(MAX_HIGHLIGHT_AREAS);
    expect(covered.has('H5')).toBe(true);
    expect(covered.has(`H${5 + 2 * MAX_HIGHLIGHT_AREAS}`)).toBe(false);
    expect(wb.syncCount).toBeLessThanOrEqual(4);
  });
});

describe('addressGroups', () => {
  it('keeps each group under both limits, in order, losing no area', () => {
    const long = Array.from(
      { length: 300 },
      (_, i) => `${columnLetter(700 + (i % 5))}${1_000_000 + i}:${columnLetter(700 + (i % 5))}${1_000_100 + i}`,
    );
    const groups = addressGroups(long);
    expect(groups.flat()).toEqual(long);
    for (const g of groups) {
      expect(g.length).toBeLessThanOrEqual(MAX_AREAS_PER_ADDRESS);
      expect(g.join(',').length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    }
    // 300 areas of 19 characters: the character limit, not the area limit, decides here.
    expect(groups[0].join(',').length).toBeGreaterThan(MAX_ADDRESS_CHARS - 20);
    expect(addressGroups(['H5'])).toEqual([['H5']]);
    expect(addressGroups(Array.from({ length: 250 }, (_, i) => `H${i + 1}`)).map((g) => g.length)).toEqual([100, 100, 50]);
  });
});
