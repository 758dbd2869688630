import { buildProgressSheetSliced, progressBar, PROGRESS_SHEET_NAME } from './progress';
import { elementOf } from './elements';
import {
  allCells,
  dateValue,
  findCell,
  findCells,
  makeAnalysis,
  makeEntry,
  makeRead,
  makeScored,
  makeSettings,
  rowValues,
} from './testing';
import { MARKER_CELL, MARKER_PREFIX } from '../grid';
import type { Analysis, ScoredEntry, TableRead } from '../model';
import type { Settings } from '../settings';
import type { SheetSpec } from '../sheetSpec';
import { finish } from '../slices';

const AS_OF = '2026-11-23';

function build(analysis: Analysis, settings: Settings = makeSettings()) {
  const capTable = { sheet: 'CAP' } as TableRead;
  return finish(buildProgressSheetSliced({ analysis, read: makeRead({ caps: [capTable] }), settings, asOf: AS_OF }));
}

function item(id: string, patch: Parameters<typeof makeScored>[0] = {}): ScoredEntry {
  return makeScored({
    ...patch,
    entry: {
      sheet: 'CAP',
      id,
      risk: `Finding ${id}`,
      action: `Fix ${id}`,
      owner: 'Dana',
      dueDate: dateValue('2027-06-30'),
      status: 'In Progress',
      ...patch.entry,
    },
  });
}

const rowOf = (spec: SheetSpec, text: string | RegExp) => findCell(spec, text).row;

/** The rows listed under a group heading, up to the next group heading. */
function listed(spec: SheetSpec, heading: RegExp): string[] {
  const start = rowOf(spec, heading);
  const ids: string[] = [];
  for (let r = start + 1; r <= spec.rows.length; r++) {
    const cells = spec.rows[r - 1].cells;
    if (cells[0]?.style === 'group' || cells[0]?.style === 'section') break;
    if (cells[0] && cells[0].style === 'cell') ids.push(String(cells[0].value));
  }
  return ids;
}

const items = [
  item('C-1', { overdue: true, daysOverdue: 12, entry: { dueDate: dateValue('2026-11-11') } }),
  item('C-2', { overdue: true, daysOverdue: 40, entry: { dueDate: dateValue('2026-10-14') } }),
  item('C-3', { entry: { dueDate: dateValue('2026-12-10'), element: 'Security awareness training' } }),
  item('C-4', { entry: { dueDate: dateValue('2027-01-10'), element: 'Facilities' } }),
  item('C-5', { entry: { dueDate: dateValue('2027-02-15'), action: 'Sign BAA with billing company' }, flags: ['missing-root-cause'] }),
  item('C-6', {
    completed: true,
    verified: true,
    open: false,
    entry: {
      status: 'Complete',
      completedDate: dateValue('2026-09-01'),
      evidence: 'MFA-config.pdf',
      verifiedBy: 'Pat',
      verifiedDate: dateValue('2026-09-15'),
      element: 'Technical safeguards',
    },
  }),
  item('C-7', {
    completed: true,
    open: false,
    entry: { status: 'Complete', completedDate: dateValue('2026-10-01'), evidence: null },
    flags: ['duplicate', 'missing-verification'],
  }),
  item('C-8', { entry: { risk: 'Zebra', action: 'Things', dueDate: null, owner: null }, flags: ['duplicate'] }),
];
const summary = { total: 8, completed: 2, verified: 1, inProgress: 5, notStarted: 1, overdue: 2, dueNext30Days: 1 };
const settings = makeSettings({
  practiceName: 'Smith & Jones',
  cap: { type: 'ocr', reference: 'OCR Transaction 21-12345', effectiveDate: '2026-01-15' },
});
const spec = build(makeAnalysis({ capItems: items, capSummary: summary }), settings);

