import { buildProgressSheetSliced, progressByMonthSliced } from './progress';
import { dateValue, findCell, findCells, makeAnalysis, makeRead, makeScored, makeSettings, rowValues } from './testing';
import { missingRootCauseColumn } from '../analysis/findings';
import type { TableRead } from '../model';
import { finish } from '../slices';

const AS_OF = '2026-11-23';
const done = (completed: string | null, verified: string | null) =>
  makeScored({
    completed: true,
    open: false,
    verified: verified !== null,
    entry: {
      sheet: 'CAP',
      completedDate: completed ? dateValue(completed) : null,
      verifiedDate: verified ? dateValue(verified) : null,
      status: 'Complete',
    },
  });

describe('progressByMonth (fixed as-of date)', () => {
  it('counts completions and verifications per month with running totals up to the as-of month', () => {
    const items = [
      done('2026-08-03', '2026-09-10'),
      done('2026-08-20', null),
      done('2026-10-01', '2026-10-15'),
      done(null, null),
      makeScored(),
    ];
    const { rows, undatedCompleted, undatedVerified } = finish(progressByMonthSliced(items, AS_OF));
    expect(rows).toEqual([
      { month: '2026-08', completed: 2, verified: 0, completedSoFar: 2, verifiedSoFar: 0 },
      { month: '2026-09', completed: 0, verified: 1, completedSoFar: 2, verifiedSoFar: 1 },
      { month: '2026-10', completed: 1, verified: 1, completedSoFar: 3, verifiedSoFar: 2 },
      { month: '2026-11', completed: 0, verified: 0, completedSoFar: 3, verifiedSoFar: 2 },
    ]);
    expect([undatedCompleted, undatedVerified]).toEqual([1, 0]);
  });

  it('nothing dated: no rows', () => {
    expect(finish(progressByMonthSliced([makeScored()], AS_OF)).rows).toEqual([]);
  });

  it('the report shows the months as cells with text bars', () => {
    const capItems = [done('2026-10-01', '2026-10-15'), makeScored()];
    const analysis = makeAnalysis({
      capItems,
      capSummary: { total: 2, completed: 1, verified: 1, inProgress: 0, notStarted: 1, overdue: 0, dueNext30Days: 0 },
    });
    const spec = finish(
      buildProgressSheetSliced({
        analysis,
        read: makeRead({ caps: [{ sheet: 'CAP' } as TableRead] }),
        settings: makeSettings(),
        asOf: AS_OF,
      }),
    );
    const row = findCell(spec, /^2026-10$/).row;
    expect(rowValues(spec, row).slice(0, 7)).toEqual([
      '2026-10',
      '',
      '1',
      '1',
      '1',
      '1',
      '\u2588\u2588\u2588\u2588\u2588\u2591\u2591\u2591\u2591\u2591 50%',
    ]);
    expect(findCells(spec, /^2026-11$/)).toHaveLength(1);
  });

  it('a tracker without a root-cause column: its note stands under "No root cause recorded"', () => {
    const note = missingRootCauseColumn('CAP', 'A1', 1, 2);
    const analysis = makeAnalysis({ capItems: [makeScored()], findings: [note] });
    const spec = finish(
      buildProgressSheetSliced({
        analysis,
        read: makeRead({ caps: [{ sheet: 'CAP' } as TableRead] }),
        settings: makeSettings(),
        asOf: AS_OF,
      }),
    );
    const heading = findCell(spec, /^No root cause recorded \(0\)$/).row;
    expect(String(spec.rows[heading].cells[0]?.value)).toMatch(/^Sheet "CAP": This corrective action sheet has no root-cause column/);
  });
});
