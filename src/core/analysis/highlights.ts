/**
 * Highlights as conditional-format rules on bounded ranges: one rule per finding kind per
 * sheet. Where Excel can test the condition itself (blank owner, no due date, overdue), the
 * rule is a live formula, so it clears as soon as the user fixes the cell. A live rule is
 * only used when, on today's data, it flags exactly the cells the analysis flags; otherwise
 * (and for judgement calls such as vague wording) the rule is a fixed set of cells.
 *
 * A rule covers at most MAX_HIGHLIGHT_AREAS areas, the ones nearest the top of the sheet: tens of
 * thousands of scattered cells make Excel sluggish, and the rule records how many it left out.
 */
import { isoToSerial } from '../dates';
import { columnLetter } from '../grid';
import { HIGHLIGHT_MARKER_TERM, type HighlightRule } from '../highlight';
import { CLOSED_STATUSES, type Analysis, type Entry, type FindingKind, type TableRead, type WorkbookRead } from '../model';
import { FINDING_KIND_TABLE, findingLabel } from '../findingKinds';
import { inSlices, type Sliced } from '../slices';

/**
 * The owner placeholders a live formula can test (Excel's "=" ignores case). Which owner texts name
 * no one is the reader's rule (register/values.ts `isOwnerPlaceholder`, a longer list); a live rule
 * is kept only where this short test flags exactly the rows the analysis flags.
 */
const LIVE_OWNER_PLACEHOLDERS = ['TBD', 'N/A', '?', '-'];
/** Excel's limit on a conditional-format formula is generous, but keep rules short and readable. */
const MAX_LIVE_FORMULA = 255;

const FIXED_FORMULA = `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`;

/**
 * The most areas one rule covers. Real Excel slows down with tens of thousands of conditional-format
 * areas, and a few thousand scattered cells are already more than anyone works through in one sitting.
 */
export const MAX_HIGHLIGHT_AREAS = 2_000;

/** Cell keys pack (column, row) into one number; Excel's rows (1,048,576) fit under this. */
const ROW_SPAN = 2_097_152;
/** Excel's column count: (row, column) packed the other way round, for "nearest the top" order. */
const COL_SPAN = 16_384;

interface CellRef {
  col: number;
  row: number;
}

/** Areas of one column each (a run of rows), in column-then-row order. */
interface Areas {
  count: number;
  col: Int32Array;
  top: Int32Array;
  bottom: Int32Array;
}

/** The roles a live rule reads: the tested cell and the "not closed" cells. */
const LIVE_ROLES = ['owner', 'dueDate', 'status', 'completedDate'] as const;
type LiveRole = (typeof LIVE_ROLES)[number];

/**
 * The rules that show every finding of the analysis (up to the area cap), for every sheet it covers.
 * `read`: the read the analysis came from; its tables' columns say where a live rule's cells are
 * (without it, as for a hand-made analysis, each entry's cells are checked one by one).
 * Yields every ROWS_PER_SLICE entries or findings (see core/slices.ts).
 */
export function* highlightRulesSliced(analysis: Analysis, read?: WorkbookRead): Sliced<HighlightRule[]> {
  // capItems taken from the register are the register's own entries: count them once.
  const entryLists = [analysis.risks, analysis.capFromRegister ? [] : analysis.capItems];
  // Sheet-level notes (a tracker without a root-cause column) are about no cell in particular; the
  // analysis lists them first.
  let notes = 0;
  while (notes < analysis.findings.length && analysis.findings[notes].scope === 'sheet') notes++;
  const findings = notes > 0 ? analysis.findings.slice(notes) : analysis.findings;
  // Findings grouped by sheet, then kind, in first-seen order, as indexes; each one's row read once.
  const findingRows = new Float64Array(findings.length);
  const findingKeys = new Float64Array(findings.length);
  const bySheet = new Map<string, Map<FindingKind, number[]>>();
  let lastSheet: string | null = null;
  let byKind = new Map<FindingKind, number[]>();
  yield* inSlices(findings.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const f = findings[i];
      findingRows[i] = f.row;
      findingKeys[i] = cellKey(f.cell);
      if (f.sheet !== lastSheet) {
        lastSheet = f.sheet;
        const known = bySheet.get(lastSheet);
        if (known) byKind = known;
        else bySheet.set(lastSheet, (byKind = new Map()));
      }
      const list = byKind.get(f.kind);
      if (list) list.push(i);
      else byKind.set(f.kind, [i]);
    }
  });

  const rules: HighlightRule[] = [];
  for (const [sheet, kinds] of bySheet) {
    let facts: SheetFacts | null = null;
    for (const [kind, indexes] of kinds) {
      const colours = FINDING_KIND_TABLE[kind].colour;
      if (isLiveKind(kind)) {
        facts ??= yield* sheetFacts(sheet, entryLists, tableOn(sheet, read));
        const live = yield* liveRule(kind, facts, findingRows, indexes, analysis.asOf);
        if (live) {
          rules.push({ sheet, kind, ranges: live.ranges, formula: live.formula, ...colours, ...omittedField(live.omitted) });
          continue;
        }
      }
      const keys = new Float64Array(indexes.length);
      let n = 0;
      yield* inSlices(indexes.length, (from, to) => {
        n = readCellKeys(findingKeys, indexes, from, to, keys, n);
      });
      if (n === 0) continue;
      const areas = areasOf(keys.subarray(0, n).sort());
      const kept = nearestTop(areas);
      const omitted = kept ? cellCount(areas) - cellCount(areas, kept) : 0;
      rules.push({ sheet, kind, ranges: areasText(areas, kept), formula: FIXED_FORMULA, ...colours, ...omittedField(omitted) });
    }
  }
  return rules;
}

