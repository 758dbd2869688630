import fc from 'fast-check';
import type { Level } from '../model';
import { LEVELS } from '../model';
import { levelRank } from './matrices';
import { prioritizeSliced, priorityReason, type Rankable } from './prioritize';
import { finish } from '../slices';
import { date, makeEntry } from './testing';

const prioritize = (items: Rankable[]) => finish(prioritizeSliced(items)).sorted;

// prioritize sorts on one packed number per entry; this checks it against the plain rule, written
// out as a comparator: open first, level, score, overdue (all higher first), earliest due date, sheet order.
const isoDate = fc.integer({ min: 0, max: 900 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const item: fc.Arbitrary<Omit<Rankable, 'entry'> & { due: string | null; statusText: string | null }> = fc.record({
  level: fc.option(fc.constantFrom<Level>(...LEVELS)),
  score: fc.option(fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constantFrom(2.5, 1e9, -Infinity))),
  residualLevel: fc.constant(null),
  open: fc.boolean(),
  overdue: fc.boolean(),
  daysOverdue: fc.integer({ min: 0, max: 400 }),
  tier: fc.constant('Unclassified' as const),
  tierReason: fc.constant(''),
  completed: fc.boolean(),
  verified: fc.constant(false),
  findings: fc.constant([]),
  due: fc.option(isoDate),
  statusText: fc.option(fc.constantFrom('Done', 'Closed', ' Accepted ')),
});

function reference(items: Rankable[]): number[] {
  const key = (r: Rankable) => [r.open ? 1 : 0, r.level ? levelRank(r.level) : 0, r.score ?? -Infinity, r.overdue ? 1 : 0];
  const due = (r: Rankable) => r.entry.dueDate?.iso ?? '9999-99-99';
  return items
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ka = key(a.r);
      const kb = key(b.r);
      for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return kb[k] - ka[k];
      return due(a.r) < due(b.r) ? -1 : due(a.r) > due(b.r) ? 1 : a.i - b.i;
    })
    .map((x) => x.r.entry.row);
}

describe('prioritize on arbitrary entries', () => {
  it('orders exactly as the written rule, numbers 1..N and explains each entry as priorityReason does', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (raw) => {
        const make = (): Rankable[] =>
          raw.map(({ due, statusText, ...rest }, i) => ({
            ...rest,
            entry: makeEntry({ row: i + 2, dueDate: due ? date(due) : null, statusText }),
          }));
        const expected = reference(make());
        const out = prioritize(make());
        expect(out.map((s) => s.entry.row)).toEqual(expected);
        expect(out.map((s) => s.priority)).toEqual(out.map((_, i) => i + 1));
        for (const s of out) expect(s.priorityReason).toBe(priorityReason(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('prioritize on a register too varied to pack into one sort key', () => {
  it('still orders by the rule (100,000 entries with distinct scores and due dates)', () => {
    const n = 100_000;
    const items: Rankable[] = [];
    for (let i = 0; i < n; i++) {
      const due = new Date(Date.UTC(2000, 0, 1 + ((i * 7919) % n))).toISOString().slice(0, 10);
      items.push({
        entry: makeEntry({ row: i + 2, dueDate: date(due) }),
        level: LEVELS[i % 5],
        score: (i * 31) % n,
        residualLevel: null,
        open: i % 3 !== 0,
        overdue: false,
        daysOverdue: 0,
        tier: 'Unclassified',
        tierReason: '',
        completed: false,
        verified: false,
        findings: [],
      });
    }
    const out = prioritize(items);
    expect(new Set(out.map((s) => s.entry.row)).size).toBe(n);
    const outOfOrder: number[] = [];
    for (let p = 1; p < n; p++) {
      const a = out[p - 1];
      const b = out[p];
      const ka = [a.open ? 1 : 0, levelRank(a.level!), a.score!];
      const kb = [b.open ? 1 : 0, levelRank(b.level!), b.score!];
      const k = ka.findIndex((x, j) => x !== kb[j]);
      const inOrder = k >= 0 ? ka[k] > kb[k] : a.entry.dueDate!.iso! <= b.entry.dueDate!.iso!;
      if (!inOrder) outOfOrder.push(p);
    }
    expect(outOfOrder).toEqual([]);
  });
});
