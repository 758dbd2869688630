import { buildPlanSheet } from './plan';
import { buildProgressSheet } from './progress';
import { sharedDateCell, sharedNumberCell, sharedTextCell } from './sharedCells';
import { dateValue, findCells, makeAnalysis, makeRead, makeScored, makeSettings } from './testing';
import type { ScoredEntry, TableRead } from '../model';

// Reports share one cell object between rows showing the same value; rows must still read as before.
const AS_OF = '2026-11-23';

function item(id: string, patch: Parameters<typeof makeScored>[0] = {}): ScoredEntry {
  return makeScored({
    ...patch,
    entry: { sheet: 'CAP', id, risk: `Finding ${id}`, action: 'Enable MFA on the EHR portal', owner: 'Dana', dueDate: dateValue('2027-06-30'), status: 'In Progress', ...patch.entry },
  });
}

describe('shared report cells', () => {
  it('are equal in content to the cells they stand for, and frozen', () => {
    expect(sharedTextCell('Open', 'cell')).toEqual({ type: 'text', value: 'Open', style: 'cell' });
    expect(sharedTextCell('Open', 'cell')).toBe(sharedTextCell('Open', 'cell'));
    expect(sharedTextCell('Open', 'missing')).not.toBe(sharedTextCell('Open', 'cell'));
    expect(sharedDateCell('2026-01-05', 'cell')).toEqual({ type: 'date', value: '2026-01-05', style: 'cell' });
    expect(sharedNumberCell(12, 'number')).toEqual({ type: 'number', value: 12, style: 'number' });
    expect(Object.isFrozen(sharedTextCell('Open', 'cell'))).toBe(true);
    expect(() => {
      (sharedTextCell('Open', 'cell') as { value: string }).value = 'Closed';
    }).toThrow(TypeError);
  });

  it('a CAP item in several lists shows the same row in each, and other items keep their own values', () => {
    const done = item('C-1', { completed: true, open: false, entry: { status: 'Complete', evidence: null, verifiedBy: null } });
    const other = item('C-2', { entry: { owner: 'Lee' } });
    const capTable = { sheet: 'CAP' } as TableRead;
    const spec = buildProgressSheet({ analysis: makeAnalysis({ capItems: [done, other] }), read: makeRead({ caps: [capTable] }), settings: makeSettings(), asOf: AS_OF });
    // Completed but not verified, completed without evidence, and the evidence index.
    const idRows = (id: string) => findCells(spec, id).filter((c) => c.col === 0 && c.cell.value === id).map((c) => spec.rows[c.row - 1].cells);
    const rows = idRows('C-1');
    expect(rows.length).toBe(3);
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
    // Column E is the responsible party.
    expect(rows[0][4]?.value).toBe('Dana');
    expect(idRows('C-2').map((r) => r[4]?.value)).toEqual(['Lee']);
  });

  it('the plan shows each risk its own flags and status even when cells are shared', () => {
    const a = item('R-1', { entry: { statusText: 'WIP' } });
    const b = item('R-2', { priority: 2, entry: { statusText: 'Open' } });
    const { spec } = buildPlanSheet({ analysis: makeAnalysis({ risks: [a, b] }), read: makeRead(), settings: makeSettings(), asOf: AS_OF });
    const rowOf = (id: string) => spec.rows[findCells(spec, id).find((c) => c.cell.value === id)!.row - 1].cells.map((c) => (c ? c.value : null));
    expect(rowOf('R-1')).toContain('WIP');
    expect(rowOf('R-2')).toContain('Open');
    expect(rowOf('R-2')).not.toContain('WIP');
  });
});
