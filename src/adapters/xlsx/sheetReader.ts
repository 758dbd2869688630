/**
 * One worksheet part, stream-parsed into what the core's SheetGrid needs: the cells that hold a
 * value or a formula (formatting alone does not count), merges, table parts, protection and our
 * marker. Presents what Office.js `range.values` and `range.formulas` would: dates as serial
 * numbers, errors as their text, rich text as plain text, formula results as values, the cells a
 * merge covers (other than its top-left) blank.
 *
 * The grid is as big as its real cells: rows without cells share one empty row and a row is as
 * long as its last cell, so A1 and XFD1048576 make two cells, not a 17-billion-cell rectangle.
 */
import { MARKER_CELL, MARKER_PREFIX, parseRangeAddress, type CellRange, type CellValue } from '../../core/grid';
import { isOwnHighlightFormula } from '../../core/highlight';
import { displayFormula, shiftFormula } from './formula';
import { attr, decodeOoxmlEscapes, ownString, XmlScanner } from './xml';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Days between the 1900 and 1904 date systems. */
const DATE_1904_OFFSET = 1462;
/** Merges read per sheet; a real sheet has a few hundred, Excel itself slows to a crawl long before this. */
export const MAX_MERGES = 100_000;

export interface SheetReadContext {
  sharedStrings: readonly string[];
  /** True at a cell style index whose number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** A worksheet as read: sparse rows of values and formulas, absolute 0-based coordinates. */
export interface ParsedSheet {
  /** values[row][col], holey: only rows and columns with cells exist. */
  values: CellValue[][];
  formulas: (string | null)[][];
  top: number;
  left: number;
  bottom: number;
  right: number;
  merges: CellRange[];
  protected: boolean;
  marker: string | null;
  /** Relationship ids of the sheet's table parts. */
  tableRelIds: string[];
  /** Conditional-format rules of ours (their formula holds the marker term). */
  ownRules: number;
  /** The grid block, once made (gridBlock). */
  block?: GridBlock;
}

function isoToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  return (ms - EXCEL_EPOCH_UTC) / MS_PER_DAY;
}

/** "AB12" -> column index, without allocating; -1 when not a reference. */
function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  const n = Number(ref.slice(i));
  return Number.isInteger(n) && n > 0 ? n - 1 : -1;
}

const EMPTY_ROW: never[] = Object.freeze([]) as never[];

