/**
 * Pure planning of a generated-sheet write: the values and number-format matrices, style areas
 * (runs of identical style, so formatting is not one call per cell) and the split into requests
 * that stay under Excel on the web's payload limit. No Office.js here, so it is tested directly.
 */
import type { CellRange } from '../../core/grid';
import { isoToSerial } from '../../core/dates';
import { sliceEnds } from '../../core/slices';
import type { CellStyle, SheetSpec, SpecCell, SpecRow } from '../../core/sheetSpec';

/** Excel on the web rejects requests over 5 MB; plan for well under it (the estimate is approximate). */
export const REQUEST_BUDGET_BYTES = 3_000_000;

/** Number formats by cell type. "@" makes Excel keep text such as "=HYPERLINK(...)" or "+1" as text. */
export const NUMBER_FORMATS = {
  text: '@',
  number: 'General',
  date: 'yyyy-mm-dd',
  percent: '0%',
  empty: 'General',
} as const;

/** Column width in characters (the SheetSpec unit) -> points (Office.js `format.columnWidth`). */
export function columnWidthPoints(characters: number): number {
  // Excel: pixels = characters * max digit width (7 px in Calibri 11) + 5 px padding; 1 px = 0.75 pt.
  return Math.round((Math.max(0, characters) * 7 + 5) * 0.75 * 100) / 100;
}

/** The value and number format to write for one spec cell. */
export function cellContent(cell: SpecCell | null | undefined): { value: string | number; numberFormat: string } {
  if (!cell) return { value: '', numberFormat: NUMBER_FORMATS.empty };
  switch (cell.type) {
    case 'text':
      return { value: String(cell.value), numberFormat: NUMBER_FORMATS.text };
    case 'date':
      return typeof cell.value === 'string'
        ? { value: isoToSerial(cell.value), numberFormat: NUMBER_FORMATS.date }
        : { value: cell.value, numberFormat: NUMBER_FORMATS.date };
    case 'percent':
      return { value: Number(cell.value), numberFormat: NUMBER_FORMATS.percent };
    default:
      return { value: typeof cell.value === 'number' ? cell.value : Number(cell.value), numberFormat: NUMBER_FORMATS.number };
  }
}

/** Number of columns written: the declared columns or the widest row, at least one. */
export function sheetWidth(spec: SheetSpec): number {
  // A loop, not Math.max(...rows): spreading 200,000 arguments overflows the stack.
  let width = Math.max(1, spec.columns.length);
  for (const row of spec.rows) if (row.cells.length > width) width = row.cells.length;
  return width;
}

/** The style properties the writer sets, each with its own formatting call(s). */
export const FORMAT_PROPERTIES = ['bold', 'italic', 'size', 'color', 'fill', 'wrap', 'hAlign', 'vAlign', 'border'] as const;
export type FormatProperty = (typeof FORMAT_PROPERTIES)[number];

/** A rectangle of cells whose styles all give `property` the same `value`. */
export interface FormatArea {
  range: CellRange;
  property: FormatProperty;
  value: string | number | boolean;
}

/** Formatting calls an area costs: borders take one call per edge (up to six), the rest one. */
export function formatCalls(area: FormatArea): number {
  return area.property === 'border' ? 6 : 1;
}

/** A style's value for each of FORMAT_PROPERTIES (undefined where the style leaves Excel's default). */
type PropertyValues = (string | number | boolean | undefined)[];

function propertyTable(styles: Record<string, CellStyle>): Map<string, PropertyValues> {
  const table = new Map<string, PropertyValues>();
  for (const [name, style] of Object.entries(styles))
    table.set(
      name,
      FORMAT_PROPERTIES.map((p) => style[p]),
    );
  return table;
}

/**
 * Formatting as few calls as possible over rows [from, to): property by property, each column's
 * runs of one value, then side-by-side runs with the same rows joined into rectangles. A table
 * whose cells all have borders is one border area however its cells' colours vary, so only the
 * cells that stand out (a red MISSING, an amber VAGUE) cost calls of their own. Per-cell
 * formatting is the slowest thing an add-in can ask of Excel.
 */
