/**
 * Calibration against real public registers in /work/shared/fixtures/registers (not part of the repo).
 * Skips itself on a clean clone. Every workbook listed in expected.json there must read exactly as it
 * states (sheet, header row, first and last row, count, role -> column, completed and overdue items);
 * the first five (no expected read) must at least yield a register with described entries.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook } from '../src/app/workflow';
import { buildAnalysisJson, type AnalysisJson } from '../src/cli/json';
import type { IsoDate } from '../src/core/dates';
import type { TableRead, WorkbookRead } from '../src/core/model';

const CANDIDATE_DIRS = process.env.RISKPLAN_CALIBRATION_DIR
  ? [process.env.RISKPLAN_CALIBRATION_DIR]
  : ['/work/shared/fixtures/registers', path.resolve(__dirname, '../../shared/fixtures/registers')];
const dir = CANDIDATE_DIRS.find((d) => fs.existsSync(d));
const files = dir
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
  : [];

interface ExpectedTable {
  sheet: string;
  headerRow: number[];
  headerRowAlternatives?: number[][];
  firstRow?: number;
  lastRow?: number;
  risks?: number;
  items?: number;
  totalItems?: number;
  columns: Record<string, string | string[]>;
  completed?: string[];
  overdue?: string[];
  closedSheet?: ExpectedTable;
}
interface ExpectedFile {
  asOf: IsoDate;
  registers: Record<string, ExpectedTable>;
  caps: Record<string, ExpectedTable>;
}
const expectedPath = dir ? path.join(dir, 'expected.json') : null;
const expected: ExpectedFile | null =
  expectedPath && fs.existsSync(expectedPath) ? (JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as ExpectedFile) : null;

/** The roles the calibration judges (the brief's list); residualScore and originalDueDate are extras. */
const JUDGED = [
  'id',
  'risk',
  'asset',
  'threat',
  'vulnerability',
  'likelihood',
  'impact',
  'score',
  'level',
  'action',
  'owner',
  'dueDate',
  'status',
  'completedDate',
  'verifiedBy',
  'verifiedDate',
  'rootCause',
  'evidence',
  'residualLikelihood',
  'residualImpact',
  'residualLevel',
];

/** What is wrong with one table's read, as "field: got (wanted)" lines; empty when it reads as expected. */
function wrongFields(
  exp: ExpectedTable,
  got: { sheet: string; headerRow: number; firstRow: number; lastRow: number; columns: Record<string, string | undefined> },
  count: number,
  wantCount: number,
): string[] {
  const wrong: string[] = [];
  const check = (name: string, ok: boolean, value: unknown, want: unknown): void => {
    if (!ok) wrong.push(`${name}: ${JSON.stringify(value)} (wanted ${JSON.stringify(want)})`);
  };
  check('sheet', got.sheet === exp.sheet, got.sheet, exp.sheet);
  const headerRows = [exp.headerRow, ...(exp.headerRowAlternatives ?? [])];
  check(
    'headerRow',
    headerRows.some((h) => h.includes(got.headerRow)),
    got.headerRow,
    exp.headerRow,
  );
  if (exp.firstRow) check('firstRow', got.firstRow === exp.firstRow, got.firstRow, exp.firstRow);
  if (exp.lastRow) check('lastRow', got.lastRow === exp.lastRow, got.lastRow, exp.lastRow);
  check('count', count === wantCount, count, wantCount);
  for (const role of JUDGED) {
    let want: string[] | null = exp.columns[role] === undefined ? null : ([] as string[]).concat(exp.columns[role]);
    // A residual score may stand for the residual level when the reader has no separate residual score.
    if (role === 'residualLevel' && exp.columns.residualScore && !got.columns.residualScore)
      want = [...(want ?? []), ...([] as string[]).concat(exp.columns.residualScore)];
    const value = got.columns[role] ?? null;
    if (want === null) check(`no ${role}`, value === null, value, null);
    else check(role, value !== null && want.includes(value), value, want);
  }
  return wrong;
}

