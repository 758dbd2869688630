/**
 * Reading sheets through Office.js in few round trips, whatever the number of sheets: one sync
 * lists sheets and tables, one loads used-range shapes, markers, merges and table ranges for every
 * sheet, then the values and formulas are loaded in row blocks planned by `readPlan.ts`: one sync
 * while the whole read fits in one response (about 4 MB), one more per extra 4 MB beyond that.
 * A used range far larger than a register (A1 and XFD1048576 make 17 billion cells) is first asked
 * where its real cells are (ExcelApi 1.9, two more syncs) and, when mostly empty, read as blocks
 * around them into a sparse grid.
 */
import type { CellRange, CellValue, SheetGrid, TableInfo } from '../../core/grid';
import { MARKER_CELL, MARKER_PREFIX, parseRangeAddress, rangeAddress } from '../../core/grid';
import type { SheetInfo } from '../../core/port';
import { Pacer } from '../../host/pace';
import {
  capBlocks,
  clusterAreas,
  nextBytesPerCell,
  planReadSyncs,
  splitReadGroup,
  MAX_PROBE_AREAS,
  SPARSE_DENSITY,
  SPARSE_PROBE_CELLS,
  type ReadBlock,
  type ReadShape,
} from './readPlan';

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
  /** ExcelApi 1.9: find the real cells of a huge used range (getSpecialCells) instead of reading it whole. */
  specialCells?: boolean;
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

  // Round trips 3-4, only for used ranges far larger than a register: where are the real cells?
  const realAreas = options.specialCells
    ? await probeRealCells(
        context,
        shapes.map(({ used }) => used),
      )
    : new Map<number, CellRange[]>();

  // Round trips 3+ (4+ or 5+ after a probe): values and formulas in blocks, each response under the budget.
  // A sheet is read as its used range, or (when it is mostly empty) as blocks around its real cells.
  const targets: ReadTarget[] = [];
  shapes.forEach(({ used }, sheet) => {
    if (used.isNullObject) return;
    const areas = realAreas.get(sheet);
    const blocks = areas
      ? capBlocks(clusterAreas(areas), options.cellCap)
      : [
          {
            top: used.rowIndex,
            left: used.columnIndex,
            bottom: used.rowIndex + used.rowCount - 1,
            right: used.columnIndex + used.columnCount - 1,
          },
        ];
    for (const area of blocks) targets.push({ sheet, area, values: [], formulas: [] });
  });
  await loadCells(
    context,
    targets.map(({ area }) => ({ rowCount: area.bottom - area.top + 1, columnCount: area.right - area.left + 1 })),
    options,
    (block) => {
      const { sheet, area } = targets[block.sheet];
      const top = area.top + block.rowOffset;
      return chosen[sheet].sheet.getRange(
        rangeAddress({ top, left: area.left, bottom: top + block.rowCount - 1, right: area.left + block.columnCount - 1 }),
      );
    },
    (block, values, formulas) => {
      const target = targets[block.sheet];
      // A loop, not push(...rows): spreading 100,000+ rows overflows the call stack.
      for (const row of toCellValues(values)) target.values.push(row);
      for (const row of toFormulas(formulas)) target.formulas.push(row);
    },
  );

  // A generated report of a 50,000-row register is over a million cells to put together: the host
  // gets a turn between sheets when the budget is spent.
  const pacer = new Pacer();
  const grids: SheetGrid[] = [];
  for (const [i, { info }] of chosen.entries()) {
    await pacer.pause();
    const shape = shapes[i];
    const pieces = targets.filter((t) => t.sheet === i);
    const cells = realAreas.has(i) ? sparseCells(pieces) : (pieces[0] ?? null);
    const merges = shape.merged && !shape.merged.isNullObject ? parseAreasAddress(shape.merged.address) : [];
    const tableInfos: TableInfo[] = shape.sheetTables.flatMap((t) => {
      const range = parseRangeAddress(stripSheetPrefix(t.range.address).replace(/\$/g, ''));
      return range ? [{ name: t.name, range, hasHeaderRow: t.hasHeaderRow, columnNames: t.columns.items.map((c) => c.name) }] : [];
    });
    grids.push({
      name: info.name,
      index: info.index,
      visibility: info.visibility,
      top: cells?.area.top ?? 0,
      left: cells?.area.left ?? 0,
      values: cells?.values ?? [],
      formulas: cells?.formulas ?? [],
      merges,
      tables: tableInfos,
      protected: info.protected,
      marker: markerFrom(shape.marker.values[0]?.[0]),
    });
  }
  return grids;
}

/** One rectangle of a sheet to read, and its rows once read. */
interface ReadTarget {
  sheet: number;
  area: CellRange;
  values: CellValue[][];
  formulas: (string | null)[][];
}

/**
 * Asks Excel (ExcelApi 1.9) where the constants and formulas of every used range over
 * SPARSE_PROBE_CELLS are. One round trip counts them (a tiny response, whatever the sheet); a
 * second, only for sheets whose real cells fill less than SPARSE_DENSITY of the used range, loads
 * their areas. Returns those sheets' areas; every other sheet is read as its used range. Nothing is
 * queued (and no round trip made) when no used range is that large. A sheet of more than
 * MAX_PROBE_AREAS scattered areas, or a probe that fails (a host that refuses it, a response over
 * the cap), leaves the sheet to the capped read of its used range, as before.
 */
