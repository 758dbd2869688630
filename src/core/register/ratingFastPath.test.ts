/**
 * The row reader uses `ScaleTally` and `readRating` (no column copies, no wrapper objects); they must
 * agree with the public `detectScale` and `parseRating` on every kind of cell.
 */
import type { CellValue } from '../grid';
import { detectScale, parseRating, readRating, ScaleTally } from './values';

const CELLS: CellValue[] = [
  1,
  3,
  5,
  7,
  0,
  -2,
  2.5,
  26,
  Infinity,
  NaN,
  '4',
  ' 2 - Minor ',
  'High (3)',
  'High',
  'h',
  'Very High',
  'Rare',
  'Critical',
  'Blue',
  '',
  '   ',
  null,
  true,
  false,
];

describe('ScaleTally', () => {
  const tally = (cells: CellValue[], header = 'Likelihood') => {
    const t = new ScaleTally();
    for (const v of cells) t.add(v);
    return t.scale(header);
  };
  it('reads the scale from cells fed one at a time', () => {
    expect(tally([1, 2, 3])).toMatchObject({ steps: 3, form: 'numeric' });
    expect(tally([1, ' 2 - Minor '])).toMatchObject({ steps: 5, form: 'numeric' });
    expect(tally([7, null, '', Infinity])).toMatchObject({ steps: 10, form: 'numeric' });
    expect(tally(['High', 'Critical', 'Low'])).toMatchObject({ steps: 4, form: 'text' });
    expect(tally(['Rare', 'Likely', 3])).toMatchObject({ steps: 5, form: 'text' });
    expect(tally([2, 3], 'Impact (1-5)')).toMatchObject({ steps: 5, form: 'numeric', reason: 'header says "1-5"' });
  });
  it('gives what detectScale gives for the same column', () => {
    for (let a = 0; a < CELLS.length; a++) {
      for (let b = a; b < CELLS.length; b++) {
        const column = [CELLS[a], CELLS[b], CELLS[(a + b) % CELLS.length]];
        expect(tally(column, 'Score 0 to 25')).toEqual(detectScale(column, 'Score 0 to 25'));
      }
    }
  });
  it('says nothing about an empty column without a hint, and follows the hint when there is one', () => {
    expect(tally([null, '  '])).toBeNull();
    expect(tally([], 'Likelihood (1-4)')).toMatchObject({ steps: 4, form: 'numeric' });
  });
});

describe('readRating', () => {
  it('returns the value, null, or the reason parseRating gives as its error', () => {
    const scales = [
      null,
      detectScale([1, 5], 'Likelihood'),
      detectScale(['Low', 'High'], 'Level'),
      detectScale(['Rare', 'Likely'], 'Likelihood'),
    ];
    let errors = 0;
    for (const scale of scales) {
      for (const v of CELLS) {
        const fast = readRating(v, scale);
        const { value, error } = parseRating(v, scale);
        if (typeof fast === 'string') {
          errors++;
          expect(error).toBe(fast);
          expect(value).toBeNull();
        } else {
          expect(error).toBeNull();
          expect(fast).toEqual(value);
        }
      }
    }
    expect(errors).toBeGreaterThan(0);
  });
});
