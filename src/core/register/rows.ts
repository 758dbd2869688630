/**
 * Reads the data rows under a header into Entries. A risk spanning several rows through
 * vertical merges is one Entry; rows holding only formulas (an unfilled template) are not risks;
 * every other non-empty row that is not a risk yields an issue naming its cell.
 *
 * The read runs as named steps over explicit state: find the last filled row, the merged blocks,
 * the column scales, then read one entry at a time, then report what lies below the table.
 */
import { cellAddress, columnLetter, isBlank, type CellValue, type SheetGrid } from '../grid';
import {
  ROLES,
  type ColumnMatch,
  type DateValue,
  type Entry,
  type ReadIssue,
  type Role,
  type ScaleInfo,
  type ScaleValue,
  type TableKind,
} from '../model';
import { ROWS_PER_SLICE, sliceEnds, type Sliced } from '../slices';
import {
  dateOrderOf,
  isDatePlaceholder,
  isOwnerPlaceholder,
  parseDate,
  readRating,
  resolveDate,
  ScaleTally,
  statusOf,
  ValueMemo,
  type DateOrder,
} from './values';
import { cellText, isErrorValue, normalizeWords, quoteShort } from './text';
import { roleWords } from './mapping';

const RATING_ROLES = ['likelihood', 'impact', 'level', 'residualLikelihood', 'residualImpact', 'residualLevel'] as const;
type RatingRole = (typeof RATING_ROLES)[number];
const DATE_ROLES = ['dueDate', 'completedDate', 'verifiedDate', 'reviewDate'] as const;
type DateRole = (typeof DATE_ROLES)[number];
/** Blank rows after the last risk that end the table (a legend or matrix often sits below). */
const TABLE_END_GAP = 3;
// A row is a risk (or CAP item) when it has text as a risk, threat, vulnerability, asset or action,
// or an ID plus any other mapped value. Text roles (id, risk, asset...) are joined across the rows of a
// merged block; ratings, dates, status and score take the block's first non-blank value.

export interface RowsResult {
  entries: Entry[];
  issues: ReadIssue[];
  scales: Partial<Record<Role, ScaleInfo>>;
  /** 1-based first data row and last real data row (headerRow when there is none). */
  firstRow: number;
  lastRow: number;
}

/** Reads every data row below `headerRow` (0-based absolute), pausing every ROWS_PER_SLICE rows of each pass over the sheet. */
export function* readRowsSliced(
  grid: SheetGrid,
  headerRow: number,
  columns: Partial<Record<Role, ColumnMatch>>,
  kind: TableKind,
  memo: ValueMemo = new ValueMemo(),
): Sliced<RowsResult> {
  const table = tableOf(grid, headerRow, columns, kind, memo);
  const lastIdx = yield* lastFilledRow(table);
  const merges = yield* mergedBlocks(table, headerRow);
  const { scales, dateOrders } = yield* columnScales(table, lastIdx);
  const reader = readerOf(table, lastIdx, merges, scales, dateOrders);
  while (reader.i <= lastIdx) {
    readUntil(reader, reader.i + ROWS_PER_SLICE);
    if (reader.belowAt >= 0) {
      yield* reportBelowTable(reader, reader.belowAt);
      break;
    }
    if (reader.i <= lastIdx) yield;
  }
  flushTemplate(reader);

  // The first entry, past guidance rows and section dividers under the header.
  const entries = reader.entries;
  const firstRow = entries.length > 0 ? entries[0].row : headerRow + 2;
  return {
    entries,
    issues: table.issues,
    scales,
    firstRow,
    lastRow: reader.lastEntryIdx >= 0 ? reader.lastEntryIdx + table.top + 1 : headerRow + 1,
  };
}

/** What every step reads about the table, fixed for the whole read, and the issues list they add to. */
interface Table {
  readonly sheet: string;
  readonly kind: TableKind;
  readonly top: number;
  readonly left: number;
  readonly values: CellValue[][];
  readonly formulas: (string | null)[][] | null;
  readonly merges: SheetGrid['merges'];
  readonly columns: Partial<Record<Role, ColumnMatch>>;
  /** Every role's index into a row array (col - grid.left), -1 when not mapped: a cell is `row[c]`. */
  readonly C: Record<Role, number>;
  /** The mapped columns, as parallel arrays in mapping order, for the per-row loops. */
  readonly mappedRoles: Role[];
  readonly mappedIdx: number[];
  /** Column letters by row index, computed once: building "H7" for every cell of 50,000 rows must stay cheap. */
  readonly letterAt: string[];
  /** 0-based index into `values` of the first row under the header. */
  readonly firstIdx: number;
  /** `entry.cells` for this table's mapped roles. */
  readonly EntryCells: EntryCellsClass;
  /** The read's memo of parsed values (see ValueMemo). */
  readonly memo: ValueMemo;
  /** Stated scores, shared within the read (a score column repeats a few numbers). */
  readonly statedScores: Map<CellValue, { raw: CellValue; value: number }>;
  readonly issues: ReadIssue[];
}

