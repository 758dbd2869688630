/**
 * Shared helpers for the trust tests: an independent (ExcelJS-only) record of what a user's sheets
 * hold, the full workflow run through a port, and a Fake Excel workbook built from an .xlsx file.
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { openXlsx } from '../../src/adapters/xlsx';
import { createOfficeWorkbookPort } from '../../src/adapters/officejs';
import type { SheetGrid } from '../../src/core/grid';
import type { WorkbookPort } from '../../src/core/port';
import { STORE_SHEET_NAME } from '../../src/core/settings';
import { clearHighlights, generatePlan, generateProgressReport, highlightGaps, loadWorkbook, WorkflowError } from '../../src/app/workflow';
import { FakeWorkbook, fakeRun, type FakeCell } from '../fakes/excel-fake';

export const AS_OF = '2026-11-23';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** One cell as ExcelJS reports it: the value (JSON, so dates and rich text compare) and the formula text. */
export interface RecordedCell {
  value: string;
  formula: string | null;
}

export interface RecordedSheet {
  cells: Map<string, RecordedCell>;
  merges: string[];
}

/**
 * Every non-empty cell of every sheet, read with ExcelJS directly (independent of our adapter).
 * Shared-formula followers are recorded with the formula ExcelJS resolves for them.
 */
export function recordSheets(wb: ExcelJS.Workbook): Map<string, RecordedSheet> {
  const out = new Map<string, RecordedSheet>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, RecordedCell>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell's followers echo the master's value in ExcelJS; only the master holds data.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (cell.value === null || cell.value === undefined) return;
        cells.set(cell.address, { value: JSON.stringify(cell.value), formula: cell.formula ?? null });
      });
    });
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {})
      .map((k) => String((ws as unknown as { _merges: Record<string, { range: string }> })._merges[k].range))
      .sort();
    out.set(ws.name, { cells, merges });
  }
  return out;
}

/** Differences between two recordings of the same sheet, as readable lines (empty when identical). */
export function diffSheet(name: string, before: RecordedSheet, after: RecordedSheet | undefined): string[] {
  if (!after) return [`sheet "${name}" is gone`];
  const diffs: string[] = [];
  for (const [addr, cell] of before.cells) {
    const now = after.cells.get(addr);
    if (!now) diffs.push(`${name}!${addr} lost ${cell.value}`);
    else if (now.value !== cell.value || now.formula !== cell.formula) {
      diffs.push(`${name}!${addr} ${cell.value} [${cell.formula}] -> ${now.value} [${now.formula}]`);
    }
  }
  for (const addr of after.cells.keys()) if (!before.cells.has(addr)) diffs.push(`${name}!${addr} appeared`);
  if (before.merges.join(',') !== after.merges.join(',')) {
    diffs.push(`${name} merges ${before.merges.join(',')} -> ${after.merges.join(',')}`);
  }
  return diffs;
}

/** Runs one step; a WorkflowError (nothing to plan in this workbook) is an accepted outcome. */
async function step<T>(run: () => Promise<T>): Promise<T | WorkflowError> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowError) return error;
    throw error;
  }
}

/**
 * The whole user journey: load, highlight, plan, progress report, plan again (keeping and not keeping
 * the previous one), clear highlights. Returns the steps that ended in a WorkflowError.
 */
export async function runWholeWorkflow(port: WorkbookPort): Promise<string[]> {
  const refused: string[] = [];
  const note = (label: string, r: unknown) => {
    if (r instanceof WorkflowError) refused.push(`${label}: ${r.message}`);
  };
  let state = await loadWorkbook(port, { asOf: AS_OF });
  await highlightGaps(port, state);
  note('plan', await step(() => generatePlan(port, state)));
  note('progress', await step(() => generateProgressReport(port, state)));
  state = await loadWorkbook(port, { asOf: AS_OF });
  note('plan (keep previous)', await step(() => generatePlan(port, state, { keepPrevious: true })));
  state = await loadWorkbook(port, { asOf: '2026-12-01' });
  note('plan (replace)', await step(() => generatePlan(port, state, { keepPrevious: false })));
  note('progress again', await step(() => generateProgressReport(port, state, { keepPrevious: true })));
  await clearHighlights(port);
  return refused;
}

/** Sheets of the workbook as the .xlsx adapter reads them (for seeding the Office fake). */
export async function gridsOfBytes(bytes: Uint8Array): Promise<SheetGrid[]> {
  return (await openXlsx(bytes)).readGrids();
}

/** A Fake Excel workbook holding the same sheets, values, formulas, merges and tables as the grids. */
export function fakeFromGrids(grids: SheetGrid[]): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const g of grids) {
    const sheet = wb.addSheet(g.name);
    sheet.visibility = g.visibility === 'veryHidden' ? 'VeryHidden' : g.visibility === 'hidden' ? 'Hidden' : 'Visible';
    sheet.protected = g.protected;
    g.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = g.formulas?.[i]?.[j] ?? null;
        if (v === null && f === null) return;
        const cell = sheet.ensure(g.top + i, g.left + j);
        if (f !== null) cell.formula = f;
        cell.value = v ?? '';
      }),
    );
    sheet.merges = g.merges.map((m) => ({ ...m }));
    sheet.tables = g.tables.map((t) => ({
      name: t.name,
      range: { ...t.range },
      showHeaders: t.hasHeaderRow,
      columnNames: [...t.columnNames],
    }));
  }
  return wb;
}

/** A deep copy of a fake sheet's content: cells (value, formula, number format), merges, tables. */
export function fakeSheetContent(wb: FakeWorkbook, name: string): unknown {
  const sheet = wb.findSheet(name);
  if (!sheet) return null;
  const cells: [number, FakeCell][] = [...sheet.cells.entries()]
    .filter(([, c]) => c.value !== undefined || c.formula !== undefined)
    .map(([k, c]) => [k, { value: c.value, formula: c.formula, numberFormat: c.numberFormat }]);
  cells.sort((a, b) => a[0] - b[0]);
  return JSON.parse(JSON.stringify({ cells, merges: sheet.merges, tables: sheet.tables }));
}

export function officePortOn(wb: FakeWorkbook) {
  return createOfficeWorkbookPort(fakeRun(wb));
}

export { STORE_SHEET_NAME };
