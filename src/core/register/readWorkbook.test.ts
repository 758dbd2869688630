/**
 * The reader on every fixture workbook, through real .xlsx bytes (ExcelJS -> openXlsx -> readGrids).
 */
import { EXPECTED, type ExpectedTable } from '../../../test/fixtures/expected';
import { fixtureGrids, gridsOf } from '../../../test/fixtures/read';
import { FIXTURES, titleRowsRegister } from '../../../test/fixtures/workbooks';
import type { SheetGrid } from '../grid';
import { MARKER_PREFIX } from '../grid';
import type { TableRead, WorkbookRead } from '../model';
import { readWorkbookNow } from '../../../test/support/pipeline';

const cache = new Map<string, SheetGrid[]>();
async function grids(name: string): Promise<SheetGrid[]> {
  if (!cache.has(name)) cache.set(name, await fixtureGrids(name));
  return structuredClone(cache.get(name)!);
}
async function read(name: string): Promise<WorkbookRead> {
  return readWorkbookNow(await grids(name));
}

function mappingOf(t: TableRead): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, m] of Object.entries(t.columns)) if (m) out[role] = m.letter;
  return out;
}

function expectTable(actual: TableRead | null | undefined, expected: ExpectedTable): void {
  expect(actual).toBeTruthy();
  const t = actual!;
  expect({
    sheet: t.sheet,
    headerRow: t.headerRow,
    headerRows: t.headerRows,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
    entries: t.entries.length,
    columns: mappingOf(t),
  }).toEqual(expected);
}

describe('every fixture reads as expected.ts says', () => {
  it('expected.ts covers every fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.keys(FIXTURES))('%s', async (name) => {
    const r = await read(name);
    const exp = EXPECTED[name];
    if (exp.register) expectTable(r.register, exp.register);
    else expect(r.register).toBeNull();
    expect(r.caps.map((c) => c.sheet)).toEqual(exp.caps.map((c) => c.sheet));
    exp.caps.forEach((c, k) => expectTable(r.caps[k], c));
    // Every sheet is listed as a candidate with a reason.
    expect(r.candidates.map((c) => c.sheet).sort()).toEqual((await grids(name)).map((g) => g.name).sort());
    for (const c of r.candidates) expect(c.reason.length).toBeGreaterThan(5);
  });
});