function tableOf(grid: SheetGrid, headerRow: number, columns: Partial<Record<Role, ColumnMatch>>, kind: TableKind, memo: ValueMemo): Table {
  const mapped = (Object.values(columns) as ColumnMatch[]).filter(Boolean);
  const letterAt: string[] = [];
  for (const m of mapped) letterAt[m.col - grid.left] = columnLetter(m.col);
  const mappedRoles = mapped.map((m) => m.role);
  return {
    sheet: grid.name,
    kind,
    top: grid.top,
    left: grid.left,
    values: grid.values,
    formulas: grid.formulas ?? null,
    merges: grid.merges,
    columns,
    C: columnIndexes(columns, grid.left),
    mappedRoles,
    mappedIdx: mapped.map((m) => m.col - grid.left),
    letterAt,
    firstIdx: Math.max(0, headerRow + 1 - grid.top),
    EntryCells: entryCellsClass(
      mappedRoles,
      mapped.map((m) => letterAt[m.col - grid.left]),
    ),
    memo,
    statedScores: new Map(),
    issues: [],
  };
}

function valueAt(t: Table, idx: number, c: number): CellValue {
  const v = t.values[idx]?.[c];
  return v === undefined ? null : v;
}

function formulaAt(t: Table, idx: number, c: number): string | null {
  return t.formulas?.[idx]?.[c] ?? null;
}

function rowHasFormula(t: Table, idx: number): boolean {
  const f = t.formulas?.[idx];
  if (!f) return false;
  for (let c = 0; c < f.length; c++) if (f[c]) return true;
  return false;
}

/** Step 1: the last non-blank row index, found from the bottom so trailing empty rows cost one check each. */
function* lastFilledRow(t: Table): Sliced<number> {
  let lastIdx = t.values.length - 1;
  for (let seen = 1; lastIdx >= t.firstIdx && !rowHasValue(t.values[lastIdx]) && !rowHasFormula(t, lastIdx); seen++) {
    lastIdx--;
    if (sliceEnds(seen)) yield;
  }
  return lastIdx;
}

interface Merges {
  /** First row index of a merged block -> its last row index: the block is one entry. */
  blockEnd: Map<number, number>;
  /** "row:col" -> the value a row inherits from a vertical merge it is not one entry with. */
  inherited: Map<string, CellValue>;
}

/** Step 2: vertical merges that start on a data row and cover an anchor column make one multi-row entry. */
function* mergedBlocks(t: Table, headerRow: number): Sliced<Merges> {
  const { C, values, top, left } = t;
  const anchorCols: number[] = [];
  if (C.id >= 0) anchorCols.push(C.id);
  if (C.risk >= 0 && C.risk !== C.id) anchorCols.push(C.risk);
  if (anchorCols.length === 0) for (const c of new Set(t.mappedIdx)) anchorCols.push(c);
  const blockEnd = new Map<number, number>();
  const inherited = new Map<string, CellValue>();
  const ratingIdx = [C.likelihood, C.impact, C.score, C.level].filter((c) => c >= 0);
  /** True when rows below the first of a merged block carry ratings of their own: then they are separate risks. */
  const innerRowsRated = (first: number, last: number): boolean => {
    let rated = 0;
    for (let k = first + 1; k <= last; k++) if (ratingIdx.some((c) => !isBlank(values[k]?.[c] ?? null))) rated++;
    return ratingIdx.length > 0 && rated > 0 && rated >= (last - first) / 2;
  };
  for (let n = 0; n < t.merges.length; n++) {
    if (sliceEnds(n)) yield;
    const m = t.merges[n];
    if (m.bottom <= m.top || m.top < headerRow + 1) continue;
    let covers = false;
    for (const c of anchorCols) if (c + left >= m.left && c + left <= m.right) covers = true;
    if (!covers) continue;
    const idx = m.top - top;
    if (innerRowsRated(m.top - top, m.bottom - top)) {
      // Each row is its own risk (its own ratings) and shares the merged text: a hazard over its circumstances.
      for (let k = idx + 1; k <= m.bottom - top; k++) {
        for (let c = m.left; c <= m.right; c++) inherited.set(`${k}:${c - left}`, values[idx]?.[c - left] ?? null);
      }
      continue;
    }
    blockEnd.set(idx, Math.max(blockEnd.get(idx) ?? idx, m.bottom - top));
  }
  return { blockEnd, inherited };
}

