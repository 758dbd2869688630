/**
 * The generated sheets as a reader of the saved workbook sees them: each fixture goes through
 * the .xlsx adapter and the workflow, the result is saved, re-opened with ExcelJS (not our
 * adapter), and the plan and progress report are checked cell by cell: content, print setup,
 * ownership marker, regeneration and "changes since the last plan".
 */
import ExcelJS from 'exceljs';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook, generatePlan, generateProgressReport, type WorkbookState } from '../src/app/workflow';
import { capSettingsSchema, type Settings } from '../src/core/settings';
import { MARKER_PREFIX } from '../src/core/grid';
import { fixtureBytes } from './fixtures/workbooks';

type Ws = ExcelJS.Worksheet;

/** The text a cell shows: dates as ISO, numbers as typed, rich text flattened. */
function shown(ws: Ws, row: number, col: number): string {
  const v = ws.getCell(row, col).value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

/** First row (1-based) whose column `col` shows exactly `text`, or whose text starts with it when `prefix`. */
function rowOf(ws: Ws, text: string, col = 1, prefix = false): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const s = shown(ws, r, col);
    if (prefix ? s.startsWith(text) : s === text) return r;
  }
  throw new Error(`"${text}" not found in column ${col} of ${ws.name}`);
}

/** Every text shown on the sheet, for "it says X somewhere" checks. */
function allText(ws: Ws): string {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(shown(ws, Number(row.number), Number(c.col)))));
  return out.join('\n');
}

/** The values in column `col` of the item rows under a group heading, up to the next heading. */
function listUnder(ws: Ws, heading: string, col: number): string[] {
  const start = rowOf(ws, heading, 1, true);
  const out: string[] = [];
  for (let r = start + 1; r <= ws.rowCount; r++) {
    // A wide (merged) row ends the list: the next heading, or "None.".
    if (ws.getCell(r, 2).isMerged) break;
    if (shown(ws, r, col)) out.push(shown(ws, r, col));
  }
  return out;
}

async function generateBoth(
  bytes: Uint8Array,
  asOf: string,
  patch: Partial<Settings> = {},
): Promise<{ saved: ExcelJS.Workbook; bytes: Uint8Array; state: WorkbookState }> {
  const port = await openXlsx(bytes);
  const state = await loadWorkbook(port, { asOf, settingsPatch: patch });
  const plan = await generatePlan(port, state);
  state.settings = plan.settings;
  await generateProgressReport(port, state);
  const out = await port.save();
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(out as unknown as ExcelJS.Buffer);
  return { saved, bytes: out, state };
}

function expectPrintReady(ws: Ws, kind: 'plan' | 'progress'): void {
  expect(ws.pageSetup.orientation).toBe('landscape');
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Y]\d+$/);
  expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  expect(ws.headerFooter.oddFooter).toContain('Page &P of &N');
  expect(String(ws.getCell('Z1').value)).toMatch(new RegExp(`^${MARKER_PREFIX}${kind};`));
  expect(ws.getColumn(26).hidden).toBe(true);
}