/** Parses a worksheet fed to it piece by piece: `write` each inflated text piece, then `finish`. */
export class SheetReader {
  private readonly scanner: XmlScanner;
  private readonly valueRows: CellValue[][] = [];
  private readonly formulaRows: (string | null)[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly tableRelIds: string[] = [];
  private readonly sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  private isProtected = false;
  private ownRules = 0;
  /** The formulas of the conditional-format rule being read, or null outside one. */
  private ruleFormula: string | null = null;
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;

  // The cell being read.
  private row = -1;
  private col = -1;
  private inSheetData = false;
  private cellType = '';
  private cellStyle = 0;
  private valueText: string | null = null;
  private formulaText: string | null = null;
  private formulaShared: string | null = null;
  private formulaIsMaster = false;
  private inlineText: string | null = null;
  /** What the text that comes next belongs to. */
  private textTarget: 'v' | 'f' | 't' | 'rule' | null = null;
  private inPhonetic = false;

  constructor(private readonly ctx: SheetReadContext) {
    this.scanner = new XmlScanner({
      open: (name, attrs, selfClosing) => this.open(name, attrs, selfClosing),
      text: (text) => this.text(text),
      close: (name) => this.close(name),
    });
  }

  write(text: string): void {
    this.scanner.write(text);
  }

  private open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = !selfClosing;
        return;
      case 'row': {
        const r = attr(attrs, 'r');
        this.row = r !== null && Number(r) > 0 ? Number(r) - 1 : this.row + 1;
        this.col = -1;
        return;
      }
      case 'c': {
        if (!this.inSheetData) return;
        this.readCellAttrs(attrs);
        const r = this.attrR;
        if (r !== null) {
          const col = refColumn(r);
          const row = refRow(r);
          if (col >= 0) this.col = col;
          else this.col++;
          if (row >= 0) this.row = row;
        } else {
          this.col++;
        }
        this.cellType = this.attrT ?? 'n';
        this.cellStyle = this.attrS === null ? 0 : Number(this.attrS);
        this.valueText = null;
        this.formulaText = null;
        this.formulaShared = null;
        this.formulaIsMaster = false;
        this.inlineText = null;
        if (selfClosing) this.endCell();
        return;
      }
      case 'v':
        if (this.inSheetData && !selfClosing) {
          this.textTarget = 'v';
          this.valueText = '';
        }
        return;
      case 'cfRule':
        this.ruleFormula = selfClosing ? null : '';
        return;
      case 'formula':
        if (this.ruleFormula !== null && !selfClosing) this.textTarget = 'rule';
        return;
      case 'f':
        if (!this.inSheetData) return;
        this.formulaText = '';
        if (attr(attrs, 't') === 'shared') {
          this.formulaShared = attr(attrs, 'si');
          this.formulaIsMaster = attr(attrs, 'ref') !== null;
        }
        if (!selfClosing) this.textTarget = 'f';
        return;
      case 'is':
        if (this.inSheetData) this.inlineText = '';
        return;
      case 'rPh':
        this.inPhonetic = true;
        return;
      case 't':
        if (this.inlineText !== null && !this.inPhonetic && !selfClosing) this.textTarget = 't';
        return;
      case 'mergeCell': {
        const ref = attr(attrs, 'ref');
        const range = ref ? parseRangeAddress(ref) : null;
        if (range && this.merges.length < MAX_MERGES) this.merges.push(range);
        return;
      }
      case 'sheetProtection': {
        const sheet = attr(attrs, 'sheet');
        this.isProtected = sheet === '1' || sheet === 'true';
        return;
      }
      case 'tablePart': {
        const id = attr(attrs, 'id');
        if (id) this.tableRelIds.push(id);
        return;
      }
      default:
    }
  }

  private attrR: string | null = null;
  private attrS: string | null = null;
  private attrT: string | null = null;

  /** A cell's r, s and t attributes in one pass (this runs for every cell; their values hold no entities). */
  private readCellAttrs(attrs: string): void {
    this.attrR = this.attrS = this.attrT = null;
    const n = attrs.length;
    let i = 0;
    while (i < n) {
      while (i < n && attrs.charCodeAt(i) <= 32) i++;
      const eq = attrs.indexOf('=', i);
      if (eq < 0) return;
      let q = eq + 1;
      while (q < n && attrs.charCodeAt(q) <= 32) q++;
      const quote = attrs.charCodeAt(q);
      const end = attrs.indexOf(quote === 39 ? "'" : '"', q + 1);
      if (end < 0) return;
      let nameEnd = eq;
      while (nameEnd > i && attrs.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      if (nameEnd - i === 1) {
        const c = attrs.charCodeAt(i);
        if (c === 114 /* r */) this.attrR = attrs.slice(q + 1, end);
        else if (c === 115 /* s */) this.attrS = attrs.slice(q + 1, end);
        else if (c === 116 /* t */) this.attrT = attrs.slice(q + 1, end);
      }
      i = end + 1;
    }
  }

  private text(text: string): void {
    switch (this.textTarget) {
      case 'v':
        this.valueText += text;
        return;
      case 'f':
        this.formulaText += text;
        return;
      case 't':
        this.inlineText += text;
        return;
      case 'rule':
        this.ruleFormula += ` ${text}`;
        return;
      default:
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'c':
        if (this.inSheetData) this.endCell();
        return;
      case 'v':
      case 'f':
      case 't':
      case 'formula':
        this.textTarget = null;
        return;
      case 'cfRule':
        if (isOwnHighlightFormula(this.ruleFormula)) this.ownRules++;
        this.ruleFormula = null;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
      default:
    }
  }

  private cellValue(): CellValue {
    const v = this.valueText;
    switch (this.cellType) {
      case 's': {
        if (v === null) return null;
        const s = this.ctx.sharedStrings[Number(v)];
        return s === undefined ? null : s;
      }
      case 'inlineStr':
        return this.inlineText === null ? null : ownString(decodeOoxmlEscapes(this.inlineText));
      case 'str':
        return v === null ? null : ownString(decodeOoxmlEscapes(v));
      case 'b':
        return v === null ? null : v.trim() === '1' || v.trim() === 'true';
      case 'e':
        return v === null ? null : v.trim();
      case 'd':
        return v === null ? null : isoToSerial(v.trim());
      default: {
        if (v === null || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return null;
        // A 1904-system workbook counts dates from 1904; the core counts them from 1900.
        return this.ctx.date1904 && this.ctx.dateStyles[this.cellStyle] ? n + DATE_1904_OFFSET : n;
      }
    }
  }

  private cellFormula(): string | null {
    if (this.formulaText === null) return null;
    const shared = this.formulaShared;
    if (shared !== null) {
      if (this.formulaIsMaster && this.formulaText !== '') {
        this.sharedMasters.set(shared, { formula: this.formulaText, row: this.row, col: this.col });
        return ownString(displayFormula(this.formulaText));
      }
      const master = this.sharedMasters.get(shared);
      if (master) return ownString(displayFormula(shiftFormula(master.formula, this.row - master.row, this.col - master.col)));
    }
    return this.formulaText === '' ? null : ownString(displayFormula(this.formulaText));
  }

  private endCell(): void {
    const row = this.row;
    const col = this.col;
    if (row < 0 || col < 0 || row > 1_048_575 || col > 16_383) return;
    const formula = this.cellFormula();
    const value = this.cellValue();
    this.textTarget = null;
    if (formula === null && (value === null || value === '')) return;
    let values = this.valueRows[row];
    if (!values) {
      values = this.valueRows[row] = [];
      this.formulaRows[row] = [];
    }
    values[col] = value;
    this.formulaRows[row][col] = formula;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  finish(): ParsedSheet {
    this.scanner.end();
    this.blankMergedCells();
    const markerRow = this.valueRows[MARKER_CELL.row];
    const markerValue = markerRow ? markerRow[MARKER_CELL.col] : undefined;
    return {
      values: this.valueRows,
      formulas: this.formulaRows,
      top: this.top,
      left: this.left,
      bottom: this.bottom,
      right: this.right,
      merges: this.merges,
      protected: this.isProtected,
      marker: typeof markerValue === 'string' && markerValue.startsWith(MARKER_PREFIX) ? markerValue : null,
      tableRelIds: this.tableRelIds,
      ownRules: this.ownRules,
    };
  }

  /**
   * Blanks the cells a merge covers other than its top-left, as Office.js reports them. Only rows
   * that have cells are visited, and in each only as far as its last cell: a merge over a million
   * empty rows costs nothing, and 20,000 merges cost a pass over their own cells.
   */
  private blankMergedCells(): void {
    if (this.merges.length === 0) return;
    const rows = this.valueRows;
    // The rows that have cells, in order: each merge visits only those within its span.
    const present: number[] = [];
    rows.forEach((_, r) => present.push(r));
    for (const m of this.merges) {
      let lo = 0;
      let hi = present.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (present[mid] < m.top) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < present.length && present[k] <= m.bottom; k++) {
        const r = present[k];
        const values = rows[r];
        const formulas = this.formulaRows[r];
        const end = Math.min(m.right, values.length - 1);
        for (let c = m.left; c <= end; c++) {
          if ((r === m.top && c === m.left) || values[c] === undefined) continue;
          values[c] = undefined as unknown as CellValue;
          formulas[c] = undefined as unknown as null;
        }
      }
    }
  }
}

/** Cells (filled and empty) a grid block may hold; beyond it a sheet is refused as too large. */
export const MAX_GRID_SLOTS = 25_000_000;

export class GridTooLargeError extends Error {
  constructor() {
    super('The sheet spreads its cells over too large an area.');
    this.name = 'GridTooLargeError';
  }
}

/**
 * The parsed sheet as the core's grid block, rows relative to its first real row and column.
 * A full rectangle (what Office.js gives) while it is no bigger than a few times the real cells;
 * beyond that (cells scattered far apart) rows end at their last cell and rows without cells
 * share one frozen empty row, as the grid contract allows (core/grid.ts).
 */
export function gridBlock(parsed: ParsedSheet): GridBlock {
  if (parsed.block) return parsed.block;
  // After merges were blanked the real extent may have shrunk; find it again from what is left.
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  let cells = 0;
  for (let r = parsed.top; r <= parsed.bottom; r++) {
    const row = parsed.values[r];
    if (!row) continue;
    let last = -1;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) continue;
      cells++;
      if (c < left) left = c;
      last = c;
    }
    if (last < 0) continue;
    if (r < top) top = r;
    bottom = r;
    if (last > right) right = last;
  }
  if (bottom < 0) return (parsed.block = { top: 0, left: 0, values: [], formulas: [] });
  const width = right - left + 1;
  const rectangle = (bottom - top + 1) * width;
  const ragged = rectangle > Math.max(RECTANGLE_ALWAYS, cells * RECTANGLE_PER_CELL);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let slots = 0;
  // The parsed rows become the grid's rows (filled out in place), so the sheet is held once, not twice.
  for (let r = top; r <= bottom; r++) {
    let row = parsed.values[r];
    let fRow = parsed.formulas[r];
    let last = row ? row.length - 1 : -1;
    while (last >= 0 && row![last] === undefined) last--;
    const length = ragged ? last - left + 1 : width;
    if (length <= 0) {
      values.push(EMPTY_ROW);
      formulas.push(EMPTY_ROW);
      continue;
    }
    slots += length;
    if (slots > MAX_GRID_SLOTS) throw new GridTooLargeError();
    if (!row) {
      row = [];
      fRow = [];
    } else if (left > 0) {
      row = row.slice(left);
      fRow = fRow.slice(left);
    }
    row.length = Math.min(row.length, length);
    fRow.length = Math.min(fRow.length, length);
    for (let c = 0; c < length; c++) {
      if (row[c] === undefined) row[c] = null;
      if (fRow[c] === undefined) fRow[c] = null;
    }
    values.push(row);
    formulas.push(fRow);
  }
  // The holey rows are gone into the block; keep only the block.
  parsed.values = [];
  parsed.formulas = [];
  return (parsed.block = { top, left, values, formulas });
}

export interface GridBlock {
  top: number;
  left: number;
  values: CellValue[][];
  formulas: (string | null)[][];
}

/** A rectangle of up to this many cells is always filled out. */
const RECTANGLE_ALWAYS = 1_000_000;
/** Beyond that, only while it is at most this many times the real cells. */
const RECTANGLE_PER_CELL = 4;