interface ColumnScales {
  scales: Partial<Record<Role, ScaleInfo>>;
  /** The day/month order each date column shows, so "03/04/2026" reads like the "28/02/2026" above it. */
  dateOrders: Map<number, DateOrder>;
}

/**
 * Step 3: scales come from the whole column, so "3" reads the same on every row: one pass feeds every
 * rating column. Text dates are looked at in the same pass: how many read day-first, how many month-first.
 */
function* columnScales(t: Table, lastIdx: number): Sliced<ColumnScales> {
  const { columns, values, firstIdx, left } = t;
  const scaleRoles = ([...RATING_ROLES, 'score'] as Role[]).filter((role) => columns[role]);
  const scaleCols = scaleRoles.map((role) => columns[role]!.col - left);
  const tallies = scaleRoles.map(() => new ScaleTally(t.memo));
  const dateCols = ([...DATE_ROLES, 'originalDueDate'] as Role[]).filter((role) => columns[role]).map((role) => columns[role]!.col - left);
  const dayFirst = dateCols.map(() => 0);
  const monthFirst = dateCols.map(() => 0);
  for (let i = firstIdx; i <= lastIdx; i++) {
    if (sliceEnds(i - firstIdx)) yield;
    const row = values[i];
    if (!row) continue;
    for (let j = 0; j < scaleCols.length; j++) {
      const v = row[scaleCols[j]];
      if (v !== undefined) tallies[j].add(v);
    }
    for (let j = 0; j < dateCols.length; j++) {
      const v = row[dateCols[j]];
      if (typeof v !== 'string') continue;
      const order = dateOrderOf(v, t.memo);
      if (order === 'day-first') dayFirst[j]++;
      else if (order === 'month-first') monthFirst[j]++;
    }
  }
  const scales: Partial<Record<Role, ScaleInfo>> = {};
  for (let j = 0; j < scaleRoles.length; j++) {
    const s = tallies[j].scale(columns[scaleRoles[j]]!.header);
    if (s) scales[scaleRoles[j]] = s;
  }
  const dateOrders = new Map<number, DateOrder>();
  for (let j = 0; j < dateCols.length; j++) {
    if (dayFirst[j] > 0 && monthFirst[j] === 0) dateOrders.set(dateCols[j], 'day-first');
    if (monthFirst[j] > 0 && dayFirst[j] === 0) dateOrders.set(dateCols[j], 'month-first');
  }
  return { scales, dateOrders };
}

/**
 * The table, what the first steps found, and the cursor of the row-by-row read. The block being read is
 * rows cur..curEnd (`curRow` = values[cur]); the block helpers read it without allocating per row.
 */
interface Reader extends Table {
  readonly lastIdx: number;
  readonly blockEnd: Map<number, number>;
  readonly inherited: Map<string, CellValue>;
  readonly dateOrders: Map<number, DateOrder>;
  readonly ratingScales: Record<RatingRole, ScaleInfo | null>;
  /** "Closed POA&M Items", "Completed": a tracker's items there are done even without a status column. */
  readonly closedSheet: boolean;
  readonly entries: Entry[];
  /** Next row index to read. */
  i: number;
  cur: number;
  curEnd: number;
  curRow: CellValue[];
  /** Row number of `cur` as text ("7"), made once per row for every address on it. */
  curLabel: string;
  /** Row index where firstValue found its value. */
  foundIdx: number;
  /** Last row index of the last entry read, -1 before the first. */
  lastEntryIdx: number;
  blankRun: number;
  /** Row index where the table ended and something else starts below it, once found. */
  belowAt: number;
  /** The run of formula-only rows (an unfilled template) not yet reported, -1 when none. */
  templateStart: number;
  templateEnd: number;
  templateCell: string;
}

function readerOf(
  t: Table,
  lastIdx: number,
  merges: Merges,
  scales: Partial<Record<Role, ScaleInfo>>,
  dateOrders: Map<number, DateOrder>,
): Reader {
  const scaleOf = (role: RatingRole): ScaleInfo | null => scales[role] ?? null;
  return {
    ...t,
    lastIdx,
    blockEnd: merges.blockEnd,
    inherited: merges.inherited,
    dateOrders,
    ratingScales: {
      likelihood: scaleOf('likelihood'),
      impact: scaleOf('impact'),
      level: scaleOf('level'),
      residualLikelihood: scaleOf('residualLikelihood'),
      residualImpact: scaleOf('residualImpact'),
      residualLevel: scaleOf('residualLevel'),
    },
    closedSheet: t.kind === 'cap' && t.C.status < 0 && isClosedSheetName(t.sheet),
    entries: [],
    i: t.firstIdx,
    cur: 0,
    curEnd: 0,
    curRow: [],
    curLabel: '',
    foundIdx: 0,
    lastEntryIdx: -1,
    blankRun: 0,
    belowAt: -1,
    templateStart: -1,
    templateEnd: -1,
    templateCell: '',
  };
}

