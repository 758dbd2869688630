/**
 * A small row-by-row writer for SheetSpecs, so the report modules read as a list of
 * sections rather than index arithmetic. It only ever writes to the columns it was
 * given (the report width), which keeps column Z free for the adapters' marker.
 */
import { cellAddress, columnLetter, MARKER_CELL, MAX_CELL_CHARS } from '../grid';
import type { SpecCell, SpecRow } from '../sheetSpec';
import type { StyleName } from './styles';
import type { IsoDate } from '../dates';

/** Ends a text cut to fit in one Excel cell, so the reader knows there is more in the source. */
const CUT_NOTE = ' [... cut: longer than an Excel cell can hold]';

/** `text` shortened to Excel's cell limit (without splitting a surrogate pair), or as is. */
function fitInCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS - CUT_NOTE.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT_NOTE;
}

/** User or generated text: always a text cell, so a leading "=" is never a formula. */
export function textCell(value: string, style?: StyleName): SpecCell {
  const text = fitInCell(value);
  return style ? { type: 'text', value: text, style } : { type: 'text', value: text };
}

export function numberCell(value: number, style?: StyleName): SpecCell {
  return style ? { type: 'number', value, style } : { type: 'number', value };
}

/** A real date cell from an ISO date. */
export function dateCell(value: IsoDate, style?: StyleName): SpecCell {
  return style ? { type: 'date', value, style } : { type: 'date', value };
}

/**
 * One report's cells for values that repeat down its tables (owners, statuses, dates, blanks): one
 * object per distinct value and style instead of one per row, which on a 50,000-row register is most
 * of a report's garbage. Made for one report and dropped with it; a cell is never changed once made.
 */
export class CellMemo {
  private readonly texts = new Map<StyleName, Map<string, SpecCell>>();
  private readonly dates = new Map<StyleName, Map<IsoDate, SpecCell>>();

  /** `textCell(value, style)`. */
  text(value: string, style: StyleName): SpecCell {
    return memoCell(this.texts, style, value, textCell);
  }

  /** `dateCell(value, style)`. */
  date(value: IsoDate, style: StyleName): SpecCell {
    return memoCell(this.dates, style, value, dateCell);
  }
}

function memoCell(
  byStyle: Map<StyleName, Map<string, SpecCell>>,
  style: StyleName,
  value: string,
  make: (value: string, style: StyleName) => SpecCell,
): SpecCell {
  let cells = byStyle.get(style);
  if (!cells) byStyle.set(style, (cells = new Map()));
  let cell = cells.get(value);
  if (!cell) cells.set(value, (cell = make(value, style)));
  return cell;
}

/** A fraction 0..1 shown as a percentage. */
export function percentCell(value: number, style?: StyleName): SpecCell {
  return style ? { type: 'percent', value, style } : { type: 'percent', value };
}

/** One piece of a laid-out row: a cell at a 0-based column, optionally merged across `span` columns. */
export interface Part {
  col: number;
  span?: number;
  cell: SpecCell | null;
}

/** Points per line of 11 pt text, for row height estimates. */
const LINE_HEIGHT = 15;

/** Lines a text needs in an area `chars` wide when wrapped (a rough, slightly generous estimate). */
export function wrappedLines(text: string, chars: number): number {
  const usable = Math.max(4, chars - 2);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / usable)), 0);
}

export class SheetBuilder {
  readonly rows: SpecRow[] = [];
  readonly merges: string[] = [];
  readonly width: number;

  /** `widths`: the report's column widths in characters, column A first. */
  constructor(readonly widths: readonly number[]) {
    this.width = widths.length;
    if (this.width > MARKER_CELL.col) throw new Error('A report may not reach the marker column.');
  }

  /** 1-based number of the next row to be written. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  get lastColumnLetter(): string {
    return columnLetter(this.width - 1);
  }

  /** Characters across columns first..last. */
  private span(first: number, last: number): number {
    let n = 0;
    for (let c = first; c <= last && c < this.width; c++) n += this.widths[c];
    return n;
  }

  /**
   * Rows with merged text get an estimated height: neither Excel's autofit nor the adapters'
   * row estimates can be relied on for merged cells. Other rows are left to the host's autofit.
   */
  private push(cells: (SpecCell | null)[], spans: number[] | null, height: number | undefined): number {
    let lines = 1;
    // Plain rows (addRow) have no merged cells to estimate: skip the scan.
    if (spans) {
      for (let col = 0; col < cells.length; col++) {
        const cell = cells[col];
        const merged = (spans[col] ?? 0) > this.widths[col];
        if (merged && cell && cell.type === 'text') lines = Math.max(lines, wrappedLines(String(cell.value), spans[col]));
      }
    }
    const estimated = lines > 1 ? lines * LINE_HEIGHT : undefined;
    const h = height !== undefined && estimated !== undefined ? Math.max(height, estimated) : (height ?? estimated);
    this.rows.push(h ? { cells, height: h } : { cells });
    return this.rows.length;
  }

  /** Writes cells left to right from column A; returns the 1-based row number. */
  addRow(cells: (SpecCell | null)[], height?: number): number {
    // Report rows are built at the report width; copy only a row that is longer.
    const clipped = cells.length > this.width ? cells.slice(0, this.width) : cells;
    return this.push(clipped, null, height);
  }

  /** Writes parts at their columns, merging multi-column parts; returns the 1-based row number. */
  addParts(parts: Part[], height?: number): number {
    const cells: (SpecCell | null)[] = [];
    const spans: number[] = [];
    const rowIndex = this.rows.length; // 0-based index of the row being written
    for (const part of parts) {
      if (part.col >= this.width) continue;
      const last = Math.min(this.width - 1, part.col + Math.max(1, part.span ?? 1) - 1);
      while (cells.length < part.col) cells.push(null);
      cells[part.col] = part.cell;
      spans[part.col] = this.span(part.col, last);
      if (last > part.col) this.merges.push(`${cellAddress(rowIndex, part.col)}:${cellAddress(rowIndex, last)}`);
    }
    return this.push(cells, spans, height);
  }

  /** One cell merged across the whole report width (titles, paragraphs, sub-headings). */
  addWide(cell: SpecCell, height?: number): number {
    return this.addParts([{ col: 0, span: this.width, cell }], height);
  }

  addBlank(): number {
    return this.addRow([]);
  }
}
