/**
 * Reads the data rows under a header into Entries. A risk spanning several rows through
 * vertical merges is one Entry; rows holding only formulas (an unfilled template) are not risks;
 * every other non-empty row that is not a risk yields an issue naming its cell.
 */
import { cellAddress, columnLetter, isBlank, type CellValue, type SheetGrid } from '../grid';
import type { ColumnMatch, DateValue, Entry, ReadIssue, Role, ScaleInfo, ScaleValue, TableKind } from '../model';
import { detectScale, isDatePlaceholder, parseDate, parseOwner, parseRating, parseStatus } from './values';
import { cellText, isErrorValue, quoteShort } from './text';
import { roleWords } from './mapping';

/** Roles whose text is joined across the rows of a merged block. */
const TEXT_ROLES = ['id', 'risk', 'asset', 'threat', 'vulnerability', 'category', 'action', 'owner', 'verifiedBy', 'evidence', 'rootCause', 'tier', 'element', 'justification'] as const;
type TextRole = (typeof TEXT_ROLES)[number];
const RATING_ROLES = ['likelihood', 'impact', 'level', 'residualLikelihood', 'residualImpact', 'residualLevel'] as const;
type RatingRole = (typeof RATING_ROLES)[number];
const DATE_ROLES = ['dueDate', 'completedDate', 'verifiedDate', 'reviewDate'] as const;
type DateRole = (typeof DATE_ROLES)[number];
/** Blank rows after the last risk that end the table (a legend or matrix often sits below). */
const TABLE_END_GAP = 3;
// A row is a risk (or CAP item) when it has text as a risk, threat, vulnerability, asset or action,
// or an ID plus any other mapped value.

export interface RowsResult {
  entries: Entry[];
  issues: ReadIssue[];
  scales: Partial<Record<Role, ScaleInfo>>;
  /** 1-based first data row and last real data row (headerRow when there is none). */
  firstRow: number;
  lastRow: number;
}