function itemWord(r: Table): string {
  return r.kind === 'cap' ? 'corrective action' : 'risk';
}

/** Reports the pending run of formula-only rows, if any. */
function flushTemplate(r: Reader): void {
  if (r.templateStart < 0) return;
  const a = r.templateStart + r.top + 1;
  const b = r.templateEnd + r.top + 1;
  r.issues.push({
    sheet: r.sheet,
    cell: r.templateCell,
    message:
      a === b
        ? `Row ${a} holds only formulas and no typed content (an empty template row); it was not read as a ${itemWord(r)}.`
        : `Rows ${a}-${b} hold only formulas and no typed content (an empty template); they were not read as ${r.kind === 'cap' ? 'corrective actions' : 'risks'}.`,
    severity: 'info',
  });
  r.templateStart = -1;
}

function markTemplateRow(r: Reader, idx: number, cell: string): void {
  if (r.templateStart < 0) {
    r.templateStart = idx;
    r.templateCell = cell;
  }
  r.templateEnd = idx;
}

function isStringCell(t: Table, idx: number, c: number): boolean {
  if (c < 0) return false;
  const v = valueAt(t, idx, c);
  return typeof v === 'string' && v.trim() !== '' && !isErrorValue(v);
}

/** A gap of several blank rows after the risks ends the table, unless what follows looks like more risks. */
function continuesTable(t: Table, idx: number): boolean {
  let filled = 0;
  for (const c of t.mappedIdx) if (!isBlank(valueAt(t, idx, c))) filled++;
  const { C } = t;
  const anchor =
    C.id >= 0
      ? isStringCell(t, idx, C.id) || typeof valueAt(t, idx, C.id) === 'number'
      : isStringCell(t, idx, C.risk >= 0 ? C.risk : C.action);
  return anchor && filled >= Math.ceil(t.mappedIdx.length / 2);
}

/** Text of a column over the block, continuation rows joined by newlines. */
function blockText(r: Reader, c: number): string | null {
  if (c < 0) return null;
  if (r.curEnd === r.cur) {
    let v = r.curRow[c];
    if ((v === undefined || v === null) && r.inherited.size > 0) v = r.inherited.get(`${r.cur}:${c}`) ?? null;
    return v === undefined || isErrorValue(v) ? null : cellText(v);
  }
  let out: string | null = null;
  for (let k = r.cur; k <= r.curEnd; k++) {
    const v = valueAt(r, k, c);
    if (isErrorValue(v)) continue;
    const t = cellText(v);
    if (t !== null) out = out === null ? t : `${out}\n${t}`;
  }
  return out;
}

/** First non-blank value of a column over the block (merged values sit in the top cell); sets `foundIdx`. */
function firstValue(r: Reader, c: number): CellValue {
  r.foundIdx = r.cur;
  if (c < 0) return null;
  const v = r.curRow[c];
  if (v !== undefined && !isBlank(v)) return v;
  for (let k = r.cur + 1; k <= r.curEnd; k++) {
    const w = valueAt(r, k, c);
    if (!isBlank(w)) {
      r.foundIdx = k;
      return w;
    }
  }
  return null;
}

/** "H7" for a cell of the block. */
function addrOf(r: Reader, idx: number, c: number): string {
  return r.letterAt[c] + (idx === r.cur ? r.curLabel : String(idx + r.top + 1));
}

function rating(r: Reader, role: RatingRole): ScaleValue | null {
  const c = r.C[role];
  const v = firstValue(r, c);
  if (v === null || isErrorValue(v)) return null;
  const read = readRating(v, r.ratingScales[role], r.memo);
  if (typeof read !== 'string') return read;
  const addr = addrOf(r, r.foundIdx, c);
  r.issues.push({ sheet: r.sheet, cell: addr, message: `${addr}: ${read}.`, severity: 'warning' });
  return null;
}

/** With a revised and an original due date, the revised one counts when it holds a date. */
function dueDateOf(r: Reader): DateValue | null {
  const due = date(r, r.C.dueDate, 'dueDate');
  if (r.C.originalDueDate < 0 || (due !== null && due.iso !== null)) return due;
  const original = date(r, r.C.originalDueDate, 'dueDate');
  return original !== null && original.iso !== null ? original : due;
}

