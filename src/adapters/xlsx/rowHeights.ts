/**
 * Row heights for generated sheets. Office.js can autofit rows after writing; a file has no
 * layout engine, and LibreOffice (and Excel's print preview of an unopened file) keep the
 * default 15pt height, so wrapped text would be clipped. We estimate the wrapped line count
 * instead. An estimate, not a measurement: it errs on the side of an extra line.
 */
import { parseRangeAddress, type CellRange } from '../../core/grid';
import type { SheetSpec } from '../../core/sheetSpec';

/** Excel's default font size and row height (Calibri 11). */
const DEFAULT_FONT_SIZE = 11;
const DEFAULT_ROW_HEIGHT = 15;
/** Column width is counted in "0" digits; prose averages a little narrower, bold a little wider. */
const CHARS_PER_WIDTH_UNIT = 1.15;
const BOLD_WIDTH_FACTOR = 0.9;

/** Whitespace as the regex \s sees it (word separators), tested without a regex for ASCII. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/** How many lines `text` takes when word-wrapped at `capacity` characters a line. */
export function wrappedLines(text: string, capacity: number): number {
  const cap = Math.max(1, Math.floor(capacity));
  // Most cells fit their column: no need to look at the words.
  if (text.length <= cap && text.indexOf('\n') < 0) return 1;
  // Paragraphs as split(/\r?\n/) gives them, found without a regex or the array it makes.
  let lines = 0;
  for (let start = 0; ;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    lines += paragraphLines(text, start, end > start && text.charCodeAt(end - 1) === 13 && newline >= 0 ? end - 1 : end, cap);
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

/** Lines of the paragraph text[from, to) wrapped at `cap` characters. */
function paragraphLines(text: string, from: number, to: number, cap: number): number {
  let lines = 1;
  if (to - from <= cap) return lines;
  // Scanned by hand: splitting every long cell into words was a visible cost on 10,000-row plans.
  let used = 0;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    const len = i - start;
    if (used === 0) {
      // A word longer than the line breaks across lines.
      lines += Math.ceil(len / cap) - 1;
      used = len % cap || cap;
    } else if (used + 1 + len <= cap) {
      used += 1 + len;
    } else {
      lines += Math.ceil(len / cap);
      used = len % cap || cap;
    }
  }
  return lines;
}

/** Width (in characters) available to the cell at (row, col): the sum of its merge's columns. */
function cellWidth(spec: SheetSpec, row: number, col: number, merges: CellRange[]): number | null {
  const widthOf = (c: number) => spec.columns[c]?.width ?? 8.43;
  for (const m of merges) {
    if (row < m.top || row > m.bottom || col < m.left || col > m.right) continue;
    // A tall merge spreads its text over several rows: leave those rows alone.
    if (m.bottom > m.top || m.top !== row || m.left !== col) return null;
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += widthOf(c);
    return w;
  }
  return widthOf(col);
}

/** The merges that touch each row, so a row without merges skips them (most rows of a long plan). */
function mergesByRow(spec: SheetSpec): Map<number, CellRange[]> {
  const byRow = new Map<number, CellRange[]>();
  for (const address of spec.merges) {
    const m = parseRangeAddress(address);
    if (!m) continue;
    for (let r = m.top; r <= m.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  return byRow;
}

/** What a style means for a row's height: its line height, and how its text wraps. */
interface StyleMetrics {
  lineHeight: number;
  size: number;
  wrap: boolean;
  bold: boolean;
  /** Characters a line holds in each column (not merged), filled as columns are met. */
  capacityByColumn: number[];
}

/**
 * Heights (points) for rows the spec leaves to autofit, when they need more than the default;
 * index = 0-based row. Rows with an explicit height are not estimated.
 */
export function estimateRowHeights(spec: SheetSpec): Map<number, number> {
  const merges = mergesByRow(spec);
  const heights = new Map<number, number>();
  // A plan has a few styles and hundreds of thousands of cells: each style is worked out once.
  const metrics = new Map<string | undefined, StyleMetrics>();
  const metricsOf = (name: string | undefined): StyleMetrics => {
    let m = metrics.get(name);
    if (!m) {
      const style = name ? spec.styles[name] : undefined;
      const size = style?.size ?? DEFAULT_FONT_SIZE;
      // Excel's 15pt row for 11pt text, scaled with the font.
      m = {
        lineHeight: (size * DEFAULT_ROW_HEIGHT) / DEFAULT_FONT_SIZE,
        size,
        wrap: !!style?.wrap,
        bold: !!style?.bold,
        capacityByColumn: [],
      };
      metrics.set(name, m);
    }
    return m;
  };
  const capacityOf = (m: StyleMetrics, width: number) =>
    ((width * CHARS_PER_WIDTH_UNIT * DEFAULT_FONT_SIZE) / m.size) * (m.bold ? BOLD_WIDTH_FACTOR : 1);
  const noMerges: CellRange[] = [];
  const rows = spec.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.height) continue;
    const rowMerges = merges.get(r) ?? noMerges;
    let needed = 0;
    const cells = row.cells;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const m = metricsOf(cell.style);
      let lines = 1;
      if (m.wrap) {
        let capacity: number;
        if (rowMerges.length === 0) {
          capacity = m.capacityByColumn[c] ??= capacityOf(m, spec.columns[c]?.width ?? 8.43);
        } else {
          const width = cellWidth(spec, r, c, rowMerges);
          if (width === null) continue;
          capacity = capacityOf(m, width);
        }
        lines = wrappedLines(String(cell.value), capacity);
      }
      needed = Math.max(needed, lines * m.lineHeight);
    }
    if (needed > DEFAULT_ROW_HEIGHT + 0.5) heights.set(r, Math.ceil(needed));
  }
  return heights;
}