describe('layouts', () => {
  it('title rows and the document-control block are skipped; the reason explains the pick', async () => {
    const r = await read('titleRowsRegister');
    expect(r.register!.reason).toMatch(/header on row 6/);
    expect(r.register!.entries[0]).toMatchObject({ row: 7, id: 'R-001', risk: expect.stringContaining('Shared login') });
    expect(r.register!.entries[0].likelihood).toMatchObject({ ordinal: 4, steps: 5 });
    expect(r.register!.entries[0].cells.likelihood).toBe('E7');
    expect(r.register!.entries[0].statedScore).toMatchObject({ value: 16 });
    expect(r.register!.entries[0].cells.score).toBe('G7');
    expect(r.register!.entries[0].dueDate).toMatchObject({ iso: '2026-02-15', kind: 'date' });
    expect(r.register!.scales.likelihood).toMatchObject({ steps: 5, reason: expect.stringContaining('1-5') });
    const tbd = r.register!.entries[3];
    expect(tbd.owner).toBeNull();
    expect(tbd.ownerText).toBe('TBD');
    expect(tbd.cells.owner).toBe('J10');
  });

  it('two-row header: residual group, field labels in the header text', async () => {
    const t = (await read('twoRowHeaderRegister')).register!;
    expect(t.columns.residualLikelihood!.header).toBe('Residual Risk (target) / Likelihood');
    const e = t.entries[0];
    expect(e.likelihood).toMatchObject({ ordinal: 3, steps: 3, label: 'High' });
    expect(e.residualLikelihood).toMatchObject({ ordinal: 1, label: 'Low' });
    expect(e.residualLevel).toMatchObject({ ordinal: 1 });
  });

  it('a table with generic column names takes its labels from the rows it holds', async () => {
    const t = (await read('tableWithGenericNames')).register!;
    expect(t.headers.some((h) => /Column\d/.test(h.text))).toBe(false);
    expect(t.columns.likelihood!.header).toBe('Threat / Probability');
    expect(t.entries[5].status).toBe('Complete');
  });

  it('a risk merged over several rows is one entry whose action text joins the rows', async () => {
    const t = (await read('mergedRiskBlocks')).register!;
    expect(t.entries.map((e) => [e.row, e.rowSpan])).toEqual([
      [2, 3],
      [5, 2],
      [7, 3],
      [10, 1],
    ]);
    expect(t.entries[0].action).toBe(
      'Enable MFA for all Microsoft 365 accounts\nTurn on external-sender warning banner\nQuarterly phishing simulation',
    );
    expect(t.entries[0].dueDate!.iso).toBe('2026-02-01');
    expect(t.entries[0].owner).toBe('IT Vendor (BrightPath IT)');
  });

  it('template rows of formulas are not risks but are reported once; #REF! and missing results are issues', async () => {
    const r = await read('formulaTemplateRows');
    const t = r.register!;
    expect(t.entries).toHaveLength(6);
    const msgs = r.issues.map((i) => `${i.cell} ${i.message}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^E8 Rows 8-200 hold only formulas/));
    expect(msgs).toContainEqual(expect.stringMatching(/^E6 .*#REF!/));
    expect(msgs).toContainEqual(expect.stringMatching(/^E4 .*no saved result/));
    expect(t.entries[4].statedScore).toBeNull();
    expect(t.entries[2].statedScore).toBeNull();
    expect(t.entries[0].statedScore!.value).toBe(20);
  });

  it('reference sheets lose to the register, each with a reason', async () => {
    const r = await read('multiSheetWorkbook');
    const byName = Object.fromEntries(r.candidates.map((c) => [c.sheet, c]));
    for (const s of ['README', 'Legend', 'Heat map', 'Dashboard', 'Asset register']) expect(byName[s].kind).toBe('other');
    expect(byName['Risk Register'].score).toBeGreaterThan(byName.Methodology.score * 3);
  });

  it('a grid with thousands of trailing empty rows stops at the last risk', async () => {
    const g = await grids('formattedToLastRow');
    expect(g[0].values.length).toBeGreaterThan(3000);
    const r = readWorkbookNow(g);
    expect(r.register!.lastRow).toBe(6);
    // A stray space is blank, not a row to report.
    expect(r.issues).toEqual([]);
  });

  it('text levels, many date forms, placeholder owners and odd statuses', async () => {
    const r = await read('textLevelsAndDates');
    const e = r.register!.entries;
    expect(r.register!.scales.impact).toMatchObject({ steps: 5, form: 'text' });
    expect(e[0].impact).toMatchObject({ ordinal: 4, label: 'Major' });
    expect(e[1].statedLevel).toMatchObject({ ordinal: 4, steps: 4, label: 'Critical' });
    expect(e.map((x) => x.dueDate?.kind)).toEqual([
      'date',
      'date',
      'date',
      'date',
      'date',
      'ambiguous',
      'date',
      'relative',
      'relative',
      'relative',
    ]);
    expect(e.map((x) => x.dueDate?.iso ?? null).slice(0, 7)).toEqual([
      '2026-02-15',
      '2026-01-31',
      '2026-01-15',
      '2026-01-05',
      '2026-01-05',
      null,
      '2026-04-13',
    ]);
    expect(e.map((x) => x.owner === null)).toEqual([false, true, true, true, false, false, true, false, true, false]);
    expect(e.map((x) => x.status)).toEqual([
      'In Progress',
      'Open',
      'Complete',
      'Accepted',
      'In Progress',
      null,
      'Not Started',
      'Planned',
      'Deferred',
      'Complete',
    ]);
    const issueCells = r.issues.map((i) => i.cell).sort();
    expect(issueCells).toEqual(['H7', 'I7']);
  });

  it('an OCR CAP is a CAP, with verification kept apart from completion', async () => {
    const r = await read('ocrCapTracker');
    const e = r.caps[0].entries;
    expect(e[0]).toMatchObject({ element: 'Risk Analysis', status: 'Complete', verifiedBy: 'Compliance Committee' });
    expect(e[0].completedDate!.iso).toBe('2025-12-18');
    expect(e[0].verifiedDate!.iso).toBe('2026-01-10');
    expect(e[4]).toMatchObject({ status: 'Complete', verifiedBy: null, verifiedDate: null, evidence: 'Signed BAA (PDF)' });
    expect(r.caps[0].reason).toMatch(/corrective actions/);
  });

  it('a POA&M with open and closed sheets yields two CAP tables; the cover sheet is other', async () => {
    const r = await read('poamOpenClosed');
    expect(r.caps.map((c) => c.entries.length)).toEqual([3, 2]);
    expect(r.caps[0].entries[2].status).toBe('Deferred');
    expect(r.caps[1].entries[0].status).toBe('Complete');
    expect(r.candidates.find((c) => c.sheet === 'Cover')!.kind).toBe('other');
  });

  it('an empty workbook and a workbook without a register say so in one issue', async () => {
    for (const name of ['emptyWorkbook', 'noRegisterWorkbook']) {
      const r = await read(name);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/No sheet looks like a risk register/) });
    }
  });
});

describe('sheets we own and user overrides', () => {
  it('skips generated sheets (marker set) and the RiskPlan_Data store sheet', async () => {
    const g = await grids('titleRowsRegister');
    const copy = (name: string, marker: string | null): SheetGrid => ({ ...structuredClone(g[0]), name, marker, index: g.length });
    const r = readWorkbookNow([copy('Risk Management Plan', `${MARKER_PREFIX}plan:2026-11-23`), g[0], copy('RiskPlan_Data', null)]);
    expect(r.register!.sheet).toBe('Risk Register');
    expect(r.candidates.find((c) => c.sheet === 'Risk Management Plan')).toMatchObject({ kind: 'other', reason: 'generated by Risk Plan' });
    expect(r.candidates.find((c) => c.sheet === 'RiskPlan_Data')!.kind).toBe('other');
  });

  it('overrides win: role -> column letter, null removes a role, headerRow forces the header', async () => {
    const g = await grids('titleRowsRegister');
    const r = readWorkbookNow(g, [{ sheet: 'Risk Register', kind: 'register', columns: { asset: null, action: 'C', risk: 'I' } }]);
    const t = r.register!;
    expect(t.columns.asset).toBeUndefined();
    expect(t.columns.action).toMatchObject({ letter: 'C', source: 'override', confidence: 1 });
    expect(t.entries[0].action).toMatch(/Shared login/);
    expect(t.entries[0].risk).toMatch(/Create individual EHR accounts/);
    expect(t.reason).toMatch(/you chose this sheet/);

    const forced = readWorkbookNow(g, [{ sheet: 'Risk Register', kind: 'register', headerRow: 6, columns: {} }]);
    expect(forced.register!.headerRow).toBe(6);
  });

  it('stale overrides (missing sheet, header row outside the sheet) are reported and ignored', async () => {
    const g = await grids('titleRowsRegister');
    const r = readWorkbookNow(g, [
      { sheet: 'Old Register', kind: 'register', columns: { risk: 'B' } },
      { sheet: 'Risk Register', kind: 'register', headerRow: 5000, columns: {} },
    ]);
    expect(r.register!.headerRow).toBe(6);
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/header row 5000 is outside/),
      expect.stringMatching(/"Old Register", which is no longer in the workbook/),
    ]);
  });

  it('an override can make a sheet the CAP even when it scores as a register', async () => {
    const g = await gridsOf(titleRowsRegister());
    const r = readWorkbookNow(g, [{ sheet: 'Risk Register', kind: 'cap', columns: {} }]);
    expect(r.register).toBeNull();
    expect(r.caps[0].sheet).toBe('Risk Register');
    expect(r.caps[0].kind).toBe('cap');
  });
});