function date(r: Reader, c: number, role: DateRole): DateValue | null {
  const v = firstValue(r, c);
  if (v === null || isErrorValue(v)) return null;
  const d = parseDate(v, r.memo);
  if (d === null || d.kind === 'date' || d.kind === 'relative') return d;
  const order = d.kind === 'ambiguous' ? r.dateOrders.get(c) : undefined;
  const iso = order ? resolveDate(d.text, order) : null;
  if (iso) return { raw: d.raw, text: d.text, iso, kind: 'date' };
  const addr = addrOf(r, r.foundIdx, c);
  if (d && d.kind === 'ambiguous') {
    r.issues.push({
      sheet: r.sheet,
      cell: addr,
      message: `${addr}: "${d.text}" could be read day-first or month-first, so the ${roleWords(role)} was not guessed; type it as YYYY-MM-DD or use a date cell.`,
      severity: 'warning',
    });
  } else if (d && d.kind === 'invalid' && !isDatePlaceholder(d)) {
    r.issues.push({
      sheet: r.sheet,
      cell: addr,
      message: `${addr}: ${quoteShort(d.text)} is not a date we can read as the ${roleWords(role)}.`,
      severity: 'warning',
    });
  }
  return d;
}

/**
 * Step 4: reads rows from `r.i` up to `stop` (a row index: a merged block moves `i` past several rows at
 * once), stopping early where the table ends (`r.belowAt`). A plain function called once per slice, not a
 * loop in the generator: V8 optimizes a long loop in a plain function while it runs, but runs one inside a
 * generator several times slower.
 */
function readUntil(r: Reader, stop: number): void {
  const { values, top, left, lastIdx } = r;
  for (; r.i <= lastIdx && r.i < stop; r.i++) {
    const i = r.i;
    const row = values[i];
    if (!rowHasValue(row)) {
      // Formulas whose results are blank (never calculated, or ""): an unfilled template row.
      if (rowHasFormula(r, i)) markTemplateRow(r, i, cellAddress(i + top, r.formulas![i].findIndex((f) => !!f) + left));
      else r.blankRun++;
      continue;
    }
    const gap = r.blankRun;
    r.blankRun = 0;
    if (r.lastEntryIdx < 0 && isInstructionRow(row)) {
      const cell = cellAddress(i + top, firstNonBlankCol(row) + left);
      r.issues.push({
        sheet: r.sheet,
        cell,
        message: `Row ${i + top + 1} explains how to fill the columns (guidance or an example), so it was not read as a ${itemWord(r)}.`,
        severity: 'info',
      });
      continue;
    }
    // Blank rows then "Legend" / "Notes": what follows is not the table, however short the gap.
    if (r.lastEntryIdx >= 0 && ((gap >= TABLE_END_GAP && !continuesTable(r, i)) || (gap >= 1 && startsNote(row)))) {
      flushTemplate(r);
      r.belowAt = i;
      return;
    }
    r.cur = i;
    r.curEnd = Math.min(r.blockEnd.get(i) ?? i, lastIdx);
    r.curRow = row;
    r.curLabel = String(i + top + 1);
    const entry = readEntry(r);
    if (entry === null) continue;
    r.entries.push(entry);
    r.lastEntryIdx = r.curEnd;
    r.i = r.curEnd;
  }
}

/**
 * Reads the block at the cursor as one entry, or returns null for a total row, a formula-only template
 * row or a row with no risk in it (reporting each). Not a risk: its merged neighbours are then judged row
 * by row, so each gets its own verdict.
 */