describe('buildProgressSheet: header', () => {
  it('names the entity, the CAP, its type, the period covered and the as-of date', () => {
    expect(spec.name).toBe(PROGRESS_SHEET_NAME);
    expect(rowValues(spec, rowOf(spec, 'Entity'))).toContain('Smith & Jones');
    expect(rowValues(spec, rowOf(spec, 'CAP reference'))).toContain('OCR Transaction 21-12345');
    expect(rowValues(spec, rowOf(spec, 'CAP type'))).toContain('OCR resolution agreement');
    expect(rowValues(spec, rowOf(spec, 'Reporting period covered'))).toContain('Period 1 of 2: 2026-01-15 to 2027-01-15');
    expect(spec.rows[rowOf(spec, /^As of$/) - 1].cells[2]).toEqual(expect.objectContaining({ type: 'date', value: AS_OF }));
    expect(findCell(spec, 'CAP sheet: "CAP".').cell.type).toBe('text');
  });

  it('shows missing CAP terms as MISSING and a voluntary CAP as voluntary', () => {
    const bare = build(makeAnalysis());
    expect(findCells(bare, 'MISSING: set the CAP effective date').length).toBeGreaterThanOrEqual(2);
    expect(findCell(bare, 'MISSING: CAP reference').cell.style).toBe('missingValue');
    expect(findCell(bare, 'MISSING: practice name').cell.type).toBe('text');
    expect(rowValues(bare, rowOf(bare, 'CAP type'))).toContain('Voluntary corrective action plan');
    expect(findCells(bare, /^Report for period/)).toHaveLength(0);
  });

  it('says when the items came from the register because there is no CAP sheet', () => {
    const s = finish(
      buildProgressSheetSliced({
        analysis: makeAnalysis({ capFromRegister: true }),
        read: makeRead({ register: { sheet: 'Risk Register' } as TableRead }),
        settings: makeSettings(),
        asOf: AS_OF,
      }),
    );
    expect(findCell(s, 'No CAP sheet was found').cell.value).toContain('"Risk Register"');
  });
});

describe('buildProgressSheet: overall progress', () => {
  const value = (label: string, col: number) => spec.rows[rowOf(spec, new RegExp(`^${label}$`)) - 1].cells[col]?.value;

  it('reports exactly the figures of Analysis.capSummary', () => {
    expect(value('Items total', 2)).toBe(summary.total);
    expect(value('Completed', 2)).toBe(summary.completed);
    expect(value('Verified', 2)).toBe(summary.verified);
    expect(value('In progress', 2)).toBe(summary.inProgress);
    expect(value('Not started', 2)).toBe(summary.notStarted);
    expect(value('Overdue', 2)).toBe(summary.overdue);
    expect(value('Due in the next 30 days', 2)).toBe(summary.dueNext30Days);
  });

  it('gives percent complete and verified as numbers and as printable bars', () => {
    const completed = spec.rows[rowOf(spec, /^Completed$/) - 1].cells;
    expect(completed[3]).toEqual(expect.objectContaining({ type: 'percent', value: 0.25 }));
    expect(completed[4]?.value).toBe('███░░░░░░░ 25%');
    expect(value('Verified', 3)).toBe(0.125);
    expect(findCell(spec, /not the same as confirming it worked/).cell.type).toBe('text');
  });

  it('draws bars with full blocks and light shades', () => {
    expect(progressBar(0.6)).toBe('\u2588'.repeat(6) + '\u2591'.repeat(4) + ' 60%');
    expect(progressBar(0)).toBe('░░░░░░░░░░ 0%');
    expect(progressBar(1)).toBe('██████████ 100%');
    expect(progressBar(Number.NaN)).toBe('░░░░░░░░░░ 0%');
  });
});

