import { buildPlanSheetSliced } from './plan';
import { buildProgressSheetSliced } from './progress';
import { diffSnapshotsSliced } from './changes';
import { finish, inSlices, ROWS_PER_SLICE } from '../slices';
import { drainCounting } from '../slices.testing';
import type { FindingKind, ScoredEntry, TableRead, Tier } from '../model';
import { LEVELS, TIERS } from '../model';
import type { PlanSnapshot } from '../settings';
import { dateValue, makeAnalysis, makeEntry, makeRead, makeScored, makeSettings } from './testing';
import { dateCellIgnoresRequired, dateValueCell, ownerCell, ownerCellIgnoresRequired } from './entryText';

// The report builders yield along the way on big inputs and give the same report whatever order they get;
// the builders with the generators drained in one go are what the CLI and the tests use.
const AS_OF = '2026-11-23';
const STATUSES = ['Open', 'In Progress', 'Complete', 'Accepted', null] as const;
const FLAGS: FindingKind[][] = [
  [],
  ['missing-owner'],
  ['vague-action', 'overdue'],
  ['duplicate', 'missing-root-cause'],
  ['missing-verification'],
];

/** '' when `a` and `b` serialize the same, else both texts around the first difference (short failure output). */
function jsonDiff(a: unknown, b: unknown): string {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x === y) return '';
  let i = 0;
  while (x[i] === y[i]) i++;
  return `at ${i}:\n${x.slice(i - 150, i + 150)}\n${y.slice(i - 150, i + 150)}`;
}

/** `count` varied risks in priority order on one sheet, some sharing an ID (snapshot keys "#2"...). */
function makeRisks(count: number, sheet = 'Risk Register'): ScoredEntry[] {
  const risks: ScoredEntry[] = [];
  for (let i = 0; i < count; i++) {
    const status = STATUSES[i % STATUSES.length];
    const completed = status === 'Complete';
    const open = status !== 'Complete' && status !== 'Accepted';
    risks.push(
      makeScored({
        priority: i + 1,
        level: i % 6 === 5 ? null : LEVELS[i % LEVELS.length],
        residualLevel: i % 4 === 0 ? LEVELS[(i + 2) % LEVELS.length] : null,
        score: i % 6 === 5 ? null : (i % 25) + 1,
        open,
        completed,
        verified: completed && i % 2 === 0,
        overdue: open && i % 3 === 0,
        daysOverdue: open && i % 3 === 0 ? (i % 40) + 1 : 0,
        tier: TIERS[i % TIERS.length] as Tier,
        flags: FLAGS[i % FLAGS.length],
        entry: {
          sheet,
          row: 10 + i,
          id: i % 11 === 0 ? null : i % 13 === 0 ? 'R-dup' : `R-${i}`,
          risk: i % 17 === 0 ? null : ` Risk number ${i % 900} `,
          threat: 'Phishing',
          action: i % 7 === 0 ? null : `Action ${i % 5}`,
          owner: i % 9 === 0 ? null : `Owner ${i % 4}`,
          ownerText: i % 9 === 0 ? 'TBD' : null,
          dueDate:
            i % 8 === 0 ? null : i % 10 === 0 ? dateValue('next quarter') : dateValue(`2026-${String((i % 12) + 1).padStart(2, '0')}-15`),
          status,
          statusText: status,
          completedDate: completed ? dateValue('2026-06-01') : null,
          evidence: completed && i % 4 === 0 ? 'Ticket 12' : null,
          verifiedBy: completed && i % 2 === 0 ? 'Privacy Officer' : null,
          element: i % 19 === 0 ? 'Training' : null,
          justification: status === 'Accepted' && i % 2 === 0 ? 'Cost exceeds the risk' : null,
        },
      }),
    );
  }
  return risks;
}

function table(risks: ScoredEntry[], sheet = 'Risk Register'): TableRead {
  return { sheet, entries: risks.map((r) => r.entry) } as TableRead;
}

const PREVIOUS: PlanSnapshot = {
  generatedOn: '2026-01-01',
  version: 1,
  risks: [
    { key: 'id:r-1', id: 'R-1', risk: 'Risk number 1', owner: 'Someone else', dueDate: '2025-01-01', status: 'Open', level: 'High' },
    { key: 'id:r-gone', id: 'R-gone', risk: 'Removed risk', owner: null, dueDate: null, status: 'Open', level: null },
  ],
};

