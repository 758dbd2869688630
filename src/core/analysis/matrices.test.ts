import { LEVELS, type Level, type TableRead } from '../model';
import {
  NIST_TABLE_I2,
  buildMatrix,
  chooseMatrix,
  fiveToThree,
  levelFromProduct,
  levelFromScale,
  toFiveStep,
  toMatrixStep,
} from './matrices';
import { rate } from './score';
import { makeTable, scale } from './testing';

const [VL, L, M, H, VH] = LEVELS;

/** Table I-2 of NIST SP 800-30 Rev. 1, written out independently of the implementation. */
const EXPECTED_I2: Record<Level, Record<Level, Level>> = {
  'Very High': { 'Very Low': VL, Low: L, Medium: M, High: H, 'Very High': VH },
  High: { 'Very Low': VL, Low: L, Medium: M, High: H, 'Very High': VH },
  Medium: { 'Very Low': VL, Low: L, Medium: M, High: M, 'Very High': H },
  Low: { 'Very Low': VL, Low: L, Medium: L, High: L, 'Very High': M },
  'Very Low': { 'Very Low': VL, Low: VL, Medium: VL, High: L, 'Very High': L },
};

describe('NIST SP 800-30 Table I-2', () => {
  const nist = buildMatrix({ name: 'nist' }, 'test');
  const combos = LEVELS.flatMap((likelihood, li) => LEVELS.map((impact, ii) => ({ likelihood, impact, li, ii })));

  it.each(combos)('likelihood $likelihood x impact $impact (qualitative)', ({ likelihood, impact, li, ii }) => {
    const r = rate(nist, scale(li + 1, 5, likelihood), scale(ii + 1, 5, impact));
    expect(r?.level).toBe(EXPECTED_I2[likelihood][impact]);
  });

  it.each(combos)('numeric likelihood $li+1 x impact $ii+1 lands on the same level', ({ likelihood, impact, li, ii }) => {
    const r = rate(nist, scale(li + 1, 5), scale(ii + 1, 5));
    expect(r?.level).toBe(EXPECTED_I2[likelihood][impact]);
    expect(r?.score).toBe((li + 1) * (ii + 1));
  });

  it('is a lookup, not a product: 5 x 1 is Very Low although 5 > 4 = 2 x 2', () => {
    expect(NIST_TABLE_I2[4][0]).toBe(VL);
    expect(NIST_TABLE_I2[1][1]).toBe(L);
  });
});

describe('3x3 matrix', () => {
  const m = buildMatrix({ name: '3x3' }, 'test');
  it.each([
    [1, 1, L],
    [1, 2, L],
    [1, 3, M],
    [2, 1, L],
    [2, 2, M],
    [2, 3, H],
    [3, 1, M],
    [3, 2, H],
    [3, 3, H],
  ] as const)('L%i x I%i on 3 steps -> %s', (l, i, expected) => {
    expect(rate(m, scale(l, 3), scale(i, 3))?.level).toBe(expected);
  });
  it('maps 5-step ratings 1-2 -> Low, 3 -> Medium, 4-5 -> High', () => {
    expect([1, 2, 3, 4, 5].map((n) => toMatrixStep({ ordinal: n, steps: 5 }, 3))).toEqual([1, 1, 2, 3, 3]);
    expect(rate(m, scale(5, 5), scale(4, 5))?.level).toBe(H);
    expect(rate(m, scale(1, 5), scale(2, 5))?.level).toBe(L);
  });
});

describe('product matrix', () => {
  it('default thresholds: >=20 Very High, >=15 High, >=8 Medium, >=4 Low, else Very Low', () => {
    expect([25, 20, 19, 15, 14, 8, 7, 4, 3, 1].map((s) => levelFromProduct(s))).toEqual([VH, VH, H, H, M, M, L, L, VL, VL]);
  });
  it('uses the saved thresholds', () => {
    const m = buildMatrix({ name: 'product', thresholds: { Low: 5, Medium: 10, High: 15, 'Very High': 20 } }, 'test');
    expect(rate(m, scale(2, 5), scale(2, 5))).toEqual({ level: VL, score: 4 });
    expect(rate(m, scale(2, 5), scale(5, 5))).toEqual({ level: M, score: 10 });
  });
});

describe('custom matrix', () => {
  it('looks up levels[likelihood-1][impact-1]', () => {
    const m = buildMatrix(
      {
        name: 'custom',
        levels: [
          [L, M],
          [M, VH],
        ],
      },
      'test',
    );
    expect(rate(m, scale(2, 2), scale(2, 2))?.level).toBe(VH);
    expect(rate(m, scale(1, 2), scale(2, 2))?.level).toBe(M);
    expect(m.resolution).toBe(3);
  });
});

describe('scale mapping onto 5 steps', () => {
  it('5 steps direct, 3 steps -> 2/3/4, 4 steps -> 2..5, 10 steps -> ceil(n/2)', () => {
    expect([1, 2, 3, 4, 5].map((n) => toFiveStep(n, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3].map((n) => toFiveStep(n, 3))).toEqual([2, 3, 4]);
    expect([1, 2, 3, 4].map((n) => toFiveStep(n, 4))).toEqual([2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => toFiveStep(n, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('fiveToThree', () => {
    expect([1, 2, 3, 4, 5].map(fiveToThree)).toEqual([1, 1, 2, 3, 3]);
  });
  it('a level column holding 1..25 scores is read with the product thresholds', () => {
    expect(levelFromScale({ ordinal: 20, steps: 25 })).toBe(VH);
    expect(levelFromScale({ ordinal: 3, steps: 3 })).toBe(H);
  });
});

describe('chooseMatrix', () => {
  const withScales = (scales: TableRead['scales']) => makeTable('register', [], { scales });
  const s = (steps: number, form: 'numeric' | 'text' = 'numeric') => ({ steps, form, reason: `${steps} steps` });

  it('3-step ratings -> 3x3', () => {
    const m = chooseMatrix(withScales({ likelihood: s(3, 'text'), impact: s(3, 'text') }));
    expect(m.choice.name).toBe('3x3');
    expect(m.choice.reason).toMatch(/3-step/);
  });
  it('5-step ratings -> NIST', () => {
    expect(chooseMatrix(withScales({ likelihood: s(5), impact: s(5) })).choice.name).toBe('nist');
  });
  it('a numeric score column up to 25 -> product', () => {
    const m = chooseMatrix(withScales({ likelihood: s(5), impact: s(5), score: s(25) }));
    expect(m.choice.name).toBe('product');
    expect(m.choice.reason).toMatch(/score column/);
  });
  it('a score column above 25 does not make a product matrix', () => {
    expect(chooseMatrix(withScales({ likelihood: s(5), impact: s(5), score: s(100) })).choice.name).toBe('nist');
  });
  it('the matrix saved in the workbook wins', () => {
    const m = chooseMatrix(withScales({ likelihood: s(3), impact: s(3) }), { name: 'nist' });
    expect(m.choice.name).toBe('nist');
    expect(m.choice.reason).toMatch(/saved/);
  });
  it('no register -> NIST with a reason', () => {
    const m = chooseMatrix(null);
    expect(m.choice.name).toBe('nist');
    expect(m.choice.reason).toMatch(/No likelihood or impact/);
  });
});