describe('Risk Management Plan, read back from the saved workbook', () => {
  const AS_OF = '2026-02-20';
  let ws: Ws;
  let saved: ExcelJS.Workbook;

  beforeAll(async () => {
    ({ saved } = await generateBoth(await fixtureBytes('titleRowsRegister'), AS_OF, {
      practiceName: 'Sunrise Family Medicine',
      preparedBy: 'Jane Ortiz, Privacy Officer',
      consultant: 'Compliance Partners LLC',
    }));
    ws = saved.getWorksheet('Risk Management Plan')!;
  });

  it('has the header: practice, title, version, date, and a visibly missing risk analysis reference', () => {
    expect(shown(ws, 1, 1)).toBe('Risk Management Plan');
    expect(shown(ws, rowOf(ws, 'Practice'), 3)).toBe('Sunrise Family Medicine');
    expect(shown(ws, rowOf(ws, 'Plan version'), 3)).toBe('1');
    expect(shown(ws, rowOf(ws, 'Date generated'), 3)).toBe(AS_OF);
    expect(ws.getCell(rowOf(ws, 'Date generated'), 3).value).toBeInstanceOf(Date);
    expect(shown(ws, rowOf(ws, 'Risk analysis date'), 3)).toBe('MISSING: risk analysis date');
    expect(ws.getCell(rowOf(ws, 'Risk analysis date'), 3).font?.bold).toBe(true);
    expect(shown(ws, rowOf(ws, 'Next review date'), 3)).toBe('2027-02-20');
  });

  it('states the standard and cites the rule', () => {
    const text = allText(ws);
    expect(text).toContain('164.308(a)(1)(ii)(B)');
    expect(text).toContain('164.306(b)(2)');
    expect(text).toMatch(/reasonable and appropriate/);
  });

  it('lists every risk by priority with MISSING marks where the register has gaps', () => {
    const header = rowOf(ws, 'Rank');
    expect(
      ['Risk ID', 'Risk', 'Level (target)', 'Score', 'Action', 'Responsible party', 'Target date', 'Status', 'Tier'].map((_, i) =>
        shown(ws, header, i + 2),
      ),
    ).toEqual(['Risk ID', 'Risk', 'Level (target)', 'Score', 'Action', 'Responsible party', 'Target date', 'Status', 'Tier']);
    const ids = new Set<string>();
    for (let r = header + 1; r <= ws.rowCount; r++) if (/^R-\d{3}$/.test(shown(ws, r, 2))) ids.add(shown(ws, r, 2));
    expect(ids.size).toBe(8);
    // R-004's owner is "TBD" in the register: the plan says so in words, bold, on a filled cell.
    const r4 = rowOf(ws, 'R-004', 2);
    expect(shown(ws, r4, 7)).toMatch(/^MISSING: assign an owner/);
    expect(ws.getCell(r4, 7).font?.bold).toBe(true);
    expect(ws.getCell(r4, 7).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('groups open risks by tier, closed ones apart', () => {
    const thisWeek = rowOf(ws, 'This week', 1, true);
    const closed = rowOf(ws, 'Closed and accepted risks', 1, true);
    expect(thisWeek).toBeLessThan(closed);
    // R-006 is Complete in the register: it sits under the closed section.
    expect(rowOf(ws, 'R-006', 2)).toBeGreaterThan(closed);
  });

  it('has the summary, first-plan note and sign-off with a countersignature for the consultant', () => {
    expect(shown(ws, rowOf(ws, 'Total open risks'), 4)).toBe('7');
    expect(shown(ws, rowOf(ws, 'Overdue open risks'), 4)).toBe('2');
    expect(shown(ws, rowOf(ws, 'No responsible party'), 4)).toBe('1');
    expect(allText(ws)).toContain('This is the first plan generated for this workbook');
    expect(shown(ws, rowOf(ws, 'Prepared by'), 4)).toBe('Jane Ortiz, Privacy Officer');
    // The fixture's title rows say "Approved by | Dr. Alan Smith, Owner": the plan uses it and says where it was found.
    expect(shown(ws, rowOf(ws, 'Approved by', 1, true), 4)).toBe('Dr. Alan Smith, Owner');
    expect(shown(ws, rowOf(ws, 'Approved by', 1, true), 1)).toMatch(/found in the workbook, 'Risk Register'!C4/);
    expect(rowOf(ws, 'Reviewed and approved within the practice')).toBeGreaterThan(rowOf(ws, 'Prepared by'));
  });

  it('prints well and is marked as ours', () => {
    expectPrintReady(ws, 'plan');
    // The repeated rows are the risk table's header row.
    expect(ws.pageSetup.printTitlesRow).toBe(`${rowOf(ws, 'Rank')}:${rowOf(ws, 'Rank')}`);
  });
});

describe('regenerating the plan', () => {
  it('replaces our plan, keeps a user sheet of the same name, and lists what changed since the last plan', async () => {
    // A user sheet already called "Risk Management Plan" (their own notes).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fixtureBytes('titleRowsRegister')) as unknown as ExcelJS.Buffer);
    wb.addWorksheet('Risk Management Plan').getCell('A1').value = 'Our own notes - do not touch';
    const first = await generateBoth(new Uint8Array(await wb.xlsx.writeBuffer()), '2026-02-20');
    const ours = first.saved.worksheets.filter((s) => String(s.getCell('Z1').value ?? '').startsWith(`${MARKER_PREFIX}plan;`));
    expect(ours.map((s) => s.name)).toEqual(['Risk Management Plan (2)']);

    // The user edits the register between plans: closes R-001, reassigns R-002, moves R-003's date.
    const edited = first.saved;
    const reg = edited.getWorksheet('Risk Register')!;
    reg.getCell('L7').value = 'Complete';
    reg.getCell('J8').value = 'Security Officer';
    reg.getCell('K9').value = new Date(Date.UTC(2026, 4, 15));
    const second = await generateBoth(new Uint8Array(await edited.xlsx.writeBuffer()), '2026-03-01');

    const plans = second.saved.worksheets.filter((s) => String(s.getCell('Z1').value ?? '').startsWith(`${MARKER_PREFIX}plan;`));
    expect(plans).toHaveLength(1);
    expect(second.saved.getWorksheet('Risk Management Plan')!.getCell('A1').value).toBe('Our own notes - do not touch');
    const plan = plans[0];
    expect(shown(plan, rowOf(plan, 'Plan version'), 3)).toBe('2');
    const changes = rowOf(plan, 'Changes since the last plan', 1, true);
    const kinds: string[] = [];
    for (let r = changes + 1; r <= plan.rowCount && shown(plan, r, 1) !== 'Sign-off'; r++)
      kinds.push(`${shown(plan, r, 1)} | ${shown(plan, r, 3)}`);
    expect(kinds.some((k) => k.startsWith('Risk closed') && k.includes('R-001'))).toBe(true);
    expect(kinds.some((k) => k.startsWith('Responsible party changed') && k.includes('R-002'))).toBe(true);
    expect(kinds.some((k) => k.startsWith('Target date changed') && k.includes('R-003'))).toBe(true);
  });
});

describe('CAP Progress Report, read back from the saved workbook', () => {
  describe('an OCR-style CAP tracker', () => {
    const AS_OF = '2026-02-05';
    let ws: Ws;
    let state: WorkbookState;

    beforeAll(async () => {
      const cap = capSettingsSchema.parse({ type: 'ocr', effectiveDate: '2025-10-01', reference: 'OCR Transaction No. 24-123456' });
      const port = await openXlsx(await fixtureBytes('ocrCapTracker'));
      state = await loadWorkbook(port, { asOf: AS_OF, settingsPatch: { cap, practiceName: 'Riverside Pediatrics' } });
      await generateProgressReport(port, state);
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.load((await port.save()) as unknown as ExcelJS.Buffer);
      ws = saved.getWorksheet('CAP Progress Report')!;
    });

    it('shows the same figures as the analysis summary', () => {
      // Six items: 3 complete (2 verified), 1 in progress (overdue since 2026-01-29), 2 not started.
      expect(state.analysis.capSummary).toMatchObject({
        total: 6,
        completed: 3,
        verified: 2,
        inProgress: 1,
        notStarted: 2,
        overdue: 1,
        dueNext30Days: 1,
      });
      const figure = (label: string) => Number(shown(ws, rowOf(ws, label), 3));
      expect(figure('Items total')).toBe(6);
      expect(figure('Completed')).toBe(3);
      expect(figure('Verified')).toBe(2);
      expect(figure('In progress')).toBe(1);
      expect(figure('Not started')).toBe(2);
      expect(figure('Overdue')).toBe(1);
      expect(figure('Due in the next 30 days')).toBe(1);
      expect(ws.getCell(rowOf(ws, 'Completed'), 4).value).toBeCloseTo(0.5);
      expect(shown(ws, rowOf(ws, 'Completed'), 5)).toBe('█████░░░░░ 50%');
    });

    it('has the header with entity, reference, type and the reporting period', () => {
      expect(shown(ws, rowOf(ws, 'Entity'), 3)).toBe('Riverside Pediatrics');
      expect(shown(ws, rowOf(ws, 'CAP reference'), 3)).toBe('OCR Transaction No. 24-123456');
      expect(shown(ws, rowOf(ws, 'CAP type'), 3)).toBe('OCR resolution agreement');
      expect(shown(ws, rowOf(ws, 'Reporting period covered'), 3)).toContain('2025-10-01');
    });

    it('lists what drives the next week', () => {
      expect(listUnder(ws, 'Overdue (1)', 2)).toEqual(['No risk management plan to reduce risks to a reasonable level']);
      expect(listUnder(ws, 'Due in the next 30 days (1)', 2)).toEqual(['Policies on access control and device encryption outdated']);
      expect(listUnder(ws, 'Due in 31 to 60 days (1)', 2)).toEqual(['Workforce not trained on revised policies']);
      expect(listUnder(ws, 'Completed but not verified (1)', 2)).toEqual(['Billing vendor without business associate agreement']);
      const timing = rowOf(ws, 'No risk management plan to reduce risks to a reasonable level', 2);
      expect(shown(ws, timing, 7)).toMatch(/^7 days overdue/);
    });

    it('has the reporting calendar computed from the effective date', () => {
      // Changed on purpose (issue 17): resolution-agreement terms. The risk analysis is due 90 days after
      // the effective date; the implementation report 120 days after HHS approves the plan, projected
      // (from the end of HHS's 60-day review) because no approval date is entered.
      const due = (label: string) => shown(ws, rowOf(ws, label, 1, true), 6);
      expect(due('Risk analysis submitted to HHS')).toBe('2025-12-30'); // 2025-10-01 + 90 days
      expect(shown(ws, rowOf(ws, 'Risk analysis submitted to HHS', 1, true), 7)).toMatch(/^Due date passed 37 days ago/);
      expect(due('Implementation report')).toBe('2026-06-28'); // + 60 days of HHS review + 120 days
      expect(shown(ws, rowOf(ws, 'Implementation report', 1, true), 7)).toMatch(/\(projected\)$/);
      expect(due('Annual report for period 1')).toBe('2026-11-30'); // period ends 2026-10-01, + 60 days
      expect(due('Final report')).toBe('2027-11-30');
      expect(due('End of the 2-year term')).toBe('2027-10-01');
      expect(shown(ws, rowOf(ws, 'Annual report for period 1', 1, true), 7)).toBe('Period not ended');
    });

    it('indexes the evidence of completed items with who verified them', () => {
      const rows = listUnder(ws, 'Evidence index', 2);
      expect(rows).toHaveLength(3);
      const enc = rowOf(ws, 'Laptops storing ePHI not encrypted', 2);
      const evidenceRow = [...Array(ws.rowCount).keys()]
        .map((i) => i + 1)
        .filter((r) => shown(ws, r, 2) === 'Laptops storing ePHI not encrypted')
        .pop()!;
      expect(evidenceRow).toBeGreaterThanOrEqual(enc);
      const line = [...Array(13).keys()].map((c) => shown(ws, evidenceRow, c + 1)).join(' | ');
      expect(line).toContain('Intune encryption report');
      expect(line).toContain('Security Officer');
      expect(line).toContain('2026-01-20');
    });

    it('prints well and is marked as ours', () => expectPrintReady(ws, 'progress'));
  });

  it('reads a POA&M with open and closed sheets as one CAP', async () => {
    const port = await openXlsx(await fixtureBytes('poamOpenClosed'));
    const state = await loadWorkbook(port, { asOf: '2026-03-15' });
    expect(state.read.caps.map((c) => c.sheet)).toEqual(['Open POA&M Items', 'Closed POA&M Items']);
    // V-001 due 2026-02-28 and still ongoing: overdue; V-002 due 2026-03-31: within 30 days.
    expect(state.analysis.capSummary).toMatchObject({ total: 5, completed: 2, verified: 0, overdue: 1, dueNext30Days: 1 });
    await generateProgressReport(port, state);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await port.save()) as unknown as ExcelJS.Buffer);
    const ws = saved.getWorksheet('CAP Progress Report')!;
    expect(Number(shown(ws, rowOf(ws, 'Items total'), 3))).toBe(5);
    expect(listUnder(ws, 'Overdue (1)', 1)).toEqual(['V-001']);
    expect(listUnder(ws, 'Completed but not verified (2)', 1).sort()).toEqual(['V-004', 'V-005']);
    // No effective date saved: the calendar says what is missing instead of inventing dates.
    expect(allText(ws)).toContain('MISSING: set the CAP effective date');
  });
});

describe('inherent and residual ratings in the plan', () => {
  it('prioritizes on the current rating and shows the residual as the target', async () => {
    const { saved, state } = await generateBoth(await fixtureBytes('twoRowHeaderRegister'), '2026-02-20');
    const ws = saved.getWorksheet('Risk Management Plan')!;
    const ldg1 = state.analysis.risks.find((r) => r.entry.id === 'LDG-1')!;
    expect([ldg1.level, ldg1.residualLevel]).toEqual(['High', 'Low']);
    expect(shown(ws, rowOf(ws, 'LDG-1', 2), 4)).toBe('High (target: Low)');
  });
});
