import { buildPlanSheetSliced, DEFAULT_APPROACH, PLAN_SHEET_NAME } from './plan';
import { allCells, dateValue, findCell, findCells, makeAnalysis, makeRead, makeScored, makeSettings, rowValues } from './testing';
import { MARKER_CELL, MARKER_PREFIX } from '../grid';
import { planSnapshotSchema } from '../settings';
import type { Analysis, ScoredEntry } from '../model';
import type { Settings } from '../settings';
import type { SheetSpec } from '../sheetSpec';
import { finish } from '../slices';

const AS_OF = '2026-11-23';

function build(analysis: Analysis, settings: Settings = makeSettings()) {
  return finish(buildPlanSheetSliced({ analysis, read: makeRead(), settings, asOf: AS_OF }));
}

const fullSettings = makeSettings({
  practiceName: 'Smith & Jones Family Practice',
  preparedBy: 'Dana Lee, Office Manager',
  approvedBy: 'Dr. Pat Smith, Owner',
  riskAnalysisDate: '2026-10-01',
  riskAnalysisBy: 'Dana Lee',
  planVersion: 2,
});

function risk(id: string, patch: Parameters<typeof makeScored>[0] = {}): ScoredEntry {
  return makeScored({
    ...patch,
    entry: { id, risk: `Risk ${id}`, action: `Do ${id}`, owner: 'Dana', dueDate: dateValue('2026-12-31'), status: 'Open', ...patch.entry },
  });
}

/** Row number of the first cell containing the text. */
function rowOf(spec: SheetSpec, text: string | RegExp): number {
  return findCell(spec, text).row;
}

describe('buildPlanSheet: header, standard and approach', () => {
  const { spec } = build(makeAnalysis({ risks: [risk('R-1')] }), fullSettings);

  it('names the practice, the document, the next version and the date generated', () => {
    expect(spec.name).toBe(PLAN_SHEET_NAME);
    expect(findCell(spec, 'Smith & Jones Family Practice').cell.type).toBe('text');
    expect(findCell(spec, /^Risk Management Plan$/).row).toBe(1);
    const versionRow = rowOf(spec, 'Plan version');
    expect(spec.rows[versionRow - 1].cells[2]).toEqual(expect.objectContaining({ type: 'number', value: 3 }));
    const dateRow = rowOf(spec, 'Date generated');
    expect(spec.rows[dateRow - 1].cells[2]).toEqual(expect.objectContaining({ type: 'date', value: AS_OF }));
  });

  it('references the risk analysis by date and by who conducted it', () => {
    const row = rowOf(spec, 'Risk analysis date');
    expect(spec.rows[row - 1].cells[2]).toEqual(expect.objectContaining({ type: 'date', value: '2026-10-01' }));
    const by = rowOf(spec, 'Risk analysis conducted by');
    expect(spec.rows[by - 1].cells[2]?.value).toBe('Dana Lee');
  });

  it('states the standard with its citations and a default approach that says it is the default', () => {
    const standard = String(findCell(spec, 'reasonable and appropriate level').cell.value);
    expect(standard).toContain('45 CFR 164.308(a)(1)(ii)(B)');
    expect(standard).toContain('45 CFR 164.306(b)(2)');
    expect(findCell(spec, DEFAULT_APPROACH).cell.value).toMatch(/default wording/);
  });

  it("uses the practice's own approach when set", () => {
    const own = build(makeAnalysis(), makeSettings({ approach: 'We fix the highest risks first.' })).spec;
    expect(findCell(own, 'We fix the highest risks first.').cell.value).toBe('Approach: We fix the highest risks first.');
    expect(findCells(own, 'default wording')).toHaveLength(0);
  });

  it('sets the next review date 12 months out by default, or to the saved date', () => {
    const row = rowOf(spec, 'Next review date');
    expect(spec.rows[row - 1].cells[2]).toEqual(expect.objectContaining({ type: 'date', value: '2027-11-23' }));
    expect(rowValues(spec, row).join(' ')).toMatch(/at least annually/);
    const saved = build(makeAnalysis(), makeSettings({ nextReviewDate: '2027-06-01' })).spec;
    const r2 = rowOf(saved, 'Next review date');
    expect(saved.rows[r2 - 1].cells[2]?.value).toBe('2027-06-01');
  });
});

