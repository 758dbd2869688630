/**
 * Pure planning of a generated-sheet write: the values and number-format matrices, style areas
 * (runs of identical style, so formatting is not one call per cell) and the split into requests
 * that stay under Excel on the web's payload limit. No Office.js here, so it is tested directly.
 */
import type { CellRange } from '../../core/grid';
import { isoToSerial } from '../../core/dates';
import type { SheetSpec, SpecCell, SpecRow } from '../../core/sheetSpec';

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
  return Math.max(1, spec.columns.length, ...spec.rows.map((r) => r.cells.length));
}

/** A rectangle of cells sharing one style key. */
export interface StyleArea {
  range: CellRange;
  style: string;
}

/**
 * Rectangles of identical style over rows [from, to): horizontal runs per row, then stacked
 * while the run below has the same columns and style. A uniform table is a handful of areas.
 */
export function styleAreas(rows: SpecRow[], from: number, to: number, width: number): StyleArea[] {
  const done: StyleArea[] = [];
  let open = new Map<string, StyleArea>();
  for (let r = from; r < to; r++) {
    const next = new Map<string, StyleArea>();
    const cells = rows[r]?.cells ?? [];
    let c = 0;
    while (c < width) {
      const style = cells[c]?.style;
      if (!style) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < width && cells[end + 1]?.style === style) end++;
      const k = `${c}:${end}:${style}`;
      const above = open.get(k);
      if (above) {
        above.range.bottom = r;
        open.delete(k);
        next.set(k, above);
      } else next.set(k, { style, range: { top: r, bottom: r, left: c, right: end } });
      c = end + 1;
    }
    for (const a of open.values()) done.push(a);
    open = next;
  }
  for (const a of open.values()) done.push(a);
  return done.sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}

/** "left:right:style" for each run of one style in a row. */
function styleRunKeys(cells: (SpecCell | null)[], width: number): string[] {
  const keys: string[] = [];
  let c = 0;
  while (c < width) {
    const style = cells[c]?.style;
    let end = c;
    while (end + 1 < width && cells[end + 1]?.style === style) end++;
    if (style) keys.push(`${c}:${end}:${style}`);
    c = end + 1;
  }
  return keys;
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
  styles: StyleArea[];
  rowHeights: RowHeightRun[];
}

/** Approximate bytes one formatting call adds to a request (method, ids, address, value). */
const BYTES_PER_FORMAT_CALL = 120;
/** Fixed cost of a request (sheet setup, page layout, merges are counted separately). */
const REQUEST_OVERHEAD_BYTES = 2_000;

/** Estimated request size of a block: the matrices dominate; formatting calls add a fixed cost each. */
export function estimateBlockBytes(block: WriteBlock, styleProperties = 6): number {
  return (
    REQUEST_OVERHEAD_BYTES +
    JSON.stringify(block.values).length +
    JSON.stringify(block.numberFormats).length +
    block.styles.length * styleProperties * BYTES_PER_FORMAT_CALL +
    block.rowHeights.length * BYTES_PER_FORMAT_CALL
  );
}

/**
 * Splits the sheet's rows into blocks whose estimated request stays under `budget` bytes.
 * A sheet that fits is one block, so a small write costs one round trip.
 */
export function planWriteBlocks(spec: SheetSpec, budget = REQUEST_BUDGET_BYTES): WriteBlock[] {
  const width = sheetWidth(spec);
  const rowCount = Math.max(1, spec.rows.length);
  const valueRows: (string | number)[][] = [];
  const formatRows: string[][] = [];
  const rowBytes: number[] = [];
  const rowRuns: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells = spec.rows[r]?.cells ?? [];
    const values: (string | number)[] = [];
    const formats: string[] = [];
    for (let c = 0; c < width; c++) {
      const { value, numberFormat } = cellContent(cells[c]);
      values.push(value);
      formats.push(numberFormat);
    }
    valueRows.push(values);
    formatRows.push(formats);
    rowBytes.push(JSON.stringify(values).length + JSON.stringify(formats).length + 2);
    rowRuns.push(styleRunKeys(cells, width));
  }
  // A style run costs formatting calls only where it starts an area: when the row above in the
  // same block does not have the identical run (the same stacking styleAreas does).
  const STYLE_AREA_BYTES = 6 * BYTES_PER_FORMAT_CALL;

  /** Bytes row r adds to its block; `continues` when row r - 1 is in the same block. */
  const rowCost = (r: number, continues: boolean): number => {
    const above = new Set(continues ? rowRuns[r - 1] : []);
    const height = spec.rows[r]?.height;
    const newHeightRun = height !== undefined && !(continues && spec.rows[r - 1]?.height === height);
    return (
      rowBytes[r] +
      rowRuns[r].filter((k) => !above.has(k)).length * STYLE_AREA_BYTES +
      (newHeightRun ? BYTES_PER_FORMAT_CALL : 0)
    );
  };

  const blocks: WriteBlock[] = [];
  let start = 0;
  // The two matrices' outer brackets.
  const EMPTY_BLOCK_BYTES = REQUEST_OVERHEAD_BYTES + 4;
  let size = EMPTY_BLOCK_BYTES;
  const close = (end: number) => {
    blocks.push({
      first: start,
      last: end - 1,
      values: valueRows.slice(start, end),
      numberFormats: formatRows.slice(start, end),
      styles: styleAreas(spec.rows, start, end, width),
      rowHeights: rowHeightRuns(spec.rows, start, end),
    });
    start = end;
    size = EMPTY_BLOCK_BYTES;
  };
  for (let r = 0; r < rowCount; r++) {
    let cost = rowCost(r, r > start);
    if (r > start && size + cost > budget) {
      close(r);
      cost = rowCost(r, false);
    }
    size += cost;
  }
  close(rowCount);
  return blocks;
}

/** The largest estimated request of a sheet write, for the benchmark to print. */
export function largestRequestEstimate(spec: SheetSpec, budget = REQUEST_BUDGET_BYTES): number {
  return Math.max(...planWriteBlocks(spec, budget).map((b) => estimateBlockBytes(b)));
}
