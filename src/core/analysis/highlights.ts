/**
 * Highlights as conditional-format rules on bounded ranges: one rule per finding kind per
 * sheet. Where Excel can test the condition itself (blank owner, no due date, overdue), the
 * rule is a live formula, so it clears as soon as the user fixes the cell. A live rule is
 * only used when, on today's data, it flags exactly the cells the analysis flags; otherwise
 * (and for judgement calls such as vague wording) the rule is a fixed set of cells.
 */
import { isoToSerial } from '../dates';
import { columnIndex, columnLetter } from '../grid';
import { HIGHLIGHT_MARKER_TERM, type HighlightRule } from '../highlight';
import { CLOSED_STATUSES, type Analysis, type Entry, type Finding, type FindingKind, type Role } from '../model';

const RED = { fill: '#F8D7DA', fontColor: '#842029' } as const;
const AMBER = { fill: '#FFF3CD', fontColor: '#664D03' } as const;

/** Red for what makes an item unmanageable (no one, no date, late, nothing planned); amber for quality gaps. */
export const HIGHLIGHT_COLOURS: Record<FindingKind, { fill: string; fontColor: string }> = {
  'missing-owner': RED,
  'missing-due-date': RED,
  overdue: RED,
  'missing-action': RED,
  'vague-action': AMBER,
  'missing-verification': AMBER,
  'missing-root-cause': AMBER,
  'level-mismatch': AMBER,
  'stale-review': AMBER,
  duplicate: AMBER,
  'accepted-without-justification': AMBER,
};

/** Owner placeholders the live rule treats as blank (Excel's "=" ignores case). */
const OWNER_PLACEHOLDERS = ['TBD', 'N/A', '?', '-'];
/** Excel's limit on a conditional-format formula is generous, but keep rules short and readable. */
const MAX_LIVE_FORMULA = 255;

const FIXED_FORMULA = `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`;

interface CellRef {
  col: number;
  row: number;
}

/** The rules that show every finding of the analysis, for every sheet it covers. */
export function highlightRules(analysis: Analysis): HighlightRule[] {
  const entriesBySheet = new Map<string, Entry[]>();
  // capItems taken from the register are the register's own entries: count them once.
  for (const list of [analysis.risks, analysis.capFromRegister ? [] : analysis.capItems]) {
    for (const scored of list) {
      const sheetEntries = entriesBySheet.get(scored.entry.sheet);
      if (sheetEntries) sheetEntries.push(scored.entry);
      else entriesBySheet.set(scored.entry.sheet, [scored.entry]);
    }
  }
  const findingsBySheet = new Map<string, Map<FindingKind, Finding[]>>();
  for (const f of analysis.findings) {
    const byKind = findingsBySheet.get(f.sheet) ?? new Map<FindingKind, Finding[]>();
    const list = byKind.get(f.kind) ?? [];
    list.push(f);
    byKind.set(f.kind, list);
    findingsBySheet.set(f.sheet, byKind);
  }

  const rules: HighlightRule[] = [];
  for (const [sheet, byKind] of findingsBySheet) {
    const entries = [...(entriesBySheet.get(sheet) ?? [])].sort((a, b) => a.row - b.row);
    for (const [kind, findings] of byKind) {
      const colours = HIGHLIGHT_COLOURS[kind];
      const live = liveRule(kind, entries, findings, analysis.asOf);
      if (live) {
        rules.push({ sheet, kind, ...live, ...colours });
        continue;
      }
      const cells = findings.map((f) => parseCell(f.cell)).filter((c): c is CellRef => c !== null);
      if (cells.length === 0) continue;
      rules.push({ sheet, kind, ranges: compressCells(cells), formula: FIXED_FORMULA, ...colours });
    }
  }
  return rules;
}

function parseCell(address: string): CellRef | null {
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(address.trim());
  if (!m) return null;
  return { col: columnIndex(m[1]), row: Number(m[2]) };
}