describe('buildPlanSheet: missing values are shown, never blank', () => {
  const owner = risk('R-1', { entry: { owner: null, ownerText: 'TBD', dueDate: null } });
  const relative = risk('R-2', { entry: { owner: null, ownerText: null, dueDate: dateValue('Q3 2026') }, priority: 2 });
  const { spec } = build(makeAnalysis({ risks: [owner, relative] }));

  it('marks missing settings in the header and sign-off', () => {
    for (const text of [
      'MISSING: practice name',
      'MISSING: risk analysis date',
      'MISSING: who conducted the risk analysis',
      'MISSING: prepared by',
      'MISSING: approved by',
    ]) {
      const hit = findCell(spec, text);
      expect(spec.styles[hit.cell.style ?? '']).toEqual(expect.objectContaining({ bold: true, color: '#9C0006', fill: '#FFC7CE' }));
    }
    expect(spec.print.footer.left).toBe('MISSING: practice name');
  });

  it('marks a missing owner, a placeholder owner, a missing date and a relative timescale in bold', () => {
    const r1 = rowValues(spec, rowOf(spec, /^Risk R-1$/));
    expect(r1).toContain('MISSING: assign an owner (the sheet says "TBD")');
    expect(r1).toContain('MISSING: set a target date');
    const r2 = rowValues(spec, rowOf(spec, /^Risk R-2$/));
    expect(r2).toContain('MISSING: assign an owner');
    expect(r2).toContain('NOT A DATE: Q3 2026');
    const style = spec.styles[findCell(spec, 'NOT A DATE: Q3 2026').cell.style ?? ''];
    expect(style.bold).toBe(true);
  });

  it('prefixes a vague action with VAGUE and styles it amber, and lists the flags in words', () => {
    const vague = risk('R-3', { entry: { action: 'Improve security' }, flags: ['vague-action', 'overdue'] });
    const s = build(makeAnalysis({ risks: [vague] })).spec;
    const hit = findCell(s, 'VAGUE: Improve security');
    expect(s.styles[hit.cell.style ?? ''].fill).toBe('#FFEB9C');
    expect(rowValues(s, hit.row)).toContain('Vague action; Overdue');
  });
});