export function formatAreas(rows: SpecRow[], from: number, to: number, width: number, styles: Record<string, CellStyle>): FormatArea[] {
  // Each cell's style looked up once (not once per property): an index into `byStyle`, -1 for none.
  const table = propertyTable(styles);
  const byStyle: PropertyValues[] = [];
  const styleIndex = new Map<string, number>();
  const ids = new Int32Array(Math.max(0, to - from) * width).fill(-1);
  for (let r = from; r < to; r++) {
    const cells = rows[r]?.cells;
    if (!cells) continue;
    for (let c = 0; c < width && c < cells.length; c++) {
      const style = cells[c]?.style;
      if (style === undefined) continue;
      let id = styleIndex.get(style);
      if (id === undefined) {
        const values = table.get(style);
        if (!values) continue;
        styleIndex.set(style, (id = byStyle.length));
        byStyle.push(values);
      }
      ids[(r - from) * width + c] = id;
    }
  }
  const valuesAt = (r: number, c: number): PropertyValues | undefined => {
    const id = ids[(r - from) * width + c];
    return id < 0 ? undefined : byStyle[id];
  };
  const areas: FormatArea[] = [];
  FORMAT_PROPERTIES.forEach((property, p) => {
    // Runs of the column before, by "top:bottom:value", still open for joining.
    let open = new Map<string, FormatArea>();
    for (let c = 0; c < width; c++) {
      const next = new Map<string, FormatArea>();
      let run: FormatArea | null = null;
      const closeRun = () => {
        if (!run) return;
        const key = `${run.range.top}:${run.range.bottom}:${String(run.value)}`;
        const left = open.get(key);
        if (left) {
          left.range.right = c;
          open.delete(key);
          next.set(key, left);
        } else next.set(key, run);
        run = null;
      };
      for (let r = from; r < to; r++) {
        const value = valuesAt(r, c)?.[p];
        if (run !== null && value === (run as FormatArea).value) {
          (run as FormatArea).range.bottom = r;
          continue;
        }
        closeRun();
        if (value !== undefined) run = { range: { top: r, bottom: r, left: c, right: c }, property, value };
      }
      closeRun();
      for (const area of open.values()) areas.push(area);
      open = next;
    }
    for (const area of open.values()) areas.push(area);
  });
  return areas;
}

/** Per column, the property values that start a new run at row r (compared with row r - 1 when `above`). */
function newRunCalls(
  cells: (SpecCell | null)[],
  above: (SpecCell | null)[] | null,
  width: number,
  table: Map<string, PropertyValues>,
): number {
  let calls = 0;
  for (let c = 0; c < width; c++) {
    const style = cells[c]?.style;
    if (style === undefined) continue;
    const mine = table.get(style);
    if (!mine) continue;
    const aboveStyle = above?.[c]?.style;
    if (aboveStyle === style) continue;
    const theirs = aboveStyle === undefined ? undefined : table.get(aboveStyle);
    for (let p = 0; p < FORMAT_PROPERTIES.length; p++) {
      if (mine[p] === undefined || (theirs && theirs[p] === mine[p])) continue;
      calls += FORMAT_PROPERTIES[p] === 'border' ? 6 : 1;
    }
  }
  return calls;
}

/** Consecutive rows of one explicit height. */
export interface RowHeightRun {
  first: number;
  last: number;
  height: number;
}

export function rowHeightRuns(rows: SpecRow[], from: number, to: number): RowHeightRun[] {
  const runs: RowHeightRun[] = [];
  for (let r = from; r < to; r++) {
    const h = rows[r]?.height;
    if (h === undefined) continue;
    const last = runs[runs.length - 1];
    if (last && last.height === h && last.last === r - 1) last.last = r;
    else runs.push({ first: r, last: r, height: h });
  }
  return runs;
}

/** One request's worth of rows: matrices plus the formatting that goes with them. */
export interface WriteBlock {
  /** 0-based first and last row (inclusive). */
  first: number;
  last: number;
  values: (string | number)[][];
  numberFormats: string[][];
  formats: FormatArea[];
  rowHeights: RowHeightRun[];
}

/** Approximate bytes one formatting call adds to a request (method, ids, address, value). */
const BYTES_PER_FORMAT_CALL = 120;
/** Fixed cost of a request (sheet setup, page layout, merges are counted separately). */
const REQUEST_OVERHEAD_BYTES = 2_000;

