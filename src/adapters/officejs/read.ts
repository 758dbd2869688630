/**
 * Reading sheets through Office.js in a fixed number of round trips, whatever the number of
 * sheets or rows: one sync lists sheets and tables, one loads used-range shapes, markers, merges
 * and table ranges for every sheet, one loads the (capped) values and formulas.
 */
import type { CellRange, CellValue, SheetGrid, TableInfo } from '../../core/grid';
import { MARKER_CELL, MARKER_PREFIX, parseRangeAddress, rangeAddress } from '../../core/grid';
import type { SheetInfo } from '../../core/port';

/** Office.js returns `null` values past this many cells per read, without an error. */
export const READ_CELL_CAP = 5_000_000;

type Visibility = SheetInfo['visibility'];

/** Excel's visibility words -> the core's. */
export function toVisibility(v: string): Visibility {
  if (v === 'VeryHidden') return 'veryHidden';
  if (v === 'Hidden') return 'hidden';
  return 'visible';
}

/** "'Risk Register'!A1:F20" -> "A1:F20". */
export function stripSheetPrefix(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** Every rectangle in a RangeAreas address like "Sheet1!A1:B2, Sheet1!D4:E4" (sheet names may hold commas). */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of address.matchAll(/!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g)) {
    const r = parseRangeAddress(m[1].replace(/\$/g, ''));
    if (r) out.push(r);
  }
  return out;
}

/** The marker when the Z1 value is one of ours. */
export function markerFrom(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith(MARKER_PREFIX) ? value : null;
}

/** Rows to read so that rows x columns stays under the cap. */
export function cappedRowCount(rowCount: number, columnCount: number, cap = READ_CELL_CAP): number {
  return Math.max(0, Math.min(rowCount, Math.floor(cap / Math.max(1, columnCount))));
}

/** Office "" -> null; everything else as reported. */
export function toCellValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (v === '' || v === undefined || v === null ? null : (v as CellValue))));
}

/** `range.formulas` reports constants too; keep only real formulas. */
export function toFormulas(formulas: unknown[][]): (string | null)[][] {
  return formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
}

interface ListedSheet {
  sheet: Excel.Worksheet;
  info: Omit<SheetInfo, 'marker'>;
}

/** Queues the sheet list (name, position, visibility, protection); read after the next sync. */
function queueSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/position,items/visibility,items/protection/protected');
  return sheets;
}

function listed(sheets: Excel.WorksheetCollection): ListedSheet[] {
  return sheets.items.map((sheet) => ({
    sheet,
    info: {
      name: sheet.name,
      index: sheet.position,
      visibility: toVisibility(sheet.visibility),
      protected: sheet.protection.protected,
    },
  }));
}

/** Lists every sheet with its marker: two round trips. */
export async function listSheetInfos(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = queueSheetList(context);
  await context.sync();
  const list = listed(sheets);
  const markers = list.map(({ sheet }) => sheet.getRange(MARKER_CELL.address).load('values'));
  await context.sync();
  return list.map(({ info }, i) => ({ ...info, marker: markerFrom(markers[i].values[0]?.[0]) }));
}

export interface ReadOptions {
  /** Sheets to read (case-insensitive); every sheet when omitted. */
  names?: string[];
  /** Sheets never read (the settings store). */
  exclude: string[];
  /** ExcelApi 1.13: read merged areas. */
  mergedAreas: boolean;
  /** Most cells read per sheet; READ_CELL_CAP unless a test wants a small one. */
  cellCap?: number;
}

/** Reads the grids of the chosen sheets in three round trips. */
export async function readSheetGrids(context: Excel.RequestContext, options: ReadOptions): Promise<SheetGrid[]> {
  // Round trip 1: sheets and tables.
  const sheets = queueSheetList(context);
  const tables = context.workbook.tables;
  tables.load('items/name,items/showHeaders,items/worksheet/name');
  await context.sync();

  const wanted = options.names?.map((n) => n.toLowerCase());
  const excluded = options.exclude.map((n) => n.toLowerCase());
  const chosen = listed(sheets).filter(({ info }) => {
    const lower = info.name.toLowerCase();
    return !excluded.includes(lower) && (!wanted || wanted.includes(lower));
  });

  // Round trip 2: shapes, markers, merges, table ranges.
  const shapes = chosen.map(({ sheet, info }) => {
    const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const marker = sheet.getRange(MARKER_CELL.address).load('values');
    const merged = options.mergedAreas ? sheet.getRange().getMergedAreasOrNullObject().load('address') : null;
    const sheetTables = tables.items
      .filter((t) => t.worksheet.name === info.name)
      .map((t) => ({
        name: t.name,
        hasHeaderRow: t.showHeaders,
        range: t.getRange().load('address'),
        columns: t.columns.load('items/name'),
      }));
    return { used, marker, merged, sheetTables };
  });
  await context.sync();

  // Round trip 3: values and formulas of each used range, capped so a read never comes back null.
  const blocks = chosen.map(({ sheet }, i) => {
    const used = shapes[i].used;
    if (used.isNullObject) return null;
    const rows = cappedRowCount(used.rowCount, used.columnCount, options.cellCap);
    if (rows === 0) return null;
    const area: CellRange = {
      top: used.rowIndex,
      left: used.columnIndex,
      bottom: used.rowIndex + rows - 1,
      right: used.columnIndex + used.columnCount - 1,
    };
    return { top: area.top, left: area.left, range: sheet.getRange(rangeAddress(area)).load('values,formulas') };
  });
  await context.sync();

  return chosen.map(({ info }, i) => {
    const shape = shapes[i];
    const block = blocks[i];
    const merges = shape.merged && !shape.merged.isNullObject ? parseAreasAddress(shape.merged.address) : [];
    const tableInfos: TableInfo[] = shape.sheetTables.flatMap((t) => {
      const range = parseRangeAddress(stripSheetPrefix(t.range.address).replace(/\$/g, ''));
      return range ? [{ name: t.name, range, hasHeaderRow: t.hasHeaderRow, columnNames: t.columns.items.map((c) => c.name) }] : [];
    });
    return {
      name: info.name,
      index: info.index,
      visibility: info.visibility,
      top: block ? block.top : 0,
      left: block ? block.left : 0,
      values: block ? toCellValues(block.range.values) : [],
      formulas: block ? toFormulas(block.range.formulas) : [],
      merges,
      tables: tableInfos,
      protected: info.protected,
      marker: markerFrom(shape.marker.values[0]?.[0]),
    };
  });
}
