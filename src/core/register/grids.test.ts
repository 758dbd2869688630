/**
 * Hand-made grids for layouts that are easier to state as plain data than to build in ExcelJS.
 */
import { makeGrid as grid, type CellValue } from '../grid';
import { readWorkbookNow } from '../../../test/support/pipeline';
import { fixtureGrids } from '../../../test/fixtures/read';

describe('hand-made layouts', () => {
  it('a table whose header row says Column1.. takes its labels from the row above', () => {
    const g = grid(
      'Risks',
      [
        ['HIPAA risk register', null, null, null, null],
        ['Risk', 'Likelihood', 'Impact', 'Owner', 'Status'],
        ['Column1', 'Column2', 'Column3', 'Column4', 'Column5'],
        ['Phishing of clinician mailbox', 'High', 'High', 'IT Vendor', 'Open'],
        ['Stolen laptop', 'Medium', 'High', 'Practice Manager', 'WIP'],
      ],
      {
        tables: [
          {
            name: 'T',
            range: { top: 2, left: 0, bottom: 4, right: 4 },
            hasHeaderRow: true,
            columnNames: ['Column1', 'Column2', 'Column3', 'Column4', 'Column5'],
          },
        ],
      },
    );
    const t = readWorkbookNow([g]).register!;
    expect(t.headerRow).toBe(3);
    expect(t.firstRow).toBe(4);
    expect(t.entries.map((e) => e.risk)).toEqual(['Phishing of clinician mailbox', 'Stolen laptop']);
    expect(t.columns.owner!.letter).toBe('D');
  });

  it('a matrix below the register, after blank rows, is reported and not read as risks', () => {
    const g = grid('Risk register', [
      ['Risk ID', 'Asset', 'Risk Description', 'Likelihood', 'Impact'],
      ['R1', 'EHR', 'Shared EHR login', 4, 4],
      ['R2', 'Laptops', 'Unencrypted laptops', 3, 5],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
      [null, 'Risk Matrix', null, null, null],
      [null, 'Impact / Likelihood', 1, 2, 3],
      [null, '3 (High)', 'Low', 'High', 'High'],
    ]);
    const r = readWorkbookNow([g]);
    expect(r.register!.entries).toHaveLength(2);
    expect(r.register!.lastRow).toBe(3);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ cell: 'B7', severity: 'info' });
    expect(r.issues[0].message).toMatch(/^Rows 7-9 below the register/);
  });

  it('more risks after a gap of blank rows are still read when they look like risks', () => {
    const g = grid('Risk register', [
      ['Risk ID', 'Risk Description', 'Likelihood', 'Impact'],
      ['R1', 'Shared EHR login', 4, 4],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      ['R2', 'Unencrypted laptops', 3, 5],
    ]);
    expect(readWorkbookNow([g]).register!.entries.map((e) => e.row)).toEqual([2, 6]);
  });

  it('a row with text only outside the mapped roles yields an issue naming its cell', () => {
    const g = grid('Risk register', [
      ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Comments'],
      ['R1', 'Shared EHR login', 4, 4, null],
      [null, null, null, null, 'Reviewed by committee 2026-01-10'],
      ['R9', null, null, null, null],
    ]);
    const r = readWorkbookNow([g]);
    expect(r.register!.entries).toHaveLength(1);
    expect(r.issues.map((i) => i.cell)).toEqual(['E3', 'A4']);
    expect(r.issues[1].message).toMatch(/only an ID \("R9"\)/);
  });

  it('a grid whose used range starts at C5 keeps absolute addresses', () => {
    const g = grid(
      'Risks',
      [
        ['Finding', 'Corrective Action', 'Due Date', 'Status'],
        ['No risk analysis', 'Conduct risk analysis', 46080, 'Open'],
        ['No BAA with billing vendor', 'Sign BAA', '03/04/2026', 'Closed'],
      ],
      { top: 4, left: 2 },
    );
    const r = readWorkbookNow([g]);
    const cap = r.caps[0];
    expect(cap.headerRow).toBe(5);
    expect(cap.columns.action!.letter).toBe('D');
    expect(cap.entries[0].cells.dueDate).toBe('E6');
    expect(cap.entries[0].dueDate!.iso).toBe('2026-02-27');
    expect(r.issues.map((i) => i.cell)).toEqual(['E7']);
  });

  it('a workbook with a register and a separate CAP sheet yields both', async () => {
    const reg = await fixtureGrids('multiSheetWorkbook');
    const cap = await fixtureGrids('ocrCapTracker');
    const r = readWorkbookNow([...reg, ...cap.map((g) => ({ ...g, index: reg.length + g.index }))]);
    expect(r.register!.sheet).toBe('Risk Register');
    expect(r.caps.map((c) => c.sheet)).toEqual(['Corrective Action Plan']);
  });

  it('NIST SP 800-30 Table I-5 style: "Risk" holding ratings is the level; "Recommended Safeguard" is the action', () => {
    const g = grid('SRA', [
      ['Threat Event', 'Vulnerabilities', 'Overall Likelihood', 'Level of Impact', 'Risk', 'Recommended Safeguard', 'HIPAA Standard'],
      ['Phishing of staff mailbox', 'No MFA', 'High', 'High', 'High', 'Enable MFA', '164.312(d)'],
      ['Ransomware', 'Flat network', 'Moderate', 'Very High', 'Moderate', 'Segment network', '164.308(a)(7)'],
    ]);
    const t = readWorkbookNow([g]).register!;
    const letters = Object.fromEntries(Object.entries(t.columns).map(([k, v]) => [k, v!.letter]));
    expect(letters).toEqual({ threat: 'A', vulnerability: 'B', likelihood: 'C', impact: 'D', level: 'E', action: 'F', category: 'G' });
    expect(t.ambiguities.join(' ')).toMatch(/Column E \("Risk"\) .*its values are ratings/);
    expect(t.entries[1].statedLevel).toMatchObject({ ordinal: 2, steps: 3, label: 'Medium' });
    expect(t.entries[1].impact).toMatchObject({ ordinal: 5, steps: 5 });
  });

  it('a hidden copy of the register loses to the visible one', () => {
    const rows: CellValue[][] = [
      ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Owner'],
      ['R1', 'Shared EHR login', 4, 4, 'Practice Manager'],
    ];
    const hidden = grid('Risk Register', rows, { visibility: 'hidden' });
    const visible = grid('Risk Register (2)', rows, { index: 1 });
    const r = readWorkbookNow([hidden, visible]);
    expect(r.register!.sheet).toBe('Risk Register (2)');
    expect(r.candidates.find((c) => c.sheet === 'Risk Register')!.reason).toMatch(/hidden/);
  });

  it('never throws on junk, and says why a sheet was skipped', () => {
    const junk = grid(
      'Junk',
      [
        [NaN as unknown as CellValue, Infinity as unknown as CellValue],
        [true, '#REF!'],
      ],
      { merges: [{ top: 0, left: 0, bottom: 99999, right: 500 }] },
    );
    const r = readWorkbookNow([junk]);
    expect(r.candidates[0]).toMatchObject({ sheet: 'Junk', kind: 'other' });
    expect(r.issues[0].severity).toBe('error');
  });
});
