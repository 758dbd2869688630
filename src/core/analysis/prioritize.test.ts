import type { Level } from '../model';
import { prioritizeSliced, type Rankable } from './prioritize';
import { finish } from '../slices';
import { date, makeEntry } from './testing';

const prioritize = (items: Rankable[]) => finish(prioritizeSliced(items)).sorted;

function item(
  row: number,
  o: { open?: boolean; level?: Level | null; score?: number | null; overdue?: number; due?: string; status?: string },
): Rankable {
  return {
    entry: makeEntry({ row, id: `R${row}`, dueDate: o.due ? date(o.due) : null, statusText: o.status ?? null }),
    level: o.level === undefined ? 'Medium' : o.level,
    score: o.score === undefined ? 9 : o.score,
    residualLevel: null,
    open: o.open ?? true,
    overdue: (o.overdue ?? 0) > 0,
    daysOverdue: o.overdue ?? 0,
    tier: 'Unclassified',
    tierReason: '',
    completed: false,
    verified: false,
    findings: [],
  };
}

const rows = (xs: Rankable[]) => prioritize(xs).map((s) => s.entry.row);

describe('prioritize', () => {
  it('open before closed, even when the closed one rates higher', () => {
    expect(rows([item(1, { open: false, level: 'Very High', score: 25 }), item(2, { level: 'Low', score: 2 })])).toEqual([2, 1]);
  });
  it('higher level first, then higher score', () => {
    expect(
      rows([item(1, { level: 'Medium', score: 9 }), item(2, { level: 'High', score: 12 }), item(3, { level: 'High', score: 16 })]),
    ).toEqual([3, 2, 1]);
  });
  it('unrated entries come after rated ones', () => {
    expect(rows([item(1, { level: null, score: null }), item(2, { level: 'Very Low', score: 1 })])).toEqual([2, 1]);
  });
  it('overdue first, then the earliest due date, blank due dates last', () => {
    expect(
      rows([item(1, { due: '2027-03-01' }), item(2, {}), item(3, { due: '2026-12-01' }), item(4, { due: '2026-10-01', overdue: 53 })]),
    ).toEqual([4, 3, 1, 2]);
  });
  it('ties keep sheet order (stable)', () => {
    expect(rows([item(7, {}), item(3, {}), item(5, {})])).toEqual([7, 3, 5]);
  });
  it('numbers priorities 1..N and explains them in words', () => {
    const out = prioritize([
      item(1, { level: 'Low', score: 4 }),
      item(2, { level: 'Very High', score: 20, overdue: 42, due: '2026-10-12' }),
      item(3, { open: false, status: 'Done' }),
    ]);
    expect(out.map((s) => s.priority)).toEqual([1, 2, 3]);
    expect(out[0].priorityReason).toBe('Open, Very High (score 20), overdue 42 days');
    expect(out[1].priorityReason).toBe('Open, Low (score 4), no due date');
    expect(out[2].priorityReason).toBe('Closed (Done), Medium (score 9)');
  });
});