async function probeRealCells(context: Excel.RequestContext, used: Excel.Range[]): Promise<Map<number, CellRange[]>> {
  const found = new Map<number, CellRange[]>();
  const probes = used.flatMap((range, sheet) => {
    if (range.isNullObject || range.rowCount * range.columnCount <= SPARSE_PROBE_CELLS) return [];
    const kinds = (['Constants', 'Formulas'] as const).map((kind) => range.getSpecialCellsOrNullObject(kind).load('cellCount,areaCount'));
    return [{ sheet, usedCells: range.rowCount * range.columnCount, kinds }];
  });
  if (!probes.length) return found;
  try {
    await context.sync();
  } catch {
    return found;
  }
  const sparse = probes.flatMap(({ sheet, usedCells, kinds }) => {
    const present = kinds.filter((k) => !k.isNullObject);
    const realCells = present.reduce((n, k) => n + k.cellCount, 0);
    const areaCount = present.reduce((n, k) => n + k.areaCount, 0);
    if (realCells >= usedCells * SPARSE_DENSITY || areaCount > MAX_PROBE_AREAS) return [];
    return [{ sheet, areas: present.map((k) => k.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount')) }];
  });
  if (!sparse.length) return found;
  try {
    await context.sync();
  } catch {
    return found;
  }
  for (const { sheet, areas } of sparse) {
    found.set(
      sheet,
      areas.flatMap((collection) =>
        collection.items.map((a) => ({
          top: a.rowIndex,
          left: a.columnIndex,
          bottom: a.rowIndex + a.rowCount - 1,
          right: a.columnIndex + a.columnCount - 1,
        })),
      ),
    );
  }
  return found;
}

/** Shared by every row without cells in a sparse grid (the grid contract allows it; nobody writes into a grid). */
const NO_CELLS: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const NO_FORMULAS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

/**
 * The blocks read around a sheet's real cells as one grid from its first to its last real cell,
 * each value at its true row and column: rows end at their last cell, rows without cells share
 * one frozen empty array, so A1 + XFD1048576 costs two short rows and a list of row pointers.
 * A row read whole from the grid's left edge is kept as read (trimmed after its last cell), not
 * copied: the pieces are the caller's own arrays, read for this grid and dropped after it.
 */
export function sparseCells(
  pieces: readonly Pick<ReadTarget, 'area' | 'values' | 'formulas'>[],
): Pick<ReadTarget, 'area' | 'values' | 'formulas'> | null {
  // Plain loops: a generated plan or progress report of a 50,000-row register is read this way,
  // well over a million cells in one block of the pane's thread.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { area, values, formulas } of pieces) {
    for (let i = 0; i < values.length; i++) {
      const first = firstCell(values[i], formulas[i]);
      if (first < 0) continue;
      top = Math.min(top, area.top + i);
      bottom = Math.max(bottom, area.top + i);
      left = Math.min(left, area.left + first);
      right = Math.max(right, area.left + lastCell(values[i], formulas[i]));
    }
  }
  if (bottom < 0) return null;
  const values: CellValue[][] = new Array<CellValue[]>(bottom - top + 1).fill(NO_CELLS);
  const formulas: (string | null)[][] = new Array<(string | null)[]>(bottom - top + 1).fill(NO_FORMULAS);
  for (const piece of pieces) {
    for (let i = 0; i < piece.values.length; i++) {
      const valueCells = piece.values[i];
      const formulaCells = piece.formulas[i];
      const first = firstCell(valueCells, formulaCells);
      if (first < 0) continue;
      const last = lastCell(valueCells, formulaCells);
      const r = piece.area.top + i - top;
      const offset = piece.area.left - left;
      if (values[r] === NO_CELLS && offset === 0 && formulaCells?.length === valueCells.length) {
        // The common case, a row read in one piece from the grid's left edge: keep the row as read.
        valueCells.length = last + 1;
        formulaCells.length = last + 1;
        values[r] = valueCells;
        formulas[r] = formulaCells;
        continue;
      }
      if (values[r] === NO_CELLS) {
        values[r] = [];
        formulas[r] = [];
      }
      const valueRow = values[r];
      const formulaRow = formulas[r];
      while (valueRow.length <= offset + last) valueRow.push(null);
      while (formulaRow.length <= offset + last) formulaRow.push(null);
      for (let j = first; j <= last; j++) {
        const v = valueCells[j];
        const f = formulaCells?.[j] ?? null;
        if (v === null && f === null) continue;
        valueRow[offset + j] = v;
        formulaRow[offset + j] = f;
      }
    }
  }
  return { area: { top, left, bottom, right }, values, formulas };
}

/** Index of a row's first cell with a value or a formula, or -1. */
function firstCell(values: readonly CellValue[], formulas: readonly (string | null)[] | undefined): number {
  for (let j = 0; j < values.length; j++) if (values[j] !== null || (formulas?.[j] ?? null) !== null) return j;
  return -1;
}

/** Index of a row's last cell with a value or a formula (the row has one). */
function lastCell(values: readonly CellValue[], formulas: readonly (string | null)[] | undefined): number {
  let j = values.length - 1;
  while (j > 0 && values[j] === null && (formulas?.[j] ?? null) === null) j--;
  return j;
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
 * Loads the blocks' cells one planned round trip at a time, handing each block's rows to `onBlock`
 * in order. The first round trip is planned with the fixed per-cell estimate; each later one with
 * the bytes per cell measured so far (see `nextBytesPerCell`), so a read that fits in one response
 * is still one round trip.
 */
async function loadCells(
  context: Excel.RequestContext,
  shapes: ReadShape[],
  options: ReadOptions,
  rangeOf: (block: ReadBlock) => Excel.Range,
  onBlock: (block: ReadBlock, values: unknown[][], formulas: unknown[][]) => void,
): Promise<void> {
  const progress = shapes.map((shape) => ({ ...shape, rowsRead: 0 }));
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
      progress[block.sheet].rowsRead += block.rowCount;
      bytesRead += bytes;
      cellsRead += block.rowCount * block.columnCount;
      onBlock(block, values, formulas);
    }
  }
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