describe('buildPlanSheetSliced', () => {
  const risks = makeRisks(5_000);
  const input = {
    analysis: makeAnalysis({ risks }),
    read: makeRead({ register: table(risks) }),
    settings: makeSettings({ snapshot: PREVIOUS, planVersion: 1 }),
    asOf: AS_OF,
  };

  it('yields more than once for 5,000 risks, and keys repeated IDs apart in the snapshot', () => {
    const { value, pauses: yields } = drainCounting(buildPlanSheetSliced(input));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(5_000 / ROWS_PER_SLICE));
    expect(value.snapshot.risks).toHaveLength(5_000);
    expect(
      value.snapshot.risks
        .filter((r) => r.key.startsWith('id:r-dup'))
        .map((r) => r.key)
        .slice(0, 3),
    ).toEqual(['id:r-dup', 'id:r-dup#2', 'id:r-dup#3']);
  });

  it('orders risks handed over out of priority order, as before', () => {
    const shuffled = [...risks.slice(2_500), ...risks.slice(0, 2_500)];
    const out = finish(buildPlanSheetSliced({ ...input, analysis: makeAnalysis({ risks: shuffled }) }));
    expect(jsonDiff(out, finish(buildPlanSheetSliced(input)))).toBe('');
  });

  it('works for one risk and for none', () => {
    for (const few of [makeRisks(1), []]) {
      const tiny = { ...input, analysis: makeAnalysis({ risks: few }), read: makeRead({ register: table(few) }) };
      const { value, pauses: yields } = drainCounting(buildPlanSheetSliced(tiny));
      expect(yields).toBe(0);
      expect(value.snapshot.risks).toHaveLength(few.length);
    }
  });
});

describe('buildProgressSheetSliced', () => {
  const items = makeRisks(5_000, 'CAP');
  const input = {
    analysis: makeAnalysis({ capItems: items }),
    read: makeRead({ caps: [table(items, 'CAP')] }),
    settings: makeSettings({ cap: { type: 'ocr', reference: 'OCR 1', effectiveDate: '2026-01-15' } }),
    asOf: AS_OF,
  };

  it('yields more than once for 5,000 CAP items', () => {
    const { value, pauses: yields } = drainCounting(buildProgressSheetSliced(input));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(5_000 / ROWS_PER_SLICE));
    expect(value.rows.length).toBeGreaterThan(5_000);
  });

  it('lists overdue items most overdue first, ties in priority order', () => {
    const spec = finish(buildProgressSheetSliced(input));
    const start = spec.rows.findIndex((r) => String(r.cells[0]?.value ?? '').startsWith('Overdue ('));
    const overdueRows = [];
    for (let r = start + 1; spec.rows[r].cells.length > 1; r++) overdueRows.push(spec.rows[r].cells);
    const days = overdueRows.map((cells) => Number(String(cells[6]?.value).split(' ')[0]));
    expect(days.length).toBeGreaterThan(100);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });

  it('works for one item and for none', () => {
    for (const few of [makeRisks(1, 'CAP'), []]) {
      const tiny = { ...input, analysis: makeAnalysis({ capItems: few }), read: makeRead({ caps: [table(few, 'CAP')] }) };
      const { value, pauses: yields } = drainCounting(buildProgressSheetSliced(tiny));
      expect(yields).toBe(0);
      expect(value.name).toBe('CAP Progress Report');
    }
  });
});

describe('diffSnapshotsSliced', () => {
  it('yields for a large snapshot and lists the new risks and changed owners', () => {
    const current = finish(
      buildPlanSheetSliced({
        analysis: makeAnalysis({ risks: makeRisks(5_000) }),
        read: makeRead(),
        settings: makeSettings(),
        asOf: AS_OF,
      }),
    ).snapshot;
    const previous = { ...current, risks: current.risks.slice(1_000).map((r, i) => (i % 3 ? r : { ...r, owner: 'Changed' })) };
    const { value, pauses: yields } = drainCounting(diffSnapshotsSliced(previous, current));
    expect(yields).toBeGreaterThan(1);
    expect(value.filter((c) => c.kind === 'owner-changed').length).toBeGreaterThan(1_000);
    expect(value.filter((c) => c.kind === 'new')).toHaveLength(1_000);
  });
});

describe('inSlices', () => {
  it('covers every index once, in slices of at most ROWS_PER_SLICE, yielding between them', () => {
    for (const count of [0, 1, ROWS_PER_SLICE, ROWS_PER_SLICE + 1, 5 * ROWS_PER_SLICE - 3]) {
      const seen: number[] = [];
      const { pauses: yields } = drainCounting(
        inSlices(count, (from, to) => {
          expect(to - from).toBeLessThanOrEqual(ROWS_PER_SLICE);
          for (let i = from; i < to; i++) seen.push(i);
        }),
      );
      expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(yields).toBe(Math.max(0, Math.ceil(count / ROWS_PER_SLICE) - 1));
    }
  });
});

describe('cells that do not depend on whether a value is required', () => {
  it('are flagged exactly when both ways give the same cell', () => {
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const owners = [
      makeEntry({ owner: 'Dana' }),
      makeEntry({ owner: '  ' }),
      makeEntry({ owner: null, ownerText: 'TBD' }),
      makeEntry({ owner: null }),
    ];
    for (const e of owners) expect(ownerCellIgnoresRequired(e)).toBe(same(ownerCell(e, true), ownerCell(e, false)));
    const dates = [
      null,
      undefined,
      dateValue('2026-05-01'),
      dateValue('next quarter'),
      dateValue('03/04/2026', 'ambiguous'),
      { ...dateValue(' '), text: ' ' },
    ];
    for (const d of dates) expect(dateCellIgnoresRequired(d)).toBe(same(dateValueCell(d, true), dateValueCell(d, false)));
  });
});
