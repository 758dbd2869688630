/**
 * ExcelJS worksheet -> SheetGrid, presenting exactly what Office.js `range.values` and
 * `range.formulas` would for the sheet's used range (values only).
 */
import type ExcelJS from 'exceljs';
import {
  MARKER_CELL,
  MARKER_PREFIX,
  parseRangeAddress,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type TableInfo,
} from '../../core/grid';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** ExcelJS reads date cells as UTC Dates; Excel reports them as serial numbers (time as a fraction). */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

function richTextToString(rich: { richText?: { text?: string }[] }): string {
  return (rich.richText ?? []).map((run) => run.text ?? '').join('');
}

/** Any ExcelJS cell value (or formula result) -> the plain value Excel would report. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if ('error' in v) return String(v.error);
    if ('richText' in v) return richTextToString(v as { richText?: { text?: string }[] });
    // Hyperlink: {text, hyperlink}; its text may itself be rich text.
    if ('hyperlink' in v || 'text' in v) return plainValue(v.text) ?? '';
  }
  return null;
}

function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

function formulaText(cell: ExcelJS.Cell): string | null {
  if (cell.type !== 6 /* ValueType.Formula */) return null;
  // `cell.formula` translates shared formulas to this cell's own text.
  const f = cell.formula;
  // The file stores newer functions as "_xlfn.IFS"; Excel (and Office.js) show "IFS".
  return f ? `=${f.replace(/_xl(?:fn|ws|pm)\./g, '')}` : null;
}

function tableModel(table: unknown): Record<string, unknown> {
  return ((table as { table?: Record<string, unknown> }).table ?? {}) as Record<string, unknown>;
}

function tableColumnNames(model: Record<string, unknown>): string[] {
  return ((model.columns as { name?: string }[] | undefined) ?? []).map((c) => String(c.name ?? ''));
}

/** True when the table's first row holds its column names (at least half of them). */
function firstRowIsHeader(ws: ExcelJS.Worksheet, range: CellRange, names: string[]): boolean {
  if (names.length === 0) return false;
  let matches = 0;
  names.forEach((name, i) => {
    const v = plainValue(ws.getCell(range.top + 1, range.left + 1 + i).value);
    if (v !== null && String(v).trim() === name.trim()) matches++;
  });
  return matches >= Math.ceil(names.length / 2);
}

/**
 * Excel omits headerRowCount when a table has its (default) header row; ExcelJS reads the
 * missing attribute as "no header" and would save the table with headerRowCount="0", turning
 * the user's header into data. Restore the header flag where the first row holds the names.
 */
export function repairTableHeaders(ws: ExcelJS.Worksheet): void {
  for (const table of ws.getTables()) {
    const model = tableModel(table);
    const range = typeof model.tableRef === 'string' ? parseRangeAddress(model.tableRef) : null;
    if (model.headerRow !== true && range && firstRowIsHeader(ws, range, tableColumnNames(model))) model.headerRow = true;
  }
}

function readTables(ws: ExcelJS.Worksheet): TableInfo[] {
  const out: TableInfo[] = [];
  for (const table of ws.getTables()) {
    const model = tableModel(table);
    const ref = (model.tableRef ?? model.ref) as string | undefined;
    const range = ref ? parseRangeAddress(ref) : null;
    if (!range) continue;
    out.push({
      name: String(model.name ?? model.displayName ?? ''),
      range,
      hasHeaderRow: model.headerRow === true,
      columnNames: tableColumnNames(model),
    });
  }
  return out;
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  // The merges ExcelJS keeps by top-left cell. Not `ws.model.merges`: that getter builds a model
  // of every row and cell first, a tenth of a second and much garbage on a 10,000-row register.
  const index = (ws as unknown as { _merges?: Record<string, { range?: string } | undefined> })._merges;
  const merges = index ? Object.values(index).flatMap((m) => (m?.range ? [m.range] : [])) : ((ws.model as unknown as { merges?: string[] }).merges ?? []);
  return merges.map((m) => parseRangeAddress(m)).filter((r): r is CellRange => r !== null);
}

/** Our marker lives in Z1; a user value there that is not ours is ignored. */
export function readMarker(ws: ExcelJS.Worksheet): string | null {
  // findCell, not getCell: reading must not add an empty cell to a user's sheet.
  const v = plainValue(ws.findCell(MARKER_CELL.row + 1, MARKER_CELL.col + 1)?.value);
  return typeof v === 'string' && v.startsWith(MARKER_PREFIX) ? v : null;
}

export function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return !!p && p.sheet !== false;
}

export function visibilityOf(ws: ExcelJS.Worksheet): SheetGrid['visibility'] {
  return ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
}

/** Reads one worksheet. `index` is its 0-based tab position. */
export function readGrid(ws: ExcelJS.Worksheet, index: number): SheetGrid {
  // Collect only cells that hold a value or formula: formatting alone does not widen the
  // used range (a styled cell at row 1,048,576 must not make a million-row grid).
  // Parallel arrays rather than an object per cell: a 10,000-row register has 170,000 cells.
  const rows: number[] = [];
  const cols: number[] = [];
  const cellValues: CellValue[] = [];
  const cellFormulas: (string | null)[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (isMergeSlave(cell)) return;
      const formula = formulaText(cell);
      const value = plainValue(cell.value);
      if (formula === null && (value === null || value === '')) return;
      const c = colNumber - 1;
      rows.push(r);
      cols.push(c);
      cellValues.push(value);
      cellFormulas.push(formula);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });

  const empty = rows.length === 0;
  if (empty) {
    top = 0;
    left = 0;
  }
  const height = empty ? 0 : bottom - top + 1;
  const width = empty ? 0 : right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  for (let i = 0; i < rows.length; i++) {
    values[rows[i] - top][cols[i] - left] = cellValues[i];
    formulas[rows[i] - top][cols[i] - left] = cellFormulas[i];
  }

  return {
    name: ws.name,
    index,
    visibility: visibilityOf(ws),
    top,
    left,
    values,
    formulas,
    merges: readMerges(ws),
    tables: readTables(ws),
    protected: isProtected(ws),
    marker: readMarker(ws),
  };
}