describe('buildPlanSheet: risks by priority and tier', () => {
  const budget = risk('R-B', { tier: 'Budget decisions', priority: 1, level: 'Very High', score: 25 });
  const week = risk('R-W', { tier: 'This week', priority: 3, level: 'High', residualLevel: 'Low' });
  const week2 = risk('R-W2', { tier: 'This week', priority: 2 });
  const vendor = risk('R-V', { tier: 'Vendor conversations', priority: 4 });
  const unclassified = risk('R-U', { tier: 'Unclassified', priority: 5, level: null, score: null });
  const closed = risk('R-C', { open: false, priority: 6, entry: { status: 'Complete', statusText: 'Done', owner: null, dueDate: null } });
  const accepted = risk('R-A', { open: false, priority: 7, entry: { status: 'Accepted', justification: 'Cost exceeds benefit' } });
  const { spec } = build(makeAnalysis({ risks: [closed, vendor, budget, week, unclassified, accepted, week2] }), fullSettings);

  it('has the risk table header with every column, frozen and repeated on each printed page', () => {
    const header = rowOf(spec, 'Responsible party');
    expect(rowValues(spec, header)).toEqual([
      'Rank',
      'Risk ID',
      'Risk',
      'Level (target)',
      'Score',
      'Action',
      'Responsible party',
      'Target date',
      'Status',
      'Tier',
      'Flags',
    ]);
    expect(spec.freezeRows).toBe(header);
    expect(spec.print.titleRows).toEqual({ first: header, last: header });
  });

  it('groups open risks under tier headings in tier order, highest priority first inside a tier', () => {
    const order = [
      'This week (2 risks)',
      'Vendor conversations (1 risk)',
      'Budget decisions (1 risk)',
      'Unclassified (1 risk)',
      'Closed and accepted risks (2)',
    ].map((t) => rowOf(spec, t));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(rowOf(spec, /^Risk R-W2$/)).toBeGreaterThan(order[0]);
    expect(rowOf(spec, /^Risk R-W2$/)).toBeLessThan(rowOf(spec, /^Risk R-W$/));
    expect(rowOf(spec, /^Risk R-W$/)).toBeLessThan(order[1]);
    expect(rowOf(spec, /^Risk R-B$/)).toBeGreaterThan(order[2]);
    expect(rowOf(spec, /^Risk R-B$/)).toBeLessThan(order[3]);
  });

  it('ranks open risks by priority and writes level, target, score, action, owner, date, status, tier', () => {
    expect(rowValues(spec, rowOf(spec, /^Risk R-B$/))).toEqual([
      '1',
      'R-B',
      'Risk R-B',
      'Very High',
      '25',
      'Do R-B',
      'Dana',
      '2026-12-31',
      'Open',
      'Budget decisions',
      '',
    ]);
    const w = spec.rows[rowOf(spec, /^Risk R-W$/) - 1].cells;
    expect(w[0]?.value).toBe(3);
    expect(w[3]?.value).toBe('High (target: Low)');
    expect(w[7]).toEqual(expect.objectContaining({ type: 'date', value: '2026-12-31' }));
    expect(rowValues(spec, rowOf(spec, /^Risk R-U$/))[3]).toBe('NOT RATED: add likelihood and impact');
  });

  it('lists closed and accepted risks apart, without demanding an owner or date, with the justification', () => {
    const heading = rowOf(spec, 'Closed and accepted risks (2)');
    const c = rowOf(spec, /^Risk R-C$/);
    expect(c).toBeGreaterThan(heading);
    expect(rowValues(spec, c)).toEqual(expect.arrayContaining(['Done', 'Not recorded']));
    expect(rowValues(spec, c).join('|')).not.toMatch(/MISSING/);
    expect(rowValues(spec, c)[0]).toBe('');
    expect(rowValues(spec, rowOf(spec, /^Risk R-A$/))[5]).toBe('Do R-A\nJustification: Cost exceeds benefit');
  });

  it('sizes rows of merged wrapped text itself and leaves table rows to the host autofit', () => {
    const long = risk('R-L', { entry: { risk: 'x '.repeat(100) } });
    const s = build(makeAnalysis({ risks: [long] })).spec;
    expect(s.rows[findCell(s, /^x x x/).row - 1].height).toBeUndefined();
    expect(s.rows[findCell(s, /^Standard: /).row - 1].height).toBeGreaterThanOrEqual(30);
    expect(s.rows[rowOf(s, /^Date generated$/) - 1].height).toBeUndefined();
  });

  it('describes a risk without risk text by its threat, vulnerability and asset', () => {
    const r = risk('R-T', { entry: { risk: null, threat: 'Ransomware', vulnerability: 'No offline backup', asset: 'EHR server' } });
    const s = build(makeAnalysis({ risks: [r] })).spec;
    expect(findCells(s, 'Threat: Ransomware; Vulnerability: No offline backup; Asset: EHR server')).toHaveLength(1);
  });
});

