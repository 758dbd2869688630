import { detectScale, parseDate, parseOwner, parseRating, parseStatus, readRating, scaleHintFromHeader, ValueMemo } from './values';
import type { ScaleValue } from '../model';
import type { CellValue } from '../grid';

const rate = (v: CellValue, values: CellValue[], header = '') => parseRating(v, detectScale(values, header));

describe('rating scales', () => {
  it('reads the header hint "(1-5)" even when the data only reaches 3', () => {
    expect(scaleHintFromHeader('Likelihood (1-5)')).toBe(5);
    expect(scaleHintFromHeader('Impact 1 to 10')).toBe(10);
    expect(detectScale([1, 2, 3], 'Likelihood (1-5)')).toMatchObject({ steps: 5, form: 'numeric' });
  });
  it('without a hint, takes the smallest usual scale holding the largest value', () => {
    expect(detectScale([1, 3, 2], 'Likelihood')!.steps).toBe(3);
    expect(detectScale([1, 4], 'Likelihood')!.steps).toBe(4);
    expect(detectScale([2, 5], 'Impact')!.steps).toBe(5);
    expect(detectScale([7, 9], 'Impact')!.steps).toBe(10);
    expect(detectScale([12, 20, 25], 'Risk Score')!.steps).toBe(25);
  });
  it('text levels: H/M/L and Low/Medium/High are 3 steps; Critical tops them as a 4th', () => {
    expect(rate('High', ['Low', 'High'])!.value).toMatchObject({ ordinal: 3, steps: 3, label: 'High' });
    expect(rate('M', ['H', 'M', 'L'])!.value).toMatchObject({ ordinal: 2, steps: 3 });
    expect(rate('Critical', ['High', 'Critical', 'Low'])!.value).toMatchObject({ ordinal: 4, steps: 4 });
    expect(rate('High', ['High', 'Critical', 'Low'])!.value).toMatchObject({ ordinal: 3, steps: 4 });
  });
  it('five-step words: Very Low..Very High, Rare..Almost Certain, Negligible..Severe, Insignificant..Catastrophic', () => {
    const col = ['Very Low', 'Medium', 'Very High'];
    expect(rate('Very High', col).value).toMatchObject({ ordinal: 5, steps: 5 });
    expect(rate('Medium', col).value).toMatchObject({ ordinal: 3, steps: 5 });
    expect(rate('Almost Certain', ['Rare', 'Almost Certain']).value!.ordinal).toBe(5);
    expect(rate('Rare', ['Rare', 'Likely']).value!.ordinal).toBe(1);
    expect(rate('Likely', ['Rare', 'Likely']).value!.ordinal).toBe(4);
    expect(rate('Negligible', ['Negligible', 'Severe']).value!.ordinal).toBe(1);
    expect(rate('Catastrophic', ['Insignificant', 'Catastrophic']).value!.ordinal).toBe(5);
    expect(rate('Critical', ['Very Low', 'Critical']).value!.ordinal).toBe(5);
  });
  it('"4 - Major" is step 4 labelled Major; numbers as text read as numbers', () => {
    expect(rate('4 - Major', ['4 - Major', '2 - Minor']).value).toMatchObject({ ordinal: 4, steps: 5, label: 'Major' });
    expect(rate('3', ['3', '5']).value).toMatchObject({ ordinal: 3, steps: 5 });
  });
  it('reports values the column cannot hold instead of guessing', () => {
    expect(rate(7, [1, 2, 3], 'Impact (1-5)').error).toMatch(/outside the 1-5 scale/);
    expect(rate('Soon', ['High', 'Soon']).error).toMatch(/not a rating/);
    expect(rate(null, [1]).value).toBeNull();
  });
});