function readEntry(r: Reader): Entry | null {
  const { C, sheet, top, left, cur: i, curEnd: end, curRow: row } = r;
  // Plain locals, not an object of texts per row: 50,000 rows would make 50,000 of them.
  const id = blockText(r, C.id);
  const risk = blockText(r, C.risk);
  const asset = blockText(r, C.asset);
  const threat = blockText(r, C.threat);
  const vulnerability = blockText(r, C.vulnerability);
  const action = blockText(r, C.action);
  if (isTotalRow(id, risk)) {
    r.issues.push({
      sheet,
      cell: cellAddress(i + top, firstNonBlankCol(row) + left),
      message: `Row ${i + top + 1} is a total, not a ${itemWord(r)}; it was not read as one.`,
      severity: 'info',
    });
    return null;
  }
  const substance = risk !== null || threat !== null || vulnerability !== null || asset !== null || action !== null;
  if (!substance && !isIdWithValues(r, id)) return null;
  flushTemplate(r);

  const cells = new r.EntryCells(r.curLabel);
  reportUnreadableCells(r);

  // The owner text is already trimmed and non-blank (or null), which is all the placeholder test needs.
  const ownerText = blockText(r, C.owner);
  const owner = ownerText !== null && !isOwnerPlaceholder(ownerText, r.memo) ? ownerText : null;
  const statusValue = firstValue(r, C.status);
  const statusText = isErrorValue(statusValue) ? null : cellText(statusValue);
  const status = statusText === null ? null : statusOf(statusText, r.memo);
  if (statusText !== null && status === null) {
    const addr = addrOf(r, r.foundIdx, C.status);
    r.issues.push({
      sheet,
      cell: addr,
      message: `${addr}: the status ${quoteShort(statusText)} is not one we recognize (e.g. Open, In Progress, Complete); it was left unclassified.`,
      severity: 'warning',
    });
  }

  let statedScore: Entry['statedScore'] = null;
  if (C.score >= 0) {
    const v = firstValue(r, C.score);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : null;
    if (n !== null && Number.isFinite(n)) statedScore = statedScoreOf(r, v!, n);
    else if (v !== null && !isErrorValue(v)) {
      const addr = addrOf(r, r.foundIdx, C.score);
      r.issues.push({ sheet, cell: addr, message: `${addr}: the score ${quoteShort(String(v))} is not a number.`, severity: 'info' });
    }
  }

  const statusOnSheet = status === null && statusText === null && r.closedSheet ? 'Complete' : status;
  return {
    sheet,
    row: i + top + 1,
    rowSpan: end - i + 1,
    id,
    risk,
    asset,
    threat,
    vulnerability,
    category: blockText(r, C.category),
    likelihood: rating(r, 'likelihood'),
    impact: rating(r, 'impact'),
    statedScore,
    statedLevel: rating(r, 'level'),
    residualLikelihood: rating(r, 'residualLikelihood'),
    residualImpact: rating(r, 'residualImpact'),
    residualLevel: rating(r, 'residualLevel'),
    action,
    owner,
    ownerText,
    dueDate: dueDateOf(r),
    status: statusOnSheet,
    statusText,
    completedDate: date(r, C.completedDate, 'completedDate'),
    verifiedBy: blockText(r, C.verifiedBy),
    verifiedDate: date(r, C.verifiedDate, 'verifiedDate'),
    evidence: blockText(r, C.evidence),
    rootCause: blockText(r, C.rootCause),
    reviewDate: date(r, C.reviewDate, 'reviewDate'),
    tierText: blockText(r, C.tier),
    element: blockText(r, C.element),
    justification: blockText(r, C.justification),
    cost: blockText(r, C.cost),
    vendorDependency: blockText(r, C.vendorDependency),
    cells,
  };
}

/**
 * A block with no risk text is still an entry when it has an ID and another mapped value. Otherwise it is
 * a formula-only template row (remembered) or a row with stray content (reported), and false is returned.
 */
function isIdWithValues(r: Reader, id: string | null): boolean {
  const { sheet, top, left, cur: i, curRow: row } = r;
  let otherMapped = false;
  // A formula showing 0 or "" (a score of an unfilled row) says nothing about a risk.
  if (id !== null) {
    for (let j = 0; j < r.mappedIdx.length; j++) {
      if (r.mappedRoles[j] === 'id') continue;
      const v = firstValue(r, r.mappedIdx[j]);
      if (v !== null && !((v === 0 || v === '') && formulaAt(r, r.foundIdx, r.mappedIdx[j]) !== null)) otherMapped = true;
    }
  }
  const template = allFormulas(row, r.formulas?.[i] ?? null);
  if (!template && id !== null && otherMapped) return true;
  const firstCol = firstNonBlankCol(row);
  const cell = cellAddress(i + top, firstCol + left);
  if (template) {
    markTemplateRow(r, i, cell);
    return false;
  }
  flushTemplate(r);
  const shown = cellText(row[firstCol]) ?? '';
  r.issues.push({
    sheet,
    cell,
    message:
      id !== null && id.length <= 20
        ? `Row ${i + top + 1} has only an ID (${quoteShort(id)}) and nothing else; it was not read as a ${itemWord(r)}.`
        : `Row ${i + top + 1} has ${quoteShort(shown)} in ${cell} but no ${r.kind === 'cap' ? 'finding or corrective action' : 'risk description, asset or action'}; it was not read as a ${itemWord(r)}.`,
    severity: 'warning',
  });
  return false;
}

/** Cells of the block that cannot be read: error values and formulas without a saved result. */
function reportUnreadableCells(r: Reader): void {
  const { values, formulas, cur: i, curEnd: end, curRow: row } = r;
  for (let j = 0; j < r.mappedIdx.length; j++) {
    const c = r.mappedIdx[j];
    for (let k = i; k <= end; k++) {
      const v = k === i ? row[c] : values[k]?.[c];
      if (v !== null && v !== undefined) {
        if (!isErrorValue(v)) continue;
        const addr = addrOf(r, k, c);
        r.issues.push({
          sheet: r.sheet,
          cell: addr,
          message: `${addr} shows the error ${v} instead of a ${roleWords(r.mappedRoles[j])}; fix the formula or type the value.`,
          severity: 'warning',
        });
      } else if (formulas !== null && formulaAt(r, k, c) !== null) {
        const addr = addrOf(r, k, c);
        r.issues.push({
          sheet: r.sheet,
          cell: addr,
          message: `${addr} holds a formula with no saved result (it may point to another workbook), so its ${roleWords(r.mappedRoles[j])} could not be read.`,
          severity: 'warning',
        });
      }
    }
  }
}