/** Reads every data row below `headerRow` (0-based absolute) with the given mapping. */
export function readRows(
  grid: SheetGrid,
  headerRow: number,
  columns: Partial<Record<Role, ColumnMatch>>,
  kind: TableKind,
): RowsResult {
  const issues: ReadIssue[] = [];
  const sheet = grid.name;
  const firstIdx = Math.max(0, headerRow + 1 - grid.top);
  const values = grid.values;
  const mapped = (Object.values(columns) as ColumnMatch[]).filter(Boolean);
  const colOf = (role: Role): number | null => columns[role]?.col ?? null;
  // Column letters computed once: building "H7" for every cell of 50,000 rows must stay cheap.
  const letters = new Map<number, string>();
  for (const m of mapped) letters.set(m.col, columnLetter(m.col));
  // The same, as parallel arrays in mapping order, for the per-row cell addresses.
  const mappedRoles = mapped.map((m) => m.role);
  const mappedLetters = mapped.map((m) => letters.get(m.col)!);
  let rowLabel = '';
  let rowLabelIdx = -1;
  const addrOf = (idx: number, col: number): string => {
    if (idx !== rowLabelIdx) {
      rowLabelIdx = idx;
      rowLabel = String(idx + grid.top + 1);
    }
    return (letters.get(col) ?? columnLetter(col)) + rowLabel;
  };
  const at = (idx: number, col: number): CellValue => {
    const v = values[idx]?.[col - grid.left];
    return v === undefined ? null : v;
  };
  const formulaAtIdx = (idx: number, col: number): string | null => grid.formulas?.[idx]?.[col - grid.left] ?? null;

  // Last non-blank row, found from the bottom so trailing empty rows cost one check each.
  const hasFormula = (idx: number): boolean => !!grid.formulas?.[idx]?.some((f) => !!f);
  let lastIdx = values.length - 1;
  while (lastIdx >= firstIdx && !rowHasValue(values[lastIdx]) && !hasFormula(lastIdx)) lastIdx--;

  // Vertical merges that start on a data row and cover an anchor column make one multi-row entry.
  const anchorCols = new Set<number>();
  for (const r of ['id', 'risk'] as Role[]) {
    const c = colOf(r);
    if (c !== null) anchorCols.add(c);
  }
  if (anchorCols.size === 0) for (const m of mapped) anchorCols.add(m.col);
  const blockEnd = new Map<number, number>();
  for (const m of grid.merges) {
    if (m.bottom <= m.top || m.top < headerRow + 1) continue;
    let covers = false;
    for (const c of anchorCols) if (c >= m.left && c <= m.right) covers = true;
    if (!covers) continue;
    const idx = m.top - grid.top;
    blockEnd.set(idx, Math.max(blockEnd.get(idx) ?? idx, m.bottom - grid.top));
  }

  // Scales come from the whole column, so "3" reads the same on every row.
  const scales: Partial<Record<Role, ScaleInfo>> = {};
  for (const role of [...RATING_ROLES, 'score'] as Role[]) {
    const c = colOf(role);
    if (c === null) continue;
    const column: CellValue[] = [];
    for (let i = firstIdx; i <= lastIdx; i++) column.push(at(i, c));
    const s = detectScale(column, columns[role]!.header);
    if (s) scales[role] = s;
  }

  const entries: Entry[] = [];
  let templateStart = -1;
  let templateEnd = -1;
  let templateCell = '';
  const flushTemplate = (): void => {
    if (templateStart < 0) return;
    const a = templateStart + grid.top + 1;
    const b = templateEnd + grid.top + 1;
    issues.push({
      sheet,
      cell: templateCell,
      message: a === b
        ? `Row ${a} holds only formulas and no typed content (an empty template row); it was not read as a ${kind === 'cap' ? 'corrective action' : 'risk'}.`
        : `Rows ${a}-${b} hold only formulas and no typed content (an empty template); they were not read as ${kind === 'cap' ? 'corrective actions' : 'risks'}.`,
      severity: 'info',
    });
    templateStart = -1;
  };

  // A gap of several blank rows after the risks ends the table, unless what follows looks like more risks.
  const isStringCell = (idx: number, col: number | null): boolean => {
    if (col === null) return false;
    const v = at(idx, col);
    return typeof v === 'string' && v.trim() !== '' && !isErrorValue(v);
  };
  const continuesTable = (idx: number): boolean => {
    let filled = 0;
    for (const m of mapped) if (!isBlank(at(idx, m.col))) filled++;
    const anchor = colOf('id') !== null ? isStringCell(idx, colOf('id')) || typeof at(idx, colOf('id')!) === 'number' : isStringCell(idx, colOf('risk') ?? colOf('action'));
    return anchor && filled >= Math.ceil(mapped.length / 2);
  };

  // The block being read (rows cur..curEnd); helpers below read it without allocating per row.
  let cur = 0;
  let curEnd = 0;
  /** Row index where firstValue found its value. */
  let foundIdx = 0;
  const COL: Partial<Record<Role, number>> = {};
  for (const m of mapped) COL[m.role] = m.col;

  /** Text of a column over the block, continuation rows joined by newlines. */
  function text(col: number | undefined): string | null {
    if (col === undefined) return null;
    if (curEnd === cur) {
      const v = at(cur, col);
      return isErrorValue(v) ? null : cellText(v);
    }
    let out: string | null = null;
    for (let k = cur; k <= curEnd; k++) {
      const v = at(k, col);
      if (isErrorValue(v)) continue;
      const t = cellText(v);
      if (t !== null) out = out === null ? t : `${out}\n${t}`;
    }
    return out;
  }
  /** First non-blank value of a column over the block (merged values sit in the top cell). */
  function firstValue(col: number | undefined): CellValue {
    foundIdx = cur;
    if (col === undefined) return null;
    for (let k = cur; k <= curEnd; k++) {
      const v = at(k, col);
      if (!isBlank(v)) {
        foundIdx = k;
        return v;
      }
    }
    return null;
  }
  const EntryCells = entryCellsClass(mappedRoles, mappedLetters);

  function rating(role: RatingRole): ScaleValue | null {
    const col = COL[role];
    const v = firstValue(col);
    if (v === null || isErrorValue(v)) return null;
    const addr = addrOf(foundIdx, col!);
    const { value, error } = parseRating(v, scales[role] ?? null, addr);
    if (error) issues.push({ sheet, cell: addr, message: `${addr}: ${error}.`, severity: 'warning' });
    return value;
  }
  function date(role: DateRole): DateValue | null {
    const col = COL[role];
    const v = firstValue(col);
    if (v === null || isErrorValue(v)) return null;
    const addr = addrOf(foundIdx, col!);
    const d = parseDate(v, addr);
    if (d && d.kind === 'ambiguous') {
      issues.push({ sheet, cell: addr, message: `${addr}: "${d.text}" could be read day-first or month-first, so the ${roleWords(role)} was not guessed; type it as YYYY-MM-DD or use a date cell.`, severity: 'warning' });
    } else if (d && d.kind === 'invalid' && !isDatePlaceholder(d)) {
      issues.push({ sheet, cell: addr, message: `${addr}: ${quoteShort(d.text)} is not a date we can read as the ${roleWords(role)}.`, severity: 'warning' });
    }
    return d;
  }

  let lastEntryIdx = -1;
  let blankRun = 0;
  for (let i = firstIdx; i <= lastIdx; i++) {
    const row = values[i];
    if (!rowHasValue(row)) {
      // Formulas whose results are blank (never calculated, or ""): an unfilled template row.
      if (hasFormula(i)) {
        if (templateStart < 0) {
          templateStart = i;
          templateCell = cellAddress(i + grid.top, (grid.formulas![i].findIndex((f) => !!f)) + grid.left);
        }
        templateEnd = i;
      } else {
        blankRun++;
      }
      continue;
    }
    const gap = blankRun;
    blankRun = 0;
    if (lastEntryIdx >= 0 && gap >= TABLE_END_GAP && !continuesTable(i)) {
      flushTemplate();
      reportBelowTable(i);
      break;
    }
    const end = Math.min(blockEnd.get(i) ?? i, lastIdx);
    cur = i;
    curEnd = end;

    // One fixed-shape object per row (cheaper than filling a dictionary for 50,000 rows).
    const t: Record<TextRole, string | null> = {
      id: text(COL.id),
      risk: text(COL.risk),
      asset: text(COL.asset),
      threat: text(COL.threat),
      vulnerability: text(COL.vulnerability),
      category: text(COL.category),
      action: text(COL.action),
      owner: text(COL.owner),
      verifiedBy: text(COL.verifiedBy),
      evidence: text(COL.evidence),
      rootCause: text(COL.rootCause),
      tier: text(COL.tier),
      element: text(COL.element),
      justification: text(COL.justification),
    };
    const substance = t.risk !== null || t.threat !== null || t.vulnerability !== null || t.asset !== null || t.action !== null;
    const idText = t.id ?? null;
    let otherMapped = false;
    if (!substance && idText !== null) for (const m of mapped) if (m.role !== 'id' && firstValue(m.col) !== null) otherMapped = true;
    const template = !substance && allFormulas(row, grid.formulas?.[i] ?? null);
    if (template || (!substance && !(idText !== null && otherMapped))) {
      const firstCol = firstNonBlankCol(row);
      const cell = cellAddress(i + grid.top, firstCol + grid.left);
      if (template) {
        if (templateStart < 0) {
          templateStart = i;
          templateCell = cell;
        }
        templateEnd = i;
      } else {
        flushTemplate();
        const shown = cellText(row[firstCol]) ?? '';
        issues.push({
          sheet,
          cell,
          message: idText !== null && idText.length <= 20
            ? `Row ${i + grid.top + 1} has only an ID (${quoteShort(idText)}) and nothing else; it was not read as a ${kind === 'cap' ? 'corrective action' : 'risk'}.`
            : `Row ${i + grid.top + 1} has ${quoteShort(shown)} in ${cell} but no ${kind === 'cap' ? 'finding or corrective action' : 'risk description, asset or action'}; it was not read as a ${kind === 'cap' ? 'corrective action' : 'risk'}.`,
          severity: 'warning',
        });
      }
      // Not a risk: its merged neighbours are judged row by row, so each gets its own verdict.
      continue;
    }
    flushTemplate();

    const top = i + grid.top;
    if (i !== rowLabelIdx) {
      rowLabelIdx = i;
      rowLabel = String(i + grid.top + 1);
    }
    const cells = new EntryCells(rowLabel);

    // Cells that cannot be read: error values and formulas without a saved result.
    for (const m of mapped) {
      for (let k = i; k <= end; k++) {
        const v = at(k, m.col);
        if (v !== null && !isErrorValue(v)) continue;
        if (v === null && formulaAtIdx(k, m.col) === null) continue;
        const addr = addrOf(k, m.col);
        if (isErrorValue(v)) {
          issues.push({ sheet, cell: addr, message: `${addr} shows the error ${v} instead of a ${roleWords(m.role)}; fix the formula or type the value.`, severity: 'warning' });
        } else if (v === null && formulaAtIdx(k, m.col) !== null) {
          issues.push({ sheet, cell: addr, message: `${addr} holds a formula with no saved result (it may point to another workbook), so its ${roleWords(m.role)} could not be read.`, severity: 'warning' });
        }
      }
    }


    const owner = parseOwner(t.owner ?? null);
    const statusValue = firstValue(COL.status);
    const status = isErrorValue(statusValue) ? { status: null, statusText: null } : parseStatus(statusValue);
    if (status.statusText !== null && status.status === null) {
      const addr = addrOf(foundIdx, COL.status!);
      issues.push({ sheet, cell: addr, message: `${addr}: the status ${quoteShort(status.statusText)} is not one we recognize (e.g. Open, In Progress, Complete); it was left unclassified.`, severity: 'warning' });
    }

    let statedScore: Entry['statedScore'] = null;
    const scoreCol = COL.score;
    if (scoreCol !== undefined) {
      const v = firstValue(scoreCol);
      const addr = addrOf(foundIdx, scoreCol);
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : null;
      if (n !== null && Number.isFinite(n)) statedScore = { cell: addr, raw: v, value: n };
      else if (v !== null && !isErrorValue(v)) {
        issues.push({ sheet, cell: addr, message: `${addr}: the score ${quoteShort(String(v))} is not a number.`, severity: 'info' });
      }
    }

    entries.push({
      sheet,
      row: top + 1,
      rowSpan: end - i + 1,
      id: t.id ?? null,
      risk: t.risk ?? null,
      asset: t.asset ?? null,
      threat: t.threat ?? null,
      vulnerability: t.vulnerability ?? null,
      category: t.category ?? null,
      likelihood: rating('likelihood'),
      impact: rating('impact'),
      statedScore,
      statedLevel: rating('level'),
      residualLikelihood: rating('residualLikelihood'),
      residualImpact: rating('residualImpact'),
      residualLevel: rating('residualLevel'),
      action: t.action ?? null,
      owner: owner.owner,
      ownerText: owner.ownerText,
      dueDate: date('dueDate'),
      status: status.status,
      statusText: status.statusText,
      completedDate: date('completedDate'),
      verifiedBy: t.verifiedBy ?? null,
      verifiedDate: date('verifiedDate'),
      evidence: t.evidence ?? null,
      rootCause: t.rootCause ?? null,
      reviewDate: date('reviewDate'),
      tierText: t.tier ?? null,
      element: t.element ?? null,
      justification: t.justification ?? null,
      cells,
    });
    lastEntryIdx = end;
    i = end;
  }
  flushTemplate();

  /** Everything from `start` down: one issue per block of non-blank rows, so nothing is dropped silently. */
  function reportBelowTable(start: number): void {
    let blockStart = -1;
    for (let k = start; k <= lastIdx + 1; k++) {
      const filled = k <= lastIdx && rowHasValue(values[k]);
      if (filled && blockStart < 0) blockStart = k;
      if (!filled && blockStart >= 0) {
        const firstCol = firstNonBlankCol(values[blockStart]);
        const cell = cellAddress(blockStart + grid.top, firstCol + grid.left);
        const a = blockStart + grid.top + 1;
        const b = k - 1 + grid.top + 1;
        const shown = cellText(values[blockStart][firstCol]) ?? '';
        issues.push({
          sheet,
          cell,
          message: `${a === b ? `Row ${a}` : `Rows ${a}-${b}`} below the ${kind === 'cap' ? 'corrective action plan' : 'register'} (starting with ${quoteShort(shown)} in ${cell}) ${a === b ? 'was' : 'were'} not read as ${kind === 'cap' ? 'corrective actions' : 'risks'}: ${a === b ? 'it comes' : 'they come'} after blank rows and look like a separate table or note.`,
          severity: 'info',
        });
        blockStart = -1;
      }
    }
  }

  const firstRow = headerRow + 2;
  return {
    entries,
    issues,
    scales,
    firstRow,
    lastRow: lastEntryIdx >= 0 ? lastEntryIdx + grid.top + 1 : headerRow + 1,
  };
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