/** Cells -> "H4:H9 H12 J5": contiguous rows in one column become one range. Ordered by column, then row. */
export function compressCells(cells: CellRef[]): string {
  // One number per cell (rows < 2^21), so sorting and de-duplicating need no strings.
  const keys = [...new Set(cells.map((c) => c.col * 2_097_152 + c.row))].sort((a, b) => a - b);
  const sorted = keys.map((k) => ({ col: Math.floor(k / 2_097_152), row: k % 2_097_152 }));
  const parts: string[] = [];
  let start: CellRef | null = null;
  let prev: CellRef | null = null;
  const flush = () => {
    if (!start || !prev) return;
    const a = `${columnLetter(start.col)}${start.row}`;
    parts.push(start.row === prev.row ? a : `${a}:${columnLetter(prev.col)}${prev.row}`);
  };
  for (const c of sorted) {
    if (prev && start && c.col === prev.col && c.row === prev.row + 1) {
      prev = c;
      continue;
    }
    flush();
    start = prev = c;
  }
  flush();
  return parts.join(' ');
}

/** The column letter of a role on this sheet, when every entry has it in the same column. */
function roleColumn(entries: Entry[], role: Role): string | null {
  let letter: string | null = null;
  for (const e of entries) {
    const cell = e.cells[role];
    if (!cell) return null;
    if (letter !== null && cell.startsWith(letter) && isDigit(cell.charCodeAt(letter.length))) continue;
    const l = /^[A-Z]+/i.exec(cell)?.[0]?.toUpperCase() ?? null;
    if (!l || (letter !== null && l !== letter)) return null;
    letter = l;
  }
  return letter;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A live rule for owner / due date / overdue, or null when the sheet's layout or data would
 * make the live test disagree with the analysis.
 */
function liveRule(kind: FindingKind, entries: Entry[], findings: Finding[], asOf: string): { ranges: string; formula: string } | null {
  if (kind !== 'missing-owner' && kind !== 'missing-due-date' && kind !== 'overdue') return null;
  if (entries.length === 0) return null;
  const targetRole: Role = kind === 'missing-owner' ? 'owner' : 'dueDate';
  const target = roleColumn(entries, targetRole);
  if (!target) return null;
  const firstRow = entries[0].row;
  const ref = (letter: string) => `${letter}${firstRow}`;

  // "Not closed": the status is not one of the closed words typed on this sheet, and no completion date.
  const status = roleColumn(entries, 'status');
  const completed = roleColumn(entries, 'completedDate');
  const closedTexts = new Set<string>();
  for (const e of entries) {
    if (e.status !== null && CLOSED_STATUSES.includes(e.status) && e.statusText?.trim()) closedTexts.add(e.statusText.trim().toLowerCase());
  }
  if (closedTexts.size > 0 && !status) return null;
  const notClosedTerms = [
    ...[...closedTexts].map((t) => `TRIM(${ref(status!)})<>${quote(t)}`),
    ...(completed ? [`LEN(TRIM(${ref(completed)}))=0`] : []),
  ];
  const notClosedInJs = (e: Entry) =>
    !(e.statusText && closedTexts.has(e.statusText.trim().toLowerCase())) && !(completed && e.completedDate !== null);

  const cell = ref(target);
  let test: string;
  let predicate: (e: Entry) => boolean;
  if (kind === 'missing-owner') {
    test = `OR(LEN(TRIM(${cell}))=0,${OWNER_PLACEHOLDERS.map((p) => `TRIM(${cell})=${quote(p)}`).join(',')})`;
    const blanks = new Set(['', ...OWNER_PLACEHOLDERS.map((p) => p.toLowerCase())]);
    predicate = (e) => blanks.has((e.ownerText ?? '').trim().toLowerCase());
  } else if (kind === 'missing-due-date') {
    test = `NOT(ISNUMBER(${cell}))`;
    predicate = (e) => typeof e.dueDate?.raw !== 'number';
  } else {
    const [y, m, d] = asOf.split('-').map(Number);
    test = `ISNUMBER(${cell}),${cell}<DATE(${y},${m},${d})`;
    const asOfSerial = isoToSerial(asOf);
    predicate = (e) => typeof e.dueDate?.raw === 'number' && e.dueDate.raw < asOfSerial;
  }
  const formula = `=AND(${[HIGHLIGHT_MARKER_TERM, test, ...notClosedTerms].join(',')})`;
  if (formula.length > MAX_LIVE_FORMULA) return null;

  // The live rule must flag exactly the rows the analysis flags.
  const flagged = new Set(findings.map((f) => f.row));
  for (const e of entries) {
    if ((predicate(e) && notClosedInJs(e)) !== flagged.has(e.row)) return null;
  }
  const ranges = compressCells(entries.map((e) => ({ col: columnIndex(target), row: e.row })));
  return { ranges, formula };
}