function tableOf(read: WorkbookRead, sheet: string): TableRead | null {
  return [read.register, ...read.caps].find((t) => t?.sheet === sheet) ?? null;
}

function placeOf(t: TableRead): {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: Record<string, string | undefined>;
} {
  const columns: Record<string, string | undefined> = {};
  for (const [role, m] of Object.entries(t.columns)) columns[role] = m?.letter;
  return { sheet: t.sheet, headerRow: t.headerRow, firstRow: t.firstRow, lastRow: t.lastRow, columns };
}

async function analyze(file: string, asOf: IsoDate): Promise<{ json: AnalysisJson; read: WorkbookRead }> {
  const port = await openXlsx(fs.readFileSync(path.join(dir!, file)));
  const state = await loadWorkbook(port, { asOf });
  return { json: buildAnalysisJson(file, state), read: state.read };
}

if (files.length === 0 || !expected) {
  it.skip('calibration workbooks are not available on this machine (no shared/fixtures/registers)', () => {});
} else {
  const exp = expected;
  const listed = new Set([...Object.keys(exp.registers), ...Object.keys(exp.caps)]);

  describe('calibration workbooks: registers read exactly as expected.json states', () => {
    it.each(Object.keys(exp.registers).filter((f) => files.includes(f)))('%s', async (file) => {
      const want = exp.registers[file];
      const { json } = await analyze(file, exp.asOf);
      expect(json.register).not.toBeNull();
      const r = json.register!;
      expect(wrongFields(want, r, r.risks.length, want.risks!)).toEqual([]);
    });
  });

  describe('calibration workbooks: trackers read exactly as expected.json states', () => {
    it.each(Object.keys(exp.caps).filter((f) => files.includes(f)))('%s', async (file) => {
      const want = exp.caps[file];
      const { json, read } = await analyze(file, exp.asOf);
      expect(json.cap).not.toBeNull();
      const cap = json.cap!;
      // The items of the tracker's own sheet; a closed-items tab adds its items to the JSON list.
      const onSheet = cap.items.filter((i) => i.sheet === want.sheet).length;
      expect(wrongFields(want, cap, onSheet, want.items!)).toEqual([]);
      expect(cap.items.length).toBe(want.totalItems ?? want.items);
      if (want.closedSheet) {
        const closed = tableOf(read, want.closedSheet.sheet);
        expect(closed).not.toBeNull();
        expect(wrongFields(want.closedSheet, placeOf(closed!), closed!.entries.length, want.closedSheet.items!)).toEqual([]);
      }
      const byId = new Map(cap.items.filter((i) => i.id !== null).map((i) => [i.id!, i]));
      expect((want.completed ?? []).filter((id) => !byId.get(id)?.completed)).toEqual([]);
      expect((want.overdue ?? []).filter((id) => !byId.get(id)?.findings.includes('overdue'))).toEqual([]);
      // Nothing else is overdue or completed.
      const overdue = new Set(want.overdue ?? []);
      const completed = new Set(want.completed ?? []);
      expect(cap.items.filter((i) => i.findings.includes('overdue') && !overdue.has(i.id ?? '')).map((i) => i.id)).toEqual([]);
      expect(cap.items.filter((i) => i.completed && !completed.has(i.id ?? '')).map((i) => i.id)).toEqual([]);
    });
  });

  describe('calibration workbooks without an expected read', () => {
    it.each(files.filter((f) => !listed.has(f)))('%s: a register is found and every entry has a description or action', async (file) => {
      const { read } = await analyze(file, exp.asOf);
      expect(read.register).not.toBeNull();
      expect(read.register!.entries.length).toBeGreaterThan(0);
      for (const e of read.register!.entries) expect(e.risk ?? e.action ?? e.threat).not.toBeNull();
    });
  });
}