/** Writes the cell keys of findings[indexes[from..to)] into `keys` from `n` on (skipping unreadable cells); returns the new count. */
function readCellKeys(findingKeys: Float64Array, indexes: number[], from: number, to: number, keys: Float64Array, n: number): number {
  for (let j = from; j < to; j++) {
    const key = findingKeys[indexes[j]];
    if (key >= 0) keys[n++] = key;
  }
  return n;
}

/**
 * The note an adapter reports for a rule the area cap cut short, naming the sheet and the kind
 * in plain words; null when the rule covers every flagged cell.
 */
export function highlightCutNote(rule: HighlightRule): string | null {
  if (!rule.omitted) return null;
  const cells = rule.omitted === 1 ? 'cell' : 'cells';
  const were = rule.omitted === 1 ? 'was' : 'were';
  return (
    `On "${rule.sheet}", ${thousands(rule.omitted)} ${cells} flagged "${findingLabel(rule.kind)}" ${were} not highlighted: ` +
    `Risk Plan highlights at most ${thousands(MAX_HIGHLIGHT_AREAS)} places for each kind of gap, from the top of the sheet down, ` +
    `so Excel stays responsive. Fix the highlighted ones and highlight the gaps again to see the next ones.`
  );
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function omittedField(omitted: number): { omitted?: number } {
  return omitted > 0 ? { omitted } : {};
}

/** "H12" -> column * ROW_SPAN + row, or -1 when the text is not a single-cell address. */
function cellKey(address: string): number {
  let i = 0;
  let end = address.length;
  while (i < end && address.charCodeAt(i) <= 32) i++;
  while (end > i && address.charCodeAt(end - 1) <= 32) end--;
  let col = 0;
  const lettersFrom = i;
  for (; i < end; i++) {
    const c = address.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3 || i === end) return -1;
  let row = 0;
  for (; i < end; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
    if (row >= ROW_SPAN) return -1;
  }
  return (col - 1) * ROW_SPAN + row;
}

/** Sorted cell keys (duplicates allowed) -> areas: contiguous rows of one column become one area. */
function areasOf(sortedKeys: Float64Array): Areas {
  const areas: Areas = {
    count: 0,
    col: new Int32Array(sortedKeys.length),
    top: new Int32Array(sortedKeys.length),
    bottom: new Int32Array(sortedKeys.length),
  };
  let prev = -2;
  for (let i = 0; i < sortedKeys.length; i++) {
    const key = sortedKeys[i];
    if (key === prev) continue;
    const col = Math.floor(key / ROW_SPAN);
    const row = key - col * ROW_SPAN;
    const last = areas.count - 1;
    if (key === prev + 1 && last >= 0 && areas.col[last] === col) areas.bottom[last] = row;
    else {
      areas.col[areas.count] = col;
      areas.top[areas.count] = row;
      areas.bottom[areas.count] = row;
      areas.count++;
    }
    prev = key;
  }
  return areas;
}

/**
 * Which areas to keep when there are more than MAX_HIGHLIGHT_AREAS: the ones whose top row is
 * nearest the top of the sheet (then leftmost). Null when every area fits.
 */
function nearestTop(areas: Areas): Uint8Array | null {
  if (areas.count <= MAX_HIGHLIGHT_AREAS) return null;
  const order = new Float64Array(areas.count);
  for (let i = 0; i < areas.count; i++) order[i] = areas.top[i] * COL_SPAN + areas.col[i];
  // Areas never share a top-left cell, so the MAX-th smallest position keeps exactly MAX areas.
  const last = order.slice().sort()[MAX_HIGHLIGHT_AREAS - 1];
  const kept = new Uint8Array(areas.count);
  for (let i = 0; i < areas.count; i++) kept[i] = order[i] <= last ? 1 : 0;
  return kept;
}

function cellCount(areas: Areas, kept: Uint8Array | null = null): number {
  let cells = 0;
  for (let i = 0; i < areas.count; i++) if (!kept || kept[i]) cells += areas.bottom[i] - areas.top[i] + 1;
  return cells;
}

/** Areas -> "H4:H9 H12 J5" (the kept ones only, when `kept` is given). */
function areasText(areas: Areas, kept: Uint8Array | null = null): string {
  const parts: string[] = [];
  let letters = '';
  let lettersCol = -1;
  for (let i = 0; i < areas.count; i++) {
    if (kept && !kept[i]) continue;
    if (areas.col[i] !== lettersCol) letters = columnLetter((lettersCol = areas.col[i]));
    const top = areas.top[i];
    const bottom = areas.bottom[i];
    parts.push(top === bottom ? `${letters}${top}` : `${letters}${top}:${letters}${bottom}`);
  }
  return parts.join(' ');
}

/** Cells -> "H4:H9 H12 J5": contiguous rows in one column become one range. Ordered by column, then row. */
export function compressCells(cells: CellRef[]): string {
  return areasText(areasOf(Float64Array.from(cells, (c) => c.col * ROW_SPAN + c.row).sort()));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The kinds Excel can test itself, so their rule may be a live formula. */
type LiveKind = 'missing-owner' | 'missing-due-date' | 'overdue';

function isLiveKind(kind: FindingKind): kind is LiveKind {
  return FINDING_KIND_TABLE[kind].live !== null;
}

/** What the live rules of one sheet read from its entries, gathered in one pass, per entry in row order. */
interface SheetFacts {
  count: number;
  /** Entry rows, ascending (duplicates kept): the facts below are in this order. */
  rows: Float64Array;
  maxRow: number;
  /** Each live role's column letter when every entry has it in the same column, else null. */
  columns: Record<LiveRole, string | null>;
  /** The closed words typed on this sheet, lower case, in the order they first appear down the sheet. */
  closedTexts: string[];
  /** 1 when the entry is not closed: its status is none of closedTexts and it has no completion date (when that column is mapped). */
  notClosed: Uint8Array;
  blankOwner: Uint8Array;
  /** Due date as an Excel serial, NaN when the cell holds no number. */
  due: Float64Array;
  /** The entry rows as runs of consecutive rows, once a live rule needs them. */
  rowRuns?: Areas;
}

/**
 * The facts of one sheet's entries, in sheet order. The analysis lists entries by priority, which
 * scatters them in memory; reading 50,000 of them in row order (the order the reader made them)
 * is several times faster than in priority order, so the first pass only sorts them.
 */
function* sheetFacts(sheet: string, lists: Analysis['risks'][], table: TableRead | null): Sliced<SheetFacts> {
  const found: Entry[] = [];
  const order: number[] = [];
  for (const list of lists) {
    yield* inSlices(list.length, (from, to) => {
      for (let i = from; i < to; i++) {
        const e = list[i].entry;
        if (e.sheet !== sheet) continue;
        // Row first, then the order of the lists (a stable sort by row).
        order.push(e.row * ROW_SPAN + found.length);
        found.push(e);
      }
    });
  }
  const sorted = Float64Array.from(order).sort();
  const count = found.length;
  const rows = new Float64Array(count);
  const due = new Float64Array(count);
  const blankOwner = new Uint8Array(count);
  const completedTyped = new Uint8Array(count);
  const statusKeys: string[] = new Array(count);
  const columns = table ? null : new ColumnCheck();
  // A sheet types a handful of statuses thousands of times: normalize each distinct text once.
  const normalized = new Map<string, string>();
  const closedTexts: string[] = [];
  const closedSet = new Set<string>();
  yield* inSlices(count, (from, to) => {
    for (let i = from; i < to; i++) {
      const e = found[sorted[i] % ROW_SPAN];
      rows[i] = e.row;
      const raw = e.dueDate?.raw;
      due[i] = typeof raw === 'number' ? raw : NaN;
      blankOwner[i] = isBlankOwner(e.ownerText) ? 1 : 0;
      completedTyped[i] = e.completedDate !== null ? 1 : 0;
      columns?.add(e);
      const typed = e.statusText;
      let key = '';
      if (typed) {
        const known = normalized.get(typed);
        if (known === undefined) normalized.set(typed, (key = typed.trim().toLowerCase()));
        else key = known;
      }
      statusKeys[i] = key;
      if (key && !closedSet.has(key) && e.status !== null && CLOSED_STATUSES.includes(e.status)) {
        closedSet.add(key);
        closedTexts.push(key);
      }
    }
  });
  // The reader gives every entry of a table its role cells in the table's columns.
  const liveLetter = (role: LiveRole): string | null =>
    table ? (count > 0 ? (table.columns[role]?.letter ?? null) : null) : columns!.letter(role);
  const completedColumn = liveLetter('completedDate') !== null;
  const notClosed = new Uint8Array(count);
  yield* inSlices(count, (from, to) => {
    for (let i = from; i < to; i++) {
      const closedByStatus = statusKeys[i] !== '' && closedSet.has(statusKeys[i]);
      notClosed[i] = !closedByStatus && !(completedColumn && completedTyped[i] === 1) ? 1 : 0;
    }
  });
  return {
    count,
    rows,
    maxRow: count > 0 ? rows[count - 1] : 0,
    columns: {
      owner: liveLetter('owner'),
      dueDate: liveLetter('dueDate'),
      status: liveLetter('status'),
      completedDate: liveLetter('completedDate'),
    },
    closedTexts,
    notClosed,
    blankOwner,
    due,
  };
}

/** The one table the read found on `sheet` (null when none, or more than one shares the sheet). */
function tableOn(sheet: string, read: WorkbookRead | undefined): TableRead | null {
  if (!read) return null;
  const tables = [read.register, ...read.caps].filter((t): t is TableRead => t !== null && t.sheet === sheet);
  return tables.length === 1 ? tables[0] : null;
}

/** Whether every entry has each live role in one column, and which, from the entries' own cells. */
class ColumnCheck {
  private readonly letters: (string | null | undefined)[] = LIVE_ROLES.map(() => undefined);

  add(e: Entry): void {
    const cells = e.cells as Record<LiveRole, string | undefined>;
    for (let r = 0; r < LIVE_ROLES.length; r++) this.letters[r] = sameColumn(this.letters[r], cells[LIVE_ROLES[r]]);
  }

  letter(role: LiveRole): string | null {
    return this.letters[LIVE_ROLES.indexOf(role)] ?? null;
  }
}

/** The column so far (undefined: none seen yet; null: no single column) after one more cell. */
function sameColumn(letter: string | null | undefined, cell: string | undefined): string | null {
  if (letter === null || !cell) return null;
  if (letter !== undefined && cell.startsWith(letter) && isDigit(cell.charCodeAt(letter.length))) return letter;
  const l = /^[A-Z]+/i.exec(cell)?.[0]?.toUpperCase() ?? null;
  if (!l || (letter !== undefined && l !== letter)) return null;
  return l;
}

/** True when an owner cell counts as blank: empty or a placeholder, whatever the case and spacing. */
function isBlankOwner(typed: string | null): boolean {
  if (!typed) return true;
  // Longer than any placeholder with no space to trim at either end: a name (the common case, no copies made).
  if (typed.length > 3 && isPrintableAscii(typed.charCodeAt(0)) && isPrintableAscii(typed.charCodeAt(typed.length - 1))) return false;
  return BLANK_OWNER_TEXTS.has(typed.trim().toLowerCase());
}

const BLANK_OWNER_TEXTS: ReadonlySet<string> = new Set(['', ...LIVE_OWNER_PLACEHOLDERS.map((p) => p.toLowerCase())]);

function isPrintableAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/**
 * A live rule for owner / due date / overdue, or null when the sheet's layout or data would
 * make the live test disagree with the analysis. It covers the target cell of every entry row,
 * so a gap typed later lights up too; when those rows make more areas than the cap allows, it
 * covers only the flagged rows nearest the top.
 */
function* liveRule(
  kind: LiveKind,
  facts: SheetFacts,
  findingRows: Float64Array,
  indexes: number[],
  asOf: string,
): Sliced<{ ranges: string; formula: string; omitted: number } | null> {
  if (facts.count === 0) return null;
  const target = facts.columns[kind === 'missing-owner' ? 'owner' : 'dueDate'];
  if (!target) return null;
  const status = facts.columns.status;
  const completed = facts.columns.completedDate;
  if (facts.closedTexts.length > 0 && !status) return null;

  // The live rule must flag exactly the rows the analysis flags.
  const flagged = flaggedRows(findingRows, indexes, facts.maxRow);
  const asOfSerial = isoToSerial(asOf);
  const agrees = yield* inSlices(facts.count, (from, to) => liveTestAgrees(kind, facts, flagged, asOfSerial, from, to));
  if (!agrees) return null;

  const col = columnLetterIndex(target);
  facts.rowRuns ??= areasOf(facts.rows);
  let areas = inColumn(facts.rowRuns, col);
  let kept: Uint8Array | null = null;
  let omitted = 0;
  if (areas.count > MAX_HIGHLIGHT_AREAS) {
    areas = areasOf(facts.rows.filter((row) => flagged[row] === 1).map((row) => col * ROW_SPAN + row));
    if (areas.count === 0) return null;
    kept = nearestTop(areas);
    omitted = kept ? cellCount(areas) - cellCount(areas, kept) : 0;
  }

  // References are relative to the top-left cell of the first area (the top row: one column, row order).
  const ref = (letter: string) => `${letter}${areas.top[0]}`;
  const notClosedTerms = [
    ...facts.closedTexts.map((t) => `TRIM(${ref(status!)})<>${quote(t)}`),
    ...(completed ? [`LEN(TRIM(${ref(completed)}))=0`] : []),
  ];
  const cell = ref(target);
  let test: string;
  if (kind === 'missing-owner') {
    test = `OR(LEN(TRIM(${cell}))=0,${LIVE_OWNER_PLACEHOLDERS.map((p) => `TRIM(${cell})=${quote(p)}`).join(',')})`;
  } else if (kind === 'missing-due-date') {
    test = `NOT(ISNUMBER(${cell}))`;
  } else {
    const [y, m, d] = asOf.split('-').map(Number);
    test = `ISNUMBER(${cell}),${cell}<DATE(${y},${m},${d})`;
  }
  const formula = `=AND(${[HIGHLIGHT_MARKER_TERM, test, ...notClosedTerms].join(',')})`;
  if (formula.length > MAX_LIVE_FORMULA) return null;
  return { ranges: areasText(areas, kept), formula, omitted };
}

/** 1 at each row (up to maxRow) that has one of the findings. */
function flaggedRows(findingRows: Float64Array, indexes: number[], maxRow: number): Uint8Array {
  const flagged = new Uint8Array(maxRow + 1);
  for (let j = 0; j < indexes.length; j++) {
    const row = findingRows[indexes[j]];
    if (row >= 0 && row <= maxRow) flagged[row] = 1;
  }
  return flagged;
}

/** Runs of rows (areas of column 0) moved to column `col`. */
function inColumn(runs: Areas, col: number): Areas {
  return { count: runs.count, col: new Int32Array(runs.count).fill(col), top: runs.top, bottom: runs.bottom };
}

/** Whether, for entries [from, to), the live test flags exactly the rows marked in `flagged`. */
function liveTestAgrees(kind: LiveKind, facts: SheetFacts, flagged: Uint8Array, asOfSerial: number, from: number, to: number): boolean {
  const { rows, notClosed, blankOwner, due } = facts;
  for (let i = from; i < to; i++) {
    let hit: boolean;
    if (notClosed[i] === 0) hit = false;
    else if (kind === 'missing-owner') hit = blankOwner[i] === 1;
    else if (kind === 'missing-due-date') hit = Number.isNaN(due[i]);
    else hit = due[i] < asOfSerial; // NaN (no date) compares false
    if (hit !== (flagged[rows[i]] === 1)) return false;
  }
  return true;
}

/** "H" -> 7 (role columns here are already upper-case letters). */
function columnLetterIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}