describe('buildPlanSheet: summary', () => {
  it('counts open risks by level, gaps by kind in words, overdue, and names the matrix', () => {
    const risks = [
      risk('A', { level: 'High', overdue: true, flags: ['overdue', 'missing-owner'] }),
      risk('B', { level: 'High', flags: ['missing-owner'] }),
      risk('C', { level: 'Low' }),
      risk('D', { open: false, level: 'Very High' }),
    ];
    const { spec } = build(makeAnalysis({ risks }));
    const count = (label: string) => {
      const hits = findCells(spec, new RegExp(`^${label}$`)).filter((h) => h.row > rowOf(spec, /^Summary$/));
      return spec.rows[hits[0].row - 1].cells[3]?.value;
    };
    expect(count('High')).toBe(2);
    expect(count('Low')).toBe(1);
    expect(count('Very High')).toBe(0);
    expect(count('Total open risks')).toBe(3);
    expect(count('Closed or accepted risks')).toBe(1);
    expect(count('Overdue open risks')).toBe(1);
    expect(count('No responsible party')).toBe(2);
    expect(count('Overdue')).toBe(1);
    expect(findCell(spec, 'NIST SP 800-30 5x5: the sheet rates 1-5').cell.type).toBe('text');
  });
});

describe('buildPlanSheet: changes since the last plan', () => {
  it('says in words that this is the first plan when there is no snapshot', () => {
    const { spec, snapshot } = build(makeAnalysis({ risks: [risk('R-1')] }));
    expect(findCell(spec, /first plan generated for this workbook/).cell.type).toBe('text');
    expect(snapshot).toEqual({
      generatedOn: AS_OF,
      version: 1,
      risks: [{ key: 'id:r-1', id: 'R-1', risk: 'Risk R-1', owner: 'Dana', dueDate: '2026-12-31', status: 'Open', level: 'Medium' }],
    });
    expect(planSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('lists closed, new, removed risks and changed dates and owners against the snapshot', () => {
    const first = build(
      makeAnalysis({
        risks: [
          risk('R-1'),
          risk('R-2'),
          risk('R-3'),
          risk('R-4'),
          makeScored({ entry: { risk: 'Laptops  are not encrypted!', owner: 'IT' } }),
        ],
      }),
    ).snapshot;
    const settings = makeSettings({ snapshot: first, planVersion: 1 });
    const now = makeAnalysis({
      risks: [
        risk('R-1', { open: false, entry: { status: 'Mitigated' } }),
        risk('R-2', { entry: { dueDate: dateValue('2027-03-31') } }),
        risk('R-3', { entry: { owner: 'Pat' } }),
        risk('R-5'),
        makeScored({ entry: { risk: 'laptops are not encrypted', owner: 'IT' } }),
      ],
    });
    const { spec, snapshot } = build(now, settings);
    expect(snapshot.version).toBe(2);
    const heading = rowOf(spec, 'Changes since the last plan (version 1, generated 2026-11-23)');
    const changeRow = (label: string, riskText: string) =>
      findCells(spec, label).find((h) => h.row > heading && rowValues(spec, h.row).includes(riskText));
    expect(rowValues(spec, changeRow('Risk closed', 'R-1: Risk R-1')!.row)).toEqual([
      'Risk closed',
      '',
      'R-1: Risk R-1',
      'Open',
      '',
      'Mitigated',
    ]);
    expect(rowValues(spec, changeRow('Target date changed', 'R-2: Risk R-2')!.row)).toEqual([
      'Target date changed',
      '',
      'R-2: Risk R-2',
      '2026-12-31',
      '',
      '2027-03-31',
    ]);
    expect(rowValues(spec, changeRow('Responsible party changed', 'R-3: Risk R-3')!.row)).toEqual([
      'Responsible party changed',
      '',
      'R-3: Risk R-3',
      'Dana',
      '',
      'Pat',
    ]);
    expect(changeRow('New risk', 'R-5: Risk R-5')).toBeDefined();
    expect(changeRow('Risk no longer in the register', 'R-4: Risk R-4')).toBeDefined();
    // Matched by normalized text: no change reported for the laptop risk.
    expect(findCells(spec, /laptops are not encrypted/i).filter((h) => h.row > heading)).toHaveLength(0);
  });

  it('says there are no changes when nothing changed', () => {
    const first = build(makeAnalysis({ risks: [risk('R-1')] })).snapshot;
    const { spec } = build(makeAnalysis({ risks: [risk('R-1')] }), makeSettings({ snapshot: first }));
    expect(findCell(spec, /^No changes since the last plan/).cell.type).toBe('text');
  });
});

describe('buildPlanSheet: sign-off', () => {
  it('has prepared and approved lines with signature and date, and no countersignature without a consultant', () => {
    const { spec } = build(makeAnalysis(), fullSettings);
    const prepared = rowValues(spec, rowOf(spec, /^Prepared by$/));
    expect(prepared).toEqual(expect.arrayContaining(['Dana Lee, Office Manager', 'Signature', 'Date']));
    const approved = rowValues(spec, rowOf(spec, /^Approved by/));
    expect(approved[0]).toMatch(/practice owner or privacy\/security officer/);
    expect(approved).toContain('Dr. Pat Smith, Owner');
    expect(findCells(spec, 'Reviewed and approved within the practice')).toHaveLength(0);
  });

  it('adds a countersignature line inside the practice when a consultant prepared the plan', () => {
    const { spec } = build(makeAnalysis(), makeSettings({ ...fullSettings, consultant: 'Acme Compliance LLC' }));
    const line = rowOf(spec, 'Reviewed and approved within the practice');
    expect(rowValues(spec, line)).toEqual(expect.arrayContaining(['Signature', 'Date']));
    expect(findCell(spec, 'Acme Compliance LLC').cell.value).toMatch(/accountability cannot be outsourced/);
    expect(line).toBeGreaterThan(rowOf(spec, /^Approved by/));
  });
});

describe('buildPlanSheet: print and safety rules', () => {
  const injected = risk('R-9', { entry: { risk: '=HYPERLINK("http://x")', owner: '+1 555', action: '@SUM(A1)' } });
  const { spec } = build(makeAnalysis({ risks: [injected] }), fullSettings);

  it('prints landscape, one page wide, with the whole sheet as print area and the standard footer', () => {
    expect(spec.print.orientation).toBe('landscape');
    expect(spec.print.fitToWidth).toBe(true);
    expect(spec.print.area).toBe(`A1:K${spec.rows.length}`);
    expect(spec.print.footer).toEqual({ left: 'Smith && Jones Family Practice', center: 'Page &P of &N', right: 'Generated 2026-11-23' });
    const total = spec.columns.reduce((n, c) => n + c.width, 0);
    expect(total).toBeGreaterThanOrEqual(160);
    expect(total).toBeLessThanOrEqual(190);
  });

  it('carries our marker and leaves column Z empty', () => {
    expect(spec.marker).toBe(`${MARKER_PREFIX}plan;v1;${AS_OF}`);
    expect(allCells(spec).every((c) => c.col < MARKER_CELL.col)).toBe(true);
    expect(spec.columns.length).toBeLessThan(MARKER_CELL.col);
    expect(spec.merges.every((m) => !/Z\d/.test(m))).toBe(true);
  });

  it('writes user text as text cells, dates as ISO date cells, and only uses defined styles', () => {
    expect(findCell(spec, '=HYPERLINK').cell.type).toBe('text');
    expect(findCell(spec, '+1 555').cell.type).toBe('text');
    expect(findCell(spec, '@SUM(A1)').cell.type).toBe('text');
    for (const { cell } of allCells(spec)) {
      if (cell.type === 'date') expect(cell.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (cell.style) expect(spec.styles[cell.style]).toBeDefined();
    }
  });

  it('merges are well formed and inside the report width', () => {
    for (const m of spec.merges) expect(m).toMatch(/^[A-K]\d+:[A-K]\d+$/);
  });
});