describe('buildProgressSheet: by CAP element', () => {
  it('normalizes element words, classifies items without one, and counts per element', () => {
    expect(elementOf(makeEntry({ element: 'Security awareness training' }))).toBe('Training');
    expect(elementOf(makeEntry({ element: 'Facilities' }))).toBe('Other');
    expect(elementOf(makeEntry({ action: 'Sign BAA with billing company' }))).toBe('Business associate agreements');
    expect(elementOf(makeEntry({ risk: 'No enterprise-wide risk analysis' }))).toBe('Risk analysis');
    expect(elementOf(makeEntry({ risk: 'Zebra', action: 'Things' }))).toBe('Unassigned');
    expect(elementOf(makeEntry({ action: 'Set screen lock by group policy' }))).toBe('Unassigned');
    expect(elementOf(makeEntry({ action: 'Enable MFA by group policy' }))).toBe('Technical safeguards');
    expect(elementOf(makeEntry({ action: 'Revise the sanctions policy' }))).toBe('Policies and procedures');
    expect(elementOf(makeEntry({ action: 'Enforce strong password policy + enable MFA' }))).toBe('Unassigned');
    expect(elementOf(makeEntry({ risk: 'Staff not trained', action: 'Run annual training' }))).toBe('Training');

    const heading = rowOf(spec, 'Progress by CAP element');
    const row = (name: string) => {
      const hit = findCells(spec, new RegExp(`^${name}$`)).find((h) => h.row > heading);
      return hit ? rowValues(spec, hit.row) : null;
    };
    expect(row('Training')?.slice(0, 7)).toEqual(['Training', '', '1', '0', '0', '0', '0']);
    expect(row('Technical safeguards')?.slice(0, 7)).toEqual(['Technical safeguards', '', '1', '1', '1', '0', '1']);
    expect(row('Business associate agreements')?.[2]).toBe('1');
    expect(row('Other')?.[2]).toBe('1');
    expect(row('Unassigned')?.[2]).toBe('4');
    expect(row('Risk analysis')?.[6]).toBe('No items');
  });
});