/** Step 5: everything from `start` down, one issue per block of non-blank rows, so nothing is dropped silently. */
function* reportBelowTable(r: Reader, start: number): Sliced<void> {
  const { values, top, left, lastIdx, kind } = r;
  let blockStart = -1;
  for (let k = start; k <= lastIdx + 1; k++) {
    if (sliceEnds(k - start)) yield;
    const filled = k <= lastIdx && rowHasValue(values[k]);
    if (filled && blockStart < 0) blockStart = k;
    if (!filled && blockStart >= 0) {
      const firstCol = firstNonBlankCol(values[blockStart]);
      const cell = cellAddress(blockStart + top, firstCol + left);
      const a = blockStart + top + 1;
      const b = k - 1 + top + 1;
      const shown = cellText(values[blockStart][firstCol]) ?? '';
      r.issues.push({
        sheet: r.sheet,
        cell,
        message: `${a === b ? `Row ${a}` : `Rows ${a}-${b}`} below the ${kind === 'cap' ? 'corrective action plan' : 'register'} (starting with ${quoteShort(shown)} in ${cell}) ${a === b ? 'was' : 'were'} not read as ${kind === 'cap' ? 'corrective actions' : 'risks'}: ${a === b ? 'it comes' : 'they come'} after blank rows and look like a separate table or note.`,
        severity: 'info',
      });
      blockStart = -1;
    }
  }
}

/** Every role's index into a row array (-1 when not mapped), as one fixed-shape object. */
function columnIndexes(columns: Partial<Record<Role, ColumnMatch>>, left: number): Record<Role, number> {
  const out = {} as Record<Role, number>;
  for (const role of ROLES) out[role] = columns[role] ? columns[role]!.col - left : -1;
  return out;
}

/** A stated score, shared and frozen within the read like ratings and dates (a score column repeats a few numbers). */
function statedScoreOf(t: Table, raw: CellValue, value: number): { raw: CellValue; value: number } {
  let score = t.statedScores.get(raw);
  if (score === undefined) t.statedScores.set(raw, (score = Object.freeze({ raw, value })));
  return score;
}

/** `entry.cells` as the readers see it: role -> A1 address, for the table's mapped roles only. */
type EntryCellsClass = new (rowLabel: string) => Partial<Record<Role, string>>;

/**
 * One class per table whose role getters build "H7" from the table's column letter and the entry's row
 * on demand. Storing ~17 address strings per risk made them most of a 50,000-row read's memory; readers
 * look up only a few. The row sits in a private field, so the object's own keys (what JSON, jest and
 * `Object.keys` see) stay exactly what a plain role -> address object would show, via `toJSON`.
 */
function entryCellsClass(roles: readonly Role[], letters: readonly string[]): EntryCellsClass {
  class EntryCells {
    readonly #row: string;
    constructor(rowLabel: string) {
      this.#row = rowLabel;
    }
    static rowOf(cells: EntryCells): string {
      return cells.#row;
    }
    /** The plain role -> address object, in mapping order, for JSON. */
    toJSON(): Partial<Record<Role, string>> {
      const out: Partial<Record<Role, string>> = {};
      for (let j = 0; j < roles.length; j++) out[roles[j]] = letters[j] + this.#row;
      return out;
    }
  }
  for (let j = 0; j < roles.length; j++) {
    const letter = letters[j];
    Object.defineProperty(EntryCells.prototype, roles[j], {
      get(this: EntryCells): string {
        return letter + EntryCells.rowOf(this);
      },
      enumerable: true,
      configurable: true,
    });
  }
  return EntryCells as unknown as EntryCellsClass;
}

function rowHasValue(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return true;
  return false;
}

function firstNonBlankCol(row: CellValue[]): number {
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return c;
  return 0;
}

/** True when every non-blank cell of the row comes from a formula (an unfilled template row). */
function allFormulas(row: CellValue[], formulas: (string | null)[] | null): boolean {
  if (!formulas) return false;
  for (let c = 0; c < row.length; c++) {
    if (!isBlank(row[c]) && !formulas[c]) return false;
  }
  return true;
}

