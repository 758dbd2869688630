/** Whatever the analysis hands over, the reports build without throwing and keep their rules. */
import fc from 'fast-check';
import { buildPlanSheetSliced } from './plan';
import { buildProgressSheetSliced } from './progress';
import { placeGeneratedSheet, validSheetName } from './placement';
import { allCells, makeAnalysis, makeRead, makeScored, makeSettings } from './testing';
import { MARKER_CELL, MARKER_PREFIX } from '../grid';
import { LEVELS, STATUSES, TIERS } from '../model';
import type { DateValue } from '../model';
import { planSnapshotSchema } from '../settings';
import type { SheetSpec } from '../sheetSpec';
import { finish } from '../slices';

const text = fc.option(fc.string({ maxLength: 60 }), { nil: null });
const dateArb: fc.Arbitrary<DateValue | null> = fc.option(
  fc.oneof(
    fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => {
      const iso = d.toISOString().slice(0, 10);
      return { cell: 'H5', raw: iso, iso, kind: 'date' as const, text: iso };
    }),
    fc.string({ maxLength: 20 }).map((t) => ({ cell: 'H5', raw: t, iso: null, kind: 'relative' as const, text: t })),
  ),
  { nil: null },
);
const scored = fc
  .record({
    id: text,
    risk: text,
    action: text,
    owner: text,
    element: text,
    evidence: text,
    dueDate: dateArb,
    completedDate: dateArb,
    status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
    level: fc.option(fc.constantFrom(...LEVELS), { nil: null }),
    tier: fc.constantFrom(...TIERS),
    open: fc.boolean(),
    completed: fc.boolean(),
    verified: fc.boolean(),
    overdue: fc.boolean(),
    priority: fc.integer({ min: 1, max: 50 }),
    flags: fc.subarray(['vague-action', 'duplicate', 'missing-root-cause', 'overdue'] as const),
  })
  .map(({ id, risk, action, owner, element, evidence, dueDate, completedDate, status, ...rest }) =>
    makeScored({ ...rest, flags: [...rest.flags], entry: { id, risk, action, owner, element, evidence, dueDate, completedDate, status } }),
  );

function checkSpec(spec: SheetSpec): void {
  for (const { col, cell } of allCells(spec)) {
    expect(col).toBeLessThan(MARKER_CELL.col);
    if (cell.type === 'date') expect(cell.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (cell.type === 'number' || cell.type === 'percent') expect(Number.isFinite(cell.value)).toBe(true);
    if (cell.style) expect(spec.styles[cell.style]).toBeDefined();
  }
  expect(spec.marker.startsWith(MARKER_PREFIX)).toBe(true);
}

describe('reports on arbitrary input', () => {
  it('build valid specs and a snapshot the settings accept, and the snapshot round-trips to no changes', () => {
    fc.assert(
      fc.property(
        fc.array(scored, { maxLength: 25 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        (risks, practiceName) => {
          const analysis = makeAnalysis({ risks, capItems: risks });
          const settings = makeSettings(practiceName === undefined ? {} : { practiceName });
          const { spec, snapshot } = finish(buildPlanSheetSliced({ analysis, read: makeRead(), settings, asOf: '2026-11-23' }));
          checkSpec(spec);
          expect(planSnapshotSchema.safeParse(snapshot).success).toBe(true);
          const again = finish(
            buildPlanSheetSliced({ analysis, read: makeRead(), settings: { ...settings, snapshot }, asOf: '2026-11-23' }),
          ).spec;
          expect(allCells(again).some((c) => String(c.cell.value).startsWith('No changes since the last plan'))).toBe(true);
          checkSpec(finish(buildProgressSheetSliced({ analysis, read: makeRead(), settings, asOf: '2026-11-23' })));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('always produce a legal, unused sheet name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 8 }), (desired, taken) => {
        const name = validSheetName(desired, taken);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
        expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
        expect(name.toLowerCase()).not.toBe('history');
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
        const sheets = taken.map((n, i) => ({ name: n, index: i, visibility: 'visible' as const, marker: null, protected: false }));
        const placed = placeGeneratedSheet(sheets, 'plan', { keepPrevious: true, asOf: '2026-11-23' });
        expect(taken.map((t) => t.toLowerCase())).not.toContain(placed.name.toLowerCase());
      }),
      { numRuns: 200 },
    );
  });
});