/** Estimated request size of a block: the matrices dominate; formatting calls add a fixed cost each. */
export function estimateBlockBytes(block: WriteBlock): number {
  let calls = block.rowHeights.length;
  for (const area of block.formats) calls += formatCalls(area);
  return (
    REQUEST_OVERHEAD_BYTES +
    JSON.stringify(block.values).length +
    JSON.stringify(block.numberFormats).length +
    calls * BYTES_PER_FORMAT_CALL
  );
}

/**
 * Splits the sheet's rows into blocks whose estimated request stays under `budget` bytes.
 * A sheet that fits is one block, so a small write costs one round trip.
 */
export function planWriteBlocks(spec: SheetSpec, budget = REQUEST_BUDGET_BYTES): WriteBlock[] {
  return [...writeBlocks(spec, budget)].filter((b): b is WriteBlock => b !== null);
}

/** One row's matrices, estimated bytes and style runs. */
interface PreparedRow {
  cells: (SpecCell | null)[];
  values: (string | number)[];
  formats: string[];
  bytes: number;
}

function prepareRow(cells: (SpecCell | null)[], width: number): PreparedRow {
  const values: (string | number)[] = [];
  const formats: string[] = [];
  for (let c = 0; c < width; c++) {
    const { value, numberFormat } = cellContent(cells[c]);
    values.push(value);
    formats.push(numberFormat);
  }
  return { cells, values, formats, bytes: JSON.stringify(values).length + JSON.stringify(formats).length + 2 };
}

/**
 * `planWriteBlocks`, one block at a time: the writer builds a block, sends it, and only then builds
 * the next, so a 50,000-row sheet never holds the thread for the whole plan (nor its memory).
 * Between blocks it yields `null` every ROWS_PER_SLICE rows: a point where the writer may give the
 * host a turn.
 */
export function* writeBlocks(spec: SheetSpec, budget = REQUEST_BUDGET_BYTES): Generator<WriteBlock | null, void, void> {
  const width = sheetWidth(spec);
  const rowCount = Math.max(1, spec.rows.length);
  const table = propertyTable(spec.styles);
  // The two matrices' outer brackets.
  const EMPTY_BLOCK_BYTES = REQUEST_OVERHEAD_BYTES + 4;

  /** Bytes row r adds to its block; `above` is row r - 1 when it is in the same block. */
  const rowCost = (r: number, row: PreparedRow, above: PreparedRow | null): number => {
    const height = spec.rows[r]?.height;
    const newHeightRun = height !== undefined && !(above && spec.rows[r - 1]?.height === height);
    // A formatting call where a property's run starts in a column (an upper bound: runs that
    // formatAreas joins across columns cost less).
    const calls = newRunCalls(row.cells, above ? above.cells : null, width, table) + (newHeightRun ? 1 : 0);
    return row.bytes + calls * BYTES_PER_FORMAT_CALL;
  };

  let start = 0;
  let size = EMPTY_BLOCK_BYTES;
  let values: (string | number)[][] = [];
  let formats: string[][] = [];
  let above: PreparedRow | null = null;
  const block = (end: number): WriteBlock => ({
    first: start,
    last: end - 1,
    values,
    numberFormats: formats,
    formats: formatAreas(spec.rows, start, end, width, spec.styles),
    rowHeights: rowHeightRuns(spec.rows, start, end),
  });
  for (let r = 0; r < rowCount; r++) {
    if (sliceEnds(r)) yield null;
    const row = prepareRow(spec.rows[r]?.cells ?? [], width);
    let cost = rowCost(r, row, above);
    if (r > start && size + cost > budget) {
      yield block(r);
      start = r;
      size = EMPTY_BLOCK_BYTES;
      values = [];
      formats = [];
      cost = rowCost(r, row, null);
    }
    size += cost;
    values.push(row.values);
    formats.push(row.formats);
    above = row;
  }
  yield block(rowCount);
}

/** The largest estimated request of a sheet write, for the benchmark to print. */
export function largestRequestEstimate(spec: SheetSpec, budget = REQUEST_BUDGET_BYTES): number {
  return Math.max(...planWriteBlocks(spec, budget).map((b) => estimateBlockBytes(b)));
}