/** Labels of the guidance and example rows templates put under the header (FedRAMP: "Guidance", "Examples"). */
const INSTRUCTION_LABELS: ReadonlySet<string> = new Set([
  'guidance',
  'instruction',
  'instructions',
  'example',
  'examples',
  'e g',
  'eg',
  'for example',
  'sample',
  'how to fill',
  'ejemplo',
  'ejemplos',
  'instrucciones',
  'exemplo',
  'exemplos',
  'instrucoes',
  'exemple',
  'exemples',
  'esempio',
  'esempi',
  'istruzioni',
  'beispiel',
  'beispiele',
  'anleitung',
  'hinweis',
  'voorbeeld',
  'voorbeelden',
  'instructie',
  'eksempel',
  'veiledning',
  'пример',
  'инструкция',
]);
const INSTRUCTION_START =
  /^(?:e\.?\s?g\.?[\s:,]|i\.?e\.?[\s:,]|example|for example|enter |describe |select |choose |list |provide |specify |indicate |assign |type |use |if needed|if applicable|person responsible|the date |z\.\s?b\.|p\.\s?ej\.|ej\.|ex\.|por ejemplo|por exemplo|par exemple|ad esempio|bijv\.|f\.eks\.)/i;
const REQUIREMENT_WORD =
  /^(?:mandatory|situational|required|optional|conditional|obligatorio|opcional|obrigatorio|obligatoire|facultatif|obbligatorio|facoltativo|pflicht|optional|verplicht|optioneel|obligatorisk|valgfri)\b/i;
const SCALE_HINT = /^\(?\d+\s*(?:-|–|—|to|a|bis|tot)\s*\d+\)?$/i;

/**
 * A row of guidance under a header: a cell labels it ("Guidance", "Examples"), or most of its cells
 * say how to fill the column ("e.g. EHR", "Enter the date...", "1-5").
 */
function isInstructionRow(row: CellValue[]): boolean {
  let filled = 0;
  let hints = 0;
  let requirements = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string') {
      if (!isBlank(v)) filled++;
      continue;
    }
    const t = v.trim();
    if (t === '') continue;
    filled++;
    if (INSTRUCTION_LABELS.has(normalizeWords(t))) return true;
    if (INSTRUCTION_START.test(t) || SCALE_HINT.test(t)) hints++;
    if (REQUIREMENT_WORD.test(t)) requirements++;
  }
  // "Mandatory | Mandatory | Situational": a template row saying which fields must be filled.
  if (filled >= 3 && requirements >= 0.75 * filled) return true;
  return filled > 0 && hints >= Math.max(2, filled / 2);
}

const CLOSED_SHEET_WORDS = [
  'closed',
  'completed',
  'complete',
  'done',
  'resolved',
  'archive',
  'archived',
  'cerrados',
  'cerradas',
  'cerrado',
  'completados',
  'fechados',
  'concluidos',
  'fermes',
  'clos',
  'chiusi',
  'completati',
  'geschlossen',
  'abgeschlossen',
  'erledigt',
  'gesloten',
  'afgerond',
  'lukket',
  'закрытые',
];

/** True for a sheet named for closed items ("Closed POA&M Items", "Completed", "Cerrados"). */
function isClosedSheetName(name: string): boolean {
  const words = ` ${normalizeWords(name)} `;
  return CLOSED_SHEET_WORDS.some((w) => words.includes(` ${w} `));
}

const TOTAL_LABELS: ReadonlySet<string> = new Set([
  'total',
  'totals',
  'grand total',
  'sum',
  'subtotal',
  'sub total',
  'count',
  'total risks',
  'totale',
  'gesamt',
  'summe',
  'totaal',
  'sum totalt',
  'итого',
  'всего',
]);

/** "TOTAL", "Grand Total" in the ID or description column: a count row, not an entry. */
function isTotalRow(id: string | null, risk: string | null): boolean {
  return isTotalLabel(id) || isTotalLabel(risk);
}

/** Checked on every row: the length and a digit (IDs have one, "Total" has none) rule most cells out cheaply. */
function isTotalLabel(text: string | null): boolean {
  if (text === null || text.length > 20) return false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 48 && code <= 57) return false;
  }
  return TOTAL_LABELS.has(normalizeWords(text));
}

const NOTE_START =
  /^(?:legend|key|notes?|source|sources|prepared by|approved by|reviewed by|\*|leyenda|notas?|legenda|legende|nota|hinweis|anmerkung|toelichting|merknad|примечание|легенда)\b/i;

/** A row whose first cell opens a legend or a note ("Legend", "Notes:", "* scores are..."). */
function startsNote(row: CellValue[]): boolean {
  const c = firstNonBlankCol(row);
  const v = row[c];
  return typeof v === 'string' && NOTE_START.test(v.trim());
}
