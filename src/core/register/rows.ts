/**
 * Reads the data rows under a header into Entries. A risk spanning several rows through
 * vertical merges is one Entry; rows holding only formulas (an unfilled template) are not risks;
 * every other non-empty row that is not a risk yields an issue naming its cell.
 */
import { cellAddress, columnLetter, isBlank, type CellValue, type SheetGrid } from '../grid';
import { ROLES, type ColumnMatch, type DateValue, type Entry, type ReadIssue, type Role, type ScaleInfo, type ScaleValue, type TableKind } from '../model';
import { finish, ROWS_PER_SLICE, sliceEnds, type Sliced } from '../slices';
import { dateOrderOf, isDatePlaceholder, isOwnerPlaceholder, parseDate, readRating, resolveDate, ScaleTally, statusOf, type DateOrder } from './values';
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

/** Reads every data row below `headerRow` (0-based absolute) with the given mapping. */
export function readRows(
  grid: SheetGrid,
  headerRow: number,
  columns: Partial<Record<Role, ColumnMatch>>,
  kind: TableKind,
): RowsResult {
  return finish(readRowsSliced(grid, headerRow, columns, kind));
}

/** `readRows`, pausing every ROWS_PER_SLICE rows of each pass over the sheet. */
export function* readRowsSliced(
  grid: SheetGrid,
  headerRow: number,
  columns: Partial<Record<Role, ColumnMatch>>,
  kind: TableKind,
): Sliced<RowsResult> {
  const issues: ReadIssue[] = [];
  const sheet = grid.name;
  const top = grid.top;
  const firstIdx = Math.max(0, headerRow + 1 - top);
  const values = grid.values;
  const formulas = grid.formulas ?? null;
  const mapped = (Object.values(columns) as ColumnMatch[]).filter(Boolean);
  // Every column below is an index into a row array (col - grid.left), -1 when the role is not mapped,
  // so a cell is `row[c]` with no lookup per cell.
  const C = columnIndexes(columns, grid.left);
  // Column letters computed once: building "H7" for every cell of 50,000 rows must stay cheap.
  const letterAt: string[] = [];
  for (const m of mapped) letterAt[m.col - grid.left] = columnLetter(m.col);
  // The same, as parallel arrays in mapping order, for the per-row loops.
  const mappedRoles = mapped.map((m) => m.role);
  const mappedIdx = mapped.map((m) => m.col - grid.left);
  const mappedLetters = mapped.map((m) => letterAt[m.col - grid.left]);
  const at = (idx: number, c: number): CellValue => {
    const v = values[idx]?.[c];
    return v === undefined ? null : v;
  };
  const formulaAt = (idx: number, c: number): string | null => formulas?.[idx]?.[c] ?? null;
  const hasFormula = (idx: number): boolean => {
    const f = formulas?.[idx];
    if (!f) return false;
    for (let c = 0; c < f.length; c++) if (f[c]) return true;
    return false;
  };

  // Last non-blank row, found from the bottom so trailing empty rows cost one check each.
  let lastIdx = values.length - 1;
  for (let seen = 1; lastIdx >= firstIdx && !rowHasValue(values[lastIdx]) && !hasFormula(lastIdx); seen++) {
    lastIdx--;
    if (sliceEnds(seen)) yield;
  }

  // Vertical merges that start on a data row and cover an anchor column make one multi-row entry.
  const anchorCols: number[] = [];
  if (C.id >= 0) anchorCols.push(C.id);
  if (C.risk >= 0 && C.risk !== C.id) anchorCols.push(C.risk);
  if (anchorCols.length === 0) for (const c of new Set(mappedIdx)) anchorCols.push(c);
  const blockEnd = new Map<number, number>();
  /** "row:col" -> the value a row inherits from a vertical merge it is not one entry with. */
  const inherited = new Map<string, CellValue>();
  const ratingIdx = [C.likelihood, C.impact, C.score, C.level].filter((c) => c >= 0);
  /** True when rows below the first of a merged block carry ratings of their own: then they are separate risks. */
  const innerRowsRated = (first: number, last: number): boolean => {
    let rated = 0;
    for (let k = first + 1; k <= last; k++) if (ratingIdx.some((c) => !isBlank(values[k]?.[c] ?? null))) rated++;
    return ratingIdx.length > 0 && rated > 0 && rated >= (last - first) / 2;
  };
  for (let n = 0; n < grid.merges.length; n++) {
    if (sliceEnds(n)) yield;
    const m = grid.merges[n];
    if (m.bottom <= m.top || m.top < headerRow + 1) continue;
    let covers = false;
    for (const c of anchorCols) if (c + grid.left >= m.left && c + grid.left <= m.right) covers = true;
    if (!covers) continue;
    const idx = m.top - top;
    if (innerRowsRated(m.top - top, m.bottom - top)) {
      // Each row is its own risk (its own ratings) and shares the merged text: a hazard over its circumstances.
      for (let k = idx + 1; k <= m.bottom - top; k++) {
        for (let c = m.left; c <= m.right; c++) inherited.set(`${k}:${c - grid.left}`, values[idx]?.[c - grid.left] ?? null);
      }
      continue;
    }
    blockEnd.set(idx, Math.max(blockEnd.get(idx) ?? idx, m.bottom - top));
  }

  // Scales come from the whole column, so "3" reads the same on every row: one pass feeds every rating column.
  const scaleRoles = ([...RATING_ROLES, 'score'] as Role[]).filter((role) => columns[role]);
  const scaleCols = scaleRoles.map((role) => columns[role]!.col - grid.left);
  const tallies = scaleRoles.map(() => new ScaleTally());
  // Text dates are looked at in the same pass: how many read day-first, how many month-first.
  const dateCols = ([...DATE_ROLES, 'originalDueDate'] as Role[]).filter((role) => columns[role]).map((role) => columns[role]!.col - grid.left);
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
      const order = dateOrderOf(v);
      if (order === 'day-first') dayFirst[j]++;
      else if (order === 'month-first') monthFirst[j]++;
    }
  }
  const scales: Partial<Record<Role, ScaleInfo>> = {};
  for (let j = 0; j < scaleRoles.length; j++) {
    const s = tallies[j].scale(columns[scaleRoles[j]]!.header);
    if (s) scales[scaleRoles[j]] = s;
  }
  // The day/month order each date column shows, so "03/04/2026" reads like the "28/02/2026" above it.
  const dateOrders = new Map<number, DateOrder>();
  for (let j = 0; j < dateCols.length; j++) {
    if (dayFirst[j] > 0 && monthFirst[j] === 0) dateOrders.set(dateCols[j], 'day-first');
    if (monthFirst[j] > 0 && dayFirst[j] === 0) dateOrders.set(dateCols[j], 'month-first');
  }
  const scaleOf = (role: RatingRole): ScaleInfo | null => scales[role] ?? null;
  const likelihoodScale = scaleOf('likelihood');
  const impactScale = scaleOf('impact');
  const levelScale = scaleOf('level');
  const residualLikelihoodScale = scaleOf('residualLikelihood');
  const residualImpactScale = scaleOf('residualImpact');
  const residualLevelScale = scaleOf('residualLevel');

  const entries: Entry[] = [];
  // "Closed POA&M Items", "Completed": a tracker's items there are done even without a status column.
  const closedSheet = kind === 'cap' && C.status < 0 && isClosedSheetName(sheet);
  let templateStart = -1;
  let templateEnd = -1;
  let templateCell = '';
  const flushTemplate = (): void => {
    if (templateStart < 0) return;
    const a = templateStart + top + 1;
    const b = templateEnd + top + 1;
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
  const isStringCell = (idx: number, c: number): boolean => {
    if (c < 0) return false;
    const v = at(idx, c);
    return typeof v === 'string' && v.trim() !== '' && !isErrorValue(v);
  };
  const continuesTable = (idx: number): boolean => {
    let filled = 0;
    for (const c of mappedIdx) if (!isBlank(at(idx, c))) filled++;
    const anchor = C.id >= 0 ? isStringCell(idx, C.id) || typeof at(idx, C.id) === 'number' : isStringCell(idx, C.risk >= 0 ? C.risk : C.action);
    return anchor && filled >= Math.ceil(mapped.length / 2);
  };

  // The block being read (rows cur..curEnd, `curRow` = values[cur]); helpers below read it without allocating per row.
  let cur = 0;
  let curEnd = 0;
  let curRow: CellValue[] = [];
  /** Row number of `cur` as text ("7"), made once per row for every address on it. */
  let curLabel = '';
  /** Row index where firstValue found its value. */
  let foundIdx = 0;

  /** Text of a column over the block, continuation rows joined by newlines. */
  function text(c: number): string | null {
    if (c < 0) return null;
    if (curEnd === cur) {
      let v = curRow[c];
      if ((v === undefined || v === null) && inherited.size > 0) v = inherited.get(`${cur}:${c}`) ?? null;
      return v === undefined || isErrorValue(v) ? null : cellText(v);
    }
    let out: string | null = null;
    for (let k = cur; k <= curEnd; k++) {
      const v = at(k, c);
      if (isErrorValue(v)) continue;
      const t = cellText(v);
      if (t !== null) out = out === null ? t : `${out}\n${t}`;
    }
    return out;
  }
  /** First non-blank value of a column over the block (merged values sit in the top cell). */
  function firstValue(c: number): CellValue {
    foundIdx = cur;
    if (c < 0) return null;
    const v = curRow[c];
    if (v !== undefined && !isBlank(v)) return v;
    for (let k = cur + 1; k <= curEnd; k++) {
      const w = at(k, c);
      if (!isBlank(w)) {
        foundIdx = k;
        return w;
      }
    }
    return null;
  }
  /** "H7" for a cell of the block. */
  function addrOf(idx: number, c: number): string {
    return letterAt[c] + (idx === cur ? curLabel : String(idx + top + 1));
  }
  const EntryCells = entryCellsClass(mappedRoles, mappedLetters);

  function rating(c: number, scale: ScaleInfo | null): ScaleValue | null {
    const v = firstValue(c);
    if (v === null || isErrorValue(v)) return null;
    const r = readRating(v, scale);
    if (typeof r !== 'string') return r;
    const addr = addrOf(foundIdx, c);
    issues.push({ sheet, cell: addr, message: `${addr}: ${r}.`, severity: 'warning' });
    return null;
  }
  /** With a revised and an original due date, the revised one counts when it holds a date. */
  function dueDateOf(): DateValue | null {
    const due = date(C.dueDate, 'dueDate');
    if (C.originalDueDate < 0 || (due !== null && due.iso !== null)) return due;
    const original = date(C.originalDueDate, 'dueDate');
    return original !== null && original.iso !== null ? original : due;
  }
  function date(c: number, role: DateRole): DateValue | null {
    const v = firstValue(c);
    if (v === null || isErrorValue(v)) return null;
    const d = parseDate(v);
    if (d === null || d.kind === 'date' || d.kind === 'relative') return d;
    const order = d.kind === 'ambiguous' ? dateOrders.get(c) : undefined;
    const iso = order ? resolveDate(d.text, order) : null;
    if (iso) return { raw: d.raw, text: d.text, iso, kind: 'date' };
    const addr = addrOf(foundIdx, c);
    if (d && d.kind === 'ambiguous') {
      issues.push({ sheet, cell: addr, message: `${addr}: "${d.text}" could be read day-first or month-first, so the ${roleWords(role)} was not guessed; type it as YYYY-MM-DD or use a date cell.`, severity: 'warning' });
    } else if (d && d.kind === 'invalid' && !isDatePlaceholder(d)) {
      issues.push({ sheet, cell: addr, message: `${addr}: ${quoteShort(d.text)} is not a date we can read as the ${roleWords(role)}.`, severity: 'warning' });
    }
    return d;
  }

  let lastEntryIdx = -1;
  let blankRun = 0;
  let i = firstIdx;
  /** Row index where the table ended and something else starts below it, once found. */
  let belowAt = -1;
  /**
   * Reads rows from `i` up to `stop` (a row index: a merged block moves `i` past several rows at
   * once). A plain function called once per slice, not a loop in the generator: V8 optimizes a
   * long loop in a plain function while it runs, but runs one inside a generator several times slower.
   */
  const readUntil = (stop: number): void => {
    for (; i <= lastIdx && i < stop; i++) {
      const row = values[i];
      if (!rowHasValue(row)) {
        // Formulas whose results are blank (never calculated, or ""): an unfilled template row.
        if (hasFormula(i)) {
          if (templateStart < 0) {
            templateStart = i;
            templateCell = cellAddress(i + top, (formulas![i].findIndex((f) => !!f)) + grid.left);
          }
          templateEnd = i;
        } else {
          blankRun++;
        }
        continue;
      }
      const gap = blankRun;
      blankRun = 0;
      if (lastEntryIdx < 0 && isInstructionRow(row)) {
        const firstCol = firstNonBlankCol(row);
        const cell = cellAddress(i + top, firstCol + grid.left);
        issues.push({ sheet, cell, message: `Row ${i + top + 1} explains how to fill the columns (guidance or an example), so it was not read as a ${kind === 'cap' ? 'corrective action' : 'risk'}.`, severity: 'info' });
        continue;
      }
      // Blank rows then "Legend" / "Notes": what follows is not the table, however short the gap.
      if (lastEntryIdx >= 0 && ((gap >= TABLE_END_GAP && !continuesTable(i)) || (gap >= 1 && startsNote(row)))) {
        flushTemplate();
        belowAt = i;
        return;
      }
      const end = Math.min(blockEnd.get(i) ?? i, lastIdx);
      cur = i;
      curEnd = end;
      curRow = row;
      curLabel = String(i + top + 1);

      // Plain locals, not an object of texts per row: 50,000 rows would make 50,000 of them.
      const id = text(C.id);
      const risk = text(C.risk);
      const asset = text(C.asset);
      const threat = text(C.threat);
      const vulnerability = text(C.vulnerability);
      const action = text(C.action);
      if (isTotalRow(id, risk)) {
        const firstCol = firstNonBlankCol(row);
        issues.push({ sheet, cell: cellAddress(i + top, firstCol + grid.left), message: `Row ${i + top + 1} is a total, not a ${kind === 'cap' ? 'corrective action' : 'risk'}; it was not read as one.`, severity: 'info' });
        continue;
      }
      const substance = risk !== null || threat !== null || vulnerability !== null || asset !== null || action !== null;
      if (!substance) {
        let otherMapped = false;
        // A formula showing 0 or "" (a score of an unfilled row) says nothing about a risk.
        if (id !== null) {
          for (let j = 0; j < mappedIdx.length; j++) {
            if (mappedRoles[j] === 'id') continue;
            const v = firstValue(mappedIdx[j]);
            if (v !== null && !((v === 0 || v === '') && formulaAt(foundIdx, mappedIdx[j]) !== null)) otherMapped = true;
          }
        }
        const template = allFormulas(row, formulas?.[i] ?? null);
        if (template || !(id !== null && otherMapped)) {
          const firstCol = firstNonBlankCol(row);
          const cell = cellAddress(i + top, firstCol + grid.left);
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
              message: id !== null && id.length <= 20
                ? `Row ${i + top + 1} has only an ID (${quoteShort(id)}) and nothing else; it was not read as a ${kind === 'cap' ? 'corrective action' : 'risk'}.`
                : `Row ${i + top + 1} has ${quoteShort(shown)} in ${cell} but no ${kind === 'cap' ? 'finding or corrective action' : 'risk description, asset or action'}; it was not read as a ${kind === 'cap' ? 'corrective action' : 'risk'}.`,
              severity: 'warning',
            });
          }
          // Not a risk: its merged neighbours are judged row by row, so each gets its own verdict.
          continue;
        }
      }
      flushTemplate();

      const cells = new EntryCells(curLabel);

      // Cells that cannot be read: error values and formulas without a saved result.
      for (let j = 0; j < mappedIdx.length; j++) {
        const c = mappedIdx[j];
        for (let k = i; k <= end; k++) {
          const v = k === i ? row[c] : values[k]?.[c];
          if (v !== null && v !== undefined) {
            if (!isErrorValue(v)) continue;
            const addr = addrOf(k, c);
            issues.push({ sheet, cell: addr, message: `${addr} shows the error ${v} instead of a ${roleWords(mappedRoles[j])}; fix the formula or type the value.`, severity: 'warning' });
          } else if (formulas !== null && formulaAt(k, c) !== null) {
            const addr = addrOf(k, c);
            issues.push({ sheet, cell: addr, message: `${addr} holds a formula with no saved result (it may point to another workbook), so its ${roleWords(mappedRoles[j])} could not be read.`, severity: 'warning' });
          }
        }
      }

      // The owner text is already trimmed and non-blank (or null), which is all the placeholder test needs.
      const ownerText = text(C.owner);
      const owner = ownerText !== null && !isOwnerPlaceholder(ownerText) ? ownerText : null;
      const statusValue = firstValue(C.status);
      const statusText = isErrorValue(statusValue) ? null : cellText(statusValue);
      const status = statusText === null ? null : statusOf(statusText);
      if (statusText !== null && status === null) {
        const addr = addrOf(foundIdx, C.status);
        issues.push({ sheet, cell: addr, message: `${addr}: the status ${quoteShort(statusText)} is not one we recognize (e.g. Open, In Progress, Complete); it was left unclassified.`, severity: 'warning' });
      }

      let statedScore: Entry['statedScore'] = null;
      if (C.score >= 0) {
        const v = firstValue(C.score);
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : null;
        if (n !== null && Number.isFinite(n)) statedScore = statedScoreOf(v!, n);
        else if (v !== null && !isErrorValue(v)) {
          const addr = addrOf(foundIdx, C.score);
          issues.push({ sheet, cell: addr, message: `${addr}: the score ${quoteShort(String(v))} is not a number.`, severity: 'info' });
        }
      }

      const statusOnSheet = status === null && statusText === null && closedSheet ? 'Complete' : status;
      entries.push({
        sheet,
        row: i + top + 1,
        rowSpan: end - i + 1,
        id,
        risk,
        asset,
        threat,
        vulnerability,
        category: text(C.category),
        likelihood: rating(C.likelihood, likelihoodScale),
        impact: rating(C.impact, impactScale),
        statedScore,
        statedLevel: rating(C.level, levelScale),
        residualLikelihood: rating(C.residualLikelihood, residualLikelihoodScale),
        residualImpact: rating(C.residualImpact, residualImpactScale),
        residualLevel: rating(C.residualLevel, residualLevelScale),
        action,
        owner,
        ownerText,
        dueDate: dueDateOf(),
        status: statusOnSheet,
        statusText,
        completedDate: date(C.completedDate, 'completedDate'),
        verifiedBy: text(C.verifiedBy),
        verifiedDate: date(C.verifiedDate, 'verifiedDate'),
        evidence: text(C.evidence),
        rootCause: text(C.rootCause),
        reviewDate: date(C.reviewDate, 'reviewDate'),
        tierText: text(C.tier),
        element: text(C.element),
        justification: text(C.justification),
        cost: text(C.cost),
        vendorDependency: text(C.vendorDependency),
        cells,
      });
      lastEntryIdx = end;
      i = end;
    }
  };
  while (i <= lastIdx) {
    readUntil(i + ROWS_PER_SLICE);
    if (belowAt >= 0) {
      yield* reportBelowTable(belowAt);
      break;
    }
    if (i <= lastIdx) yield;
  }
  flushTemplate();

  /** Everything from `start` down: one issue per block of non-blank rows, so nothing is dropped silently. */
  function* reportBelowTable(start: number): Sliced<void> {
    let blockStart = -1;
    for (let k = start; k <= lastIdx + 1; k++) {
      if (sliceEnds(k - start)) yield;
      const filled = k <= lastIdx && rowHasValue(values[k]);
      if (filled && blockStart < 0) blockStart = k;
      if (!filled && blockStart >= 0) {
        const firstCol = firstNonBlankCol(values[blockStart]);
        const cell = cellAddress(blockStart + top, firstCol + grid.left);
        const a = blockStart + top + 1;
        const b = k - 1 + top + 1;
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

  // The first entry, past guidance rows and section dividers under the header.
  const firstRow = entries.length > 0 ? entries[0].row : headerRow + 2;
  return {
    entries,
    issues,
    scales,
    firstRow,
    lastRow: lastEntryIdx >= 0 ? lastEntryIdx + top + 1 : headerRow + 1,
  };
}

/** Every role's index into a row array (-1 when not mapped), as one fixed-shape object. */
function columnIndexes(columns: Partial<Record<Role, ColumnMatch>>, left: number): Record<Role, number> {
  const out = {} as Record<Role, number>;
  for (const role of ROLES) out[role] = columns[role] ? columns[role]!.col - left : -1;
  return out;
}

/** Stated scores, shared and frozen like ratings and dates (a score column repeats a few numbers). */
const statedScores = new Map<CellValue, { raw: CellValue; value: number }>();

function statedScoreOf(raw: CellValue, value: number): { raw: CellValue; value: number } {
  let score = statedScores.get(raw);
  if (score === undefined) {
    if (statedScores.size >= 20_000) statedScores.clear();
    statedScores.set(raw, (score = Object.freeze({ raw, value })));
  }
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
const INSTRUCTION_LABELS = new Set([
  'guidance', 'instruction', 'instructions', 'example', 'examples', 'e g', 'eg', 'for example', 'sample', 'how to fill',
  'ejemplo', 'ejemplos', 'instrucciones', 'exemplo', 'exemplos', 'instrucoes', 'exemple', 'exemples', 'esempio', 'esempi', 'istruzioni',
  'beispiel', 'beispiele', 'anleitung', 'hinweis', 'voorbeeld', 'voorbeelden', 'instructie', 'eksempel', 'veiledning', 'пример', 'инструкция',
]);
const INSTRUCTION_START = /^(?:e\.?\s?g\.?[\s:,]|i\.?e\.?[\s:,]|example|for example|enter |describe |select |choose |list |provide |specify |indicate |assign |type |use |if needed|if applicable|person responsible|the date |z\.\s?b\.|p\.\s?ej\.|ej\.|ex\.|por ejemplo|por exemplo|par exemple|ad esempio|bijv\.|f\.eks\.)/i;
const REQUIREMENT_WORD = /^(?:mandatory|situational|required|optional|conditional|obligatorio|opcional|obrigatorio|obligatoire|facultatif|obbligatorio|facoltativo|pflicht|optional|verplicht|optioneel|obligatorisk|valgfri)\b/i;
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

const CLOSED_SHEET_WORDS = ['closed', 'completed', 'complete', 'done', 'resolved', 'archive', 'archived', 'cerrados', 'cerradas', 'cerrado', 'completados', 'fechados', 'concluidos', 'fermes', 'clos', 'chiusi', 'completati', 'geschlossen', 'abgeschlossen', 'erledigt', 'gesloten', 'afgerond', 'lukket', 'закрытые'];

/** True for a sheet named for closed items ("Closed POA&M Items", "Completed", "Cerrados"). */
function isClosedSheetName(name: string): boolean {
  const words = ` ${normalizeWords(name)} `;
  return CLOSED_SHEET_WORDS.some((w) => words.includes(` ${w} `));
}

const TOTAL_LABELS = new Set(['total', 'totals', 'grand total', 'sum', 'subtotal', 'sub total', 'count', 'total risks', 'totale', 'gesamt', 'summe', 'totaal', 'sum totalt', 'итого', 'всего']);

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

const NOTE_START = /^(?:legend|key|notes?|source|sources|prepared by|approved by|reviewed by|\*|leyenda|notas?|legenda|legende|nota|hinweis|anmerkung|toelichting|merknad|примечание|легенда)\b/i;

/** A row whose first cell opens a legend or a note ("Legend", "Notes:", "* scores are..."). */
function startsNote(row: CellValue[]): boolean {
  const c = firstNonBlankCol(row);
  const v = row[c];
  return typeof v === 'string' && NOTE_START.test(v.trim());
}
