/**
 * Test helpers for the analysis: build Entry and TableRead objects by hand, so analysis
 * tests do not depend on the register reader.
 */
import type { CellValue } from '../grid';
import { isoToSerial, type IsoDate } from '../dates';
import type { DateValue, Entry, Role, ScaleInfo, ScaleValue, TableKind, TableRead, WorkbookRead } from '../model';

/** A rating cell on a `steps`-point scale. */
export function scale(ordinal: number, steps = 5, label: string | null = null): ScaleValue {
  return { raw: label ?? ordinal, ordinal, steps, label };
}

/** A real date cell (an Excel serial, as the adapters report it). */
export function date(iso: IsoDate): DateValue {
  return { raw: isoToSerial(iso), iso, kind: 'date', text: iso };
}

/** A date cell that is not a real date ("Q3 2026", "03/04/2026", "soon"). */
export function textDate(text: string, kind: DateValue['kind']): DateValue {
  return { raw: text as CellValue, iso: null, kind, text };
}

/** Default register columns: B id, C risk, D likelihood, E impact, F score, G level, H action, I owner, J due, K status. */
export const DEFAULT_CELL_COLUMNS: Partial<Record<Role, string>> = {
  id: 'B',
  risk: 'C',
  likelihood: 'D',
  impact: 'E',
  score: 'F',
  level: 'G',
  action: 'H',
  owner: 'I',
  dueDate: 'J',
  status: 'K',
  completedDate: 'L',
  verifiedBy: 'M',
  verifiedDate: 'N',
  evidence: 'O',
  rootCause: 'P',
  reviewDate: 'Q',
  justification: 'R',
  tier: 'S',
};

/** An Entry with every field empty except what `partial` sets; cells default to DEFAULT_CELL_COLUMNS on `row`. */
export function makeEntry(partial: Partial<Entry> = {}): Entry {
  const row = partial.row ?? 5;
  const cells: Partial<Record<Role, string>> = {};
  for (const [role, letter] of Object.entries(DEFAULT_CELL_COLUMNS)) cells[role as Role] = `${letter}${row}`;
  return {
    sheet: 'Risk Register',
    row,
    rowSpan: 1,
    id: null,
    risk: null,
    asset: null,
    threat: null,
    vulnerability: null,
    category: null,
    likelihood: null,
    impact: null,
    statedScore: null,
    statedLevel: null,
    residualLikelihood: null,
    residualImpact: null,
    residualLevel: null,
    action: null,
    owner: null,
    ownerText: null,
    dueDate: null,
    status: null,
    statusText: null,
    completedDate: null,
    verifiedBy: null,
    verifiedDate: null,
    evidence: null,
    rootCause: null,
    reviewDate: null,
    tierText: null,
    element: null,
    justification: null,
    ...partial,
    cells: partial.cells ?? cells,
  };
}

/** An open risk on `row`, described, with an action, an owner and a due date; `partial` changes any of it. */
export function openEntry(row: number, partial: Partial<Entry> = {}): Entry {
  return makeEntry({
    row,
    risk: `Risk ${row}`,
    action: 'Enable MFA on the EHR portal',
    owner: 'Office Manager',
    ownerText: 'Office Manager',
    dueDate: date('2027-01-31'),
    status: 'Open',
    statusText: 'Open',
    ...partial,
  });
}

/** A TableRead around `entries`, with every DEFAULT_CELL_COLUMNS role mapped unless `roles` says otherwise. */
export function makeTable(
  kind: TableKind,
  entries: Entry[],
  options: { sheet?: string; roles?: Role[]; scales?: Partial<Record<Role, ScaleInfo>> } = {},
): TableRead {
  const sheet = options.sheet ?? entries[0]?.sheet ?? (kind === 'cap' ? 'CAP Tracker' : 'Risk Register');
  const roles = options.roles ?? (Object.keys(DEFAULT_CELL_COLUMNS) as Role[]);
  const columns: TableRead['columns'] = {};
  for (const role of roles) {
    const letter = DEFAULT_CELL_COLUMNS[role];
    if (!letter) continue;
    columns[role] = { role, col: letter.charCodeAt(0) - 65, letter, header: role, confidence: 1, source: 'auto' };
  }
  const rows = entries.map((e) => e.row);
  return {
    kind,
    sheet,
    headerRow: 4,
    headerRows: [4],
    firstRow: rows.length ? Math.min(...rows) : 5,
    lastRow: rows.length ? Math.max(...entries.map((e) => e.row + e.rowSpan - 1)) : 5,
    columns,
    headers: [],
    ambiguities: [],
    scales: options.scales ?? {},
    entries,
    reason: 'made by hand in a test',
  };
}

/** A WorkbookRead from a register and CAP tables. */
export function makeRead(register: TableRead | null, caps: TableRead[] = []): WorkbookRead {
  return { register, caps, candidates: [], issues: [] };
}