describe('dates', () => {
  const iso = (v: CellValue) => parseDate(v);
  it('Excel serials, ISO text, US m/d/yyyy, month names', () => {
    expect(iso(46037)).toMatchObject({ iso: '2026-01-15', kind: 'date' });
    expect(iso('2026-01-15')).toMatchObject({ iso: '2026-01-15', kind: 'date' });
    expect(iso('2026-01-15T00:00:00')!.iso).toBe('2026-01-15');
    expect(iso('1/15/2026')).toMatchObject({ iso: '2026-01-15', kind: 'date' });
    expect(iso('Jan 5, 2026')!.iso).toBe('2026-01-05');
    expect(iso('January 5th 2026')!.iso).toBe('2026-01-05');
    expect(iso('5 January 2026')!.iso).toBe('2026-01-05');
    expect(iso('5-Jan-2026')!.iso).toBe('2026-01-05');
  });
  it('03/04/2026 is ambiguous, never guessed; 13/04/2026 is day-first; 04/04/2026 is the same either way', () => {
    expect(iso('03/04/2026')).toMatchObject({ iso: null, kind: 'ambiguous', text: '03/04/2026' });
    expect(iso('13/04/2026')).toMatchObject({ iso: '2026-04-13', kind: 'date' });
    expect(iso('04/04/2026')!.iso).toBe('2026-04-04');
  });
  it('relative timescales are kept as text', () => {
    for (const t of ['1-6 months', 'Q3 2026', 'ASAP', 'ongoing', 'Within 30 days', 'March 2026']) {
      expect(iso(t)).toMatchObject({ iso: null, kind: 'relative', text: t });
    }
  });
  it('invalid text and impossible dates are invalid; blank is null', () => {
    expect(iso('when possible')!.kind).toBe('invalid');
    expect(iso('2026-02-30')!.kind).toBe('invalid');
    expect(iso('31/31/2026')!.kind).toBe('invalid');
    expect(iso(12)!.kind).toBe('invalid');
    expect(iso('  ')).toBeNull();
  });
});

describe('owners', () => {
  it.each(['TBD', 'N/A', '?', '-', 'none', 'Unassigned', ' tbd '])('%s counts as missing but is kept as typed', (t) => {
    const o = parseOwner(t);
    expect(o.owner).toBeNull();
    expect(o.ownerText).toBe(t.trim());
  });
  it('a name is an owner', () => {
    expect(parseOwner('Privacy Officer')).toEqual({ owner: 'Privacy Officer', ownerText: 'Privacy Officer' });
    expect(parseOwner(null)).toEqual({ owner: null, ownerText: null });
  });
});

describe('statuses', () => {
  it.each([
    ['Complete', 'Complete'],
    ['Done', 'Complete'],
    ['Closed', 'Complete'],
    ['Resolved', 'Complete'],
    ['WIP', 'In Progress'],
    ['Ongoing', 'In Progress'],
    ['in-progress', 'In Progress'],
    ['Risk Accepted', 'Accepted'],
    ['Not started', 'Not Started'],
    ['Open', 'Open'],
    ['Mitigated', 'Mitigated'],
    ['On hold', 'Deferred'],
    ['Closed - verified 3/2', 'Complete'],
    ['In progress (50%)', 'In Progress'],
    ['Completed 1/5/2026', 'Complete'],
    ['Open pending vendor reply', 'Open'],
    ['100%', 'Complete'],
    ['40 %', 'In Progress'],
    ['0%', 'Not Started'],
  ])('%s -> %s', (typed, status) => {
    expect(parseStatus(typed)).toEqual({ status, statusText: typed });
  });
  it('an unknown word gives status null with the text kept', () => {
    expect(parseStatus('Blocked by vendor')).toEqual({ status: null, statusText: 'Blocked by vendor' });
  });
});

describe('shared values', () => {
  it('gives equal cells on one scale the same frozen object within a read, and different scales and reads their own', () => {
    const memo = new ValueMemo();
    const five = detectScale([1, 5], 'Likelihood (1-5)');
    const three = detectScale([1, 3], 'Likelihood (1-3)');
    const a = readRating(3, five, memo) as ScaleValue;
    expect(readRating(3, five, memo)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(readRating(3, three, memo)).not.toBe(a);
    expect(readRating(3, three, memo)).toMatchObject({ ordinal: 3, steps: 3 });
    const nextRead = new ValueMemo();
    expect(readRating(3, five, nextRead)).not.toBe(a);
    expect(readRating(3, five, nextRead)).toEqual(a);
    const due = parseDate(46037, memo)!;
    expect(parseDate(46037, memo)).toBe(due);
    expect(parseDate(46037, nextRead)).not.toBe(due);
    expect(Object.isFrozen(due)).toBe(true);
    expect(() => {
      'use strict';
      (due as { iso: string | null }).iso = '2020-01-01';
    }).toThrow(TypeError);
  });
});
