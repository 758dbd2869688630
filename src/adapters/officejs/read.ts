/**
 * Reading sheets through Office.js in few round trips, whatever the number of sheets: one sync
 * lists sheets and tables, one loads used-range shapes, markers, merges and table ranges for every
 * sheet, then the values and formulas are loaded in row blocks planned by `readPlan.ts`: one sync
 * while the whole read fits in one response (about 4 MB), one more per extra 4 MB beyond that.
 */
import type { CellRange, CellValue, SheetGrid, TableInfo } from '../../core/grid';
import { MARKER_CELL, MARKER_PREFIX, parseRangeAddress, rangeAddress } from '../../core/grid';
import type { SheetInfo } from '../../core/port';
import { nextBytesPerCell, planReadSyncs, splitReadGroup, type ReadBlock, type ReadShape } from './readPlan';

export { cappedRowCount, READ_CELL_CAP } from './readPlan';

/** Excel on the web's error code for a response over its 5 MB cap. */
const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

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
  /** Most cells read per sheet (and per block); READ_CELL_CAP unless a test wants a small one. */
  cellCap?: number;
  /** Estimated bytes one response may carry; RESPONSE_BUDGET_BYTES unless a test wants another. */
  responseBudgetBytes?: number;
  /** A fixed estimate of response bytes per cell (tests); otherwise measured after the first round trip. */
  bytesPerCell?: number;
}

/** Reads the grids of the chosen sheets: three round trips while the cells fit in one response. */
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

  // Round trips 3+: values and formulas in row blocks, each response under the budget.
  const cells = await loadCells(
    context,
    shapes.map(({ used }) => (used.isNullObject ? null : { rowCount: used.rowCount, columnCount: used.columnCount })),
    options,
    (block) => {
      const used = shapes[block.sheet].used;
      const top = used.rowIndex + block.rowOffset;
      const area: CellRange = { top, left: used.columnIndex, bottom: top + block.rowCount - 1, right: used.columnIndex + block.columnCount - 1 };
      return chosen[block.sheet].sheet.getRange(rangeAddress(area));
    },
  );

  return chosen.map(({ info }, i) => {
    const shape = shapes[i];
    const sheetCells = cells.get(i);
    const merges = shape.merged && !shape.merged.isNullObject ? parseAreasAddress(shape.merged.address) : [];
    const tableInfos: TableInfo[] = shape.sheetTables.flatMap((t) => {
      const range = parseRangeAddress(stripSheetPrefix(t.range.address).replace(/\$/g, ''));
      return range ? [{ name: t.name, range, hasHeaderRow: t.hasHeaderRow, columnNames: t.columns.items.map((c) => c.name) }] : [];
    });
    return {
      name: info.name,
      index: info.index,
      visibility: info.visibility,
      top: sheetCells ? shape.used.rowIndex : 0,
      left: sheetCells ? shape.used.columnIndex : 0,
      values: sheetCells?.values ?? [],
      formulas: sheetCells?.formulas ?? [],
      merges,
      tables: tableInfos,
      protected: info.protected,
      marker: markerFrom(shape.marker.values[0]?.[0]),
    };
  });
}

/** One sheet's cells, its blocks joined in row order. */
interface SheetCells {
  values: CellValue[][];
  formulas: (string | null)[][];
}

interface LoadedBlock {
  block: ReadBlock;
  values: unknown[][];
  formulas: unknown[][];
  /** Response size of the block, measured as Excel's JSON would be. */
  bytes: number;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
}

/**
 * Loads the used ranges' cells one planned round trip at a time. The first round trip is planned
 * with the fixed per-cell estimate; each later one with the bytes per cell measured so far (see
 * `nextBytesPerCell`), so a read that fits in one response is still one round trip.
 */
async function loadCells(
  context: Excel.RequestContext,
  shapes: (ReadShape | null)[],
  options: ReadOptions,
  rangeOf: (block: ReadBlock) => Excel.Range,
): Promise<Map<number, SheetCells>> {
  const progress = shapes.map((shape) => (shape ? { ...shape, rowsRead: 0 } : null));
  const bySheet = new Map<number, SheetCells>();
  let bytesRead = 0;
  let cellsRead = 0;
  for (;;) {
    const [next] = planReadSyncs(progress, {
      budgetBytes: options.responseBudgetBytes,
      cellCap: options.cellCap,
      bytesPerCell: options.bytesPerCell ?? nextBytesPerCell(bytesRead, cellsRead),
    });
    if (!next) break;
    for (const { block, values, formulas, bytes } of await loadGroup(context, next, rangeOf)) {
      progress[block.sheet]!.rowsRead += block.rowCount;
      bytesRead += bytes;
      cellsRead += block.rowCount * block.columnCount;
      let cells = bySheet.get(block.sheet);
      if (!cells) {
        cells = { values: [], formulas: [] };
        bySheet.set(block.sheet, cells);
      }
      // A loop, not push(...rows): spreading 100,000+ rows overflows the call stack.
      for (const row of toCellValues(values)) cells.values.push(row);
      for (const row of toFormulas(formulas)) cells.formulas.push(row);
    }
  }
  return bySheet;
}

/**
 * One round trip of blocks, in order. If its response is still over Excel's cap (a sheet of
 * unusually long text) it is split in two and asked again, down to a single row; only then does
 * the error reach the user.
 */
async function loadGroup(
  context: Excel.RequestContext,
  group: ReadBlock[],
  rangeOf: (block: ReadBlock) => Excel.Range,
): Promise<LoadedBlock[]> {
  const ranges = group.map((block) => ({ block, range: rangeOf(block).load('values,formulas') }));
  try {
    await context.sync();
  } catch (error) {
    const halves = errorCode(error) === RESPONSE_TOO_LARGE ? splitReadGroup(group) : null;
    if (!halves) throw error;
    const first = await loadGroup(context, halves[0], rangeOf);
    return first.concat(await loadGroup(context, halves[1], rangeOf));
  }
  return ranges.map(({ block, range }) => ({
    block,
    values: range.values,
    formulas: range.formulas,
    bytes: JSON.stringify(range.values).length + JSON.stringify(range.formulas).length,
  }));
}