describe('buildProgressSheet: calendar', () => {
  it('lists the risk analysis, the HHS review loop, the implementation report, the annual and final reports and the end of the term', () => {
    // Changed on purpose (issue 17): the calendar follows resolution agreements, so the implementation
    // report runs from HHS's approval (projected while no approval date is entered).
    const ra = spec.rows[rowOf(spec, /^Risk analysis submitted to HHS$/) - 1].cells;
    expect(ra[5]).toEqual(expect.objectContaining({ type: 'date', value: '2026-04-15' }));
    expect(String(ra[6]?.value)).toMatch(/confirm it was submitted/);
    expect(ra[9]?.value).toBe('90 days after the effective date');
    const impl = spec.rows[rowOf(spec, /^Implementation report \(projected/) - 1].cells;
    expect(impl[5]).toEqual(expect.objectContaining({ type: 'date', value: '2026-10-12' }));
    expect(impl[6]?.style).toBe('vague');
    const p1 = spec.rows[rowOf(spec, /^Annual report for period 1/) - 1].cells;
    expect(p1[3]?.value).toBe('2026-01-15 to 2027-01-15');
    expect(p1[5]?.value).toBe('2027-03-16');
    expect(p1[6]?.value).toBe('Period not ended');
    expect(findCell(spec, /^Final report \(period 2, after the term\)$/).cell.type).toBe('text');
    expect(findCell(spec, /^End of the 2-year term$/).cell.type).toBe('text');
    expect(findCell(spec, /^Reportable events: tell HHS within 30 days/).cell.style).toBe('note');
  });

  it('indexes completed items with a "retain until" date six years on', () => {
    const c6 = spec.rows[rowOf(spec, /^Finding C-6$/) - 1].cells;
    expect(c6[12]).toEqual(expect.objectContaining({ type: 'date', value: '2032-09-01' }));
  });
});

describe('buildProgressSheet: follow-up lists', () => {
  it('lists overdue items, most overdue first, with days overdue', () => {
    expect(listed(spec, /^Overdue \(2\)$/)).toEqual(['C-2', 'C-1']);
    expect(rowValues(spec, rowOf(spec, /^Finding C-2$/))[6]).toBe('40 days overdue');
  });

  it('lists items due in the next 30, 31-60 and 61-90 days', () => {
    expect(listed(spec, /^Due in the next 30 days \(1\)$/)).toEqual(['C-3']);
    expect(listed(spec, /^Due in 31 to 60 days \(1\)$/)).toEqual(['C-4']);
    expect(listed(spec, /^Due in 61 to 90 days \(1\)$/)).toEqual(['C-5']);
    expect(listed(spec, /^Due later than 90 days \(0\)$/)).toEqual([]);
    expect(listed(spec, /^Open with no usable due date \(1\)$/)).toEqual(['C-8']);
  });

  it('lists completed-but-not-verified, missing evidence, missing root cause and recurring findings', () => {
    expect(listed(spec, /^Completed but not verified \(1\)$/)).toEqual(['C-7']);
    expect(listed(spec, /^Completed without evidence \(1\)$/)).toEqual(['C-7']);
    expect(listed(spec, /^No root cause recorded \(1\)$/)).toEqual(['C-5']);
    expect(listed(spec, /^Recurring findings.*\(2\)$/)).toEqual(['C-7', 'C-8']);
    const c7 = findCells(spec, /^Finding C-7$/).map((h) => rowValues(spec, h.row));
    expect(c7[0]).toEqual(expect.arrayContaining(['MISSING: record the evidence', 'NOT VERIFIED']));
  });

  it('indexes each completed item with its evidence, who verified it and when', () => {
    expect(listed(spec, /^Evidence index.*\(2\)$/)).toEqual(['C-6', 'C-7']);
    const c6 = spec.rows[rowOf(spec, /^Finding C-6$/) - 1].cells;
    expect(c6[8]).toEqual(expect.objectContaining({ type: 'date', value: '2026-09-01' }));
    expect(c6[9]?.value).toBe('MFA-config.pdf');
    expect(c6[10]?.value).toBe('Pat');
    expect(c6[11]).toEqual(expect.objectContaining({ type: 'date', value: '2026-09-15' }));
  });

  it('marks a missing owner and date on an open item', () => {
    const c8 = rowValues(spec, rowOf(spec, /^Zebra$/));
    expect(c8).toEqual(expect.arrayContaining(['MISSING: assign an owner', 'MISSING: set a target date']));
    expect(findCells(spec, /^None\.$/).length).toBe(1); // only "Due later than 90 days" is empty
    expect(findCell(build(makeAnalysis()), /^None\.$/).cell.type).toBe('text');
  });
});

describe('buildProgressSheet: print and safety rules', () => {
  it('prints landscape at one page wide with the item table header repeated and the footer', () => {
    const header = rowOf(spec, /^Corrective action$/);
    expect(rowValues(spec, header)[0]).toBe('Item ID');
    expect(spec.print).toEqual({
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { first: header, last: header },
      area: `A1:M${spec.rows.length}`,
      footer: { left: 'Smith && Jones', center: 'Page &P of &N', right: 'Generated 2026-11-23' },
    });
    const total = spec.columns.reduce((n, c) => n + c.width, 0);
    expect(total).toBeGreaterThanOrEqual(160);
    expect(total).toBeLessThanOrEqual(190);
  });

  it('carries our marker, leaves column Z empty, writes text as text and dates as ISO dates', () => {
    expect(spec.marker).toBe(`${MARKER_PREFIX}progress;v1;${AS_OF}`);
    for (const { col, cell } of allCells(spec)) {
      expect(col).toBeLessThan(MARKER_CELL.col);
      if (cell.type === 'date') expect(cell.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (cell.style) expect(spec.styles[cell.style]).toBeDefined();
    }
    const s = build(makeAnalysis({ capItems: [item('=1+1', { entry: { risk: '-2+3', action: '=cmd|calc' } })] }));
    expect(findCell(s, '=cmd|calc').cell.type).toBe('text');
    expect(findCell(s, '-2+3').cell.type).toBe('text');
  });
});
