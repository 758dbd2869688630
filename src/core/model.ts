/**
 * The domain model shared by the reader, the analysis and the reports.
 * Plain data only: no Excel, no ExcelJS, no DOM.
 */
import type { CellValue } from './grid';
import type { IsoDate } from './dates';

// ---------------------------------------------------------------- column roles

/** Fixed role names; the headless runner's JSON uses them as keys. */
export const ROLES = [
  'id',
  'risk',
  'asset',
  'threat',
  'vulnerability',
  'category',
  'likelihood',
  'impact',
  'score',
  'level',
  'action',
  'owner',
  'dueDate',
  'status',
  'completedDate',
  'verifiedBy',
  'verifiedDate',
  'evidence',
  'rootCause',
  'reviewDate',
  'residualLikelihood',
  'residualImpact',
  'residualLevel',
  // Beyond the issue's list: a residual score beside the residual level, and the first due date
  // of a tracker that also has a revised one (the revised date counts when it holds a date).
  'residualScore',
  'originalDueDate',
  // Also beyond the list: an explicit tier column wins over the rule table;
  // a CAP element column groups the progress report; a justification column backs "Accepted".
  'tier',
  'element',
  'justification',
  // Tier signals: a cost / resources / effort / budget column and a vendor-dependency column.
  'cost',
  'vendorDependency',
] as const;
export type Role = (typeof ROLES)[number];

export type TableKind = 'register' | 'cap';

/** How sure the reader is that a column plays a role (0..1), and why. */
export interface ColumnMatch {
  role: Role;
  /** 0-based absolute column. */
  col: number;
  /** Column letter, e.g. "H". */
  letter: string;
  /** The header text as read (group + field when two rows, e.g. "Residual Risk / Likelihood"). */
  header: string;
  confidence: number;
  source: 'auto' | 'override';
  /** Why the reader is not sure of this column ("please check"), in words; absent when it is sure. */
  check?: string;
}

/** A header cell offered in the mapping dropdown. */
export interface HeaderCell {
  col: number;
  letter: string;
  text: string;
}

/** How the values of a rating column (likelihood, impact, level, score...) are expressed. */
export interface ScaleInfo {
  /** Number of steps: 3 (H/M/L or 1-3), 4, 5, 10, 25 (a 5x5 product score)... */
  steps: number;
  /** "numeric" when the column holds 1..N numbers; "text" when it holds words. */
  form: 'numeric' | 'text';
  /** Why the reader settled on this scale, e.g. 'header says "(1-5)"'. */
  reason: string;
}

/**
 * A rating cell normalized onto its column's scale. Where it is: `entry.cells[role]`. Equal cells
 * share one frozen object (a register repeats the same few ratings on thousands of rows).
 */
export interface ScaleValue {
  raw: CellValue;
  /** 1 = lowest step on the column's scale. */
  ordinal: number;
  /** Steps on the column's scale (3, 5, 10, 25...). */
  steps: number;
  /** Words for the value where the sheet had words ("High", "4 - Major" -> "Major"). */
  label: string | null;
}

/** A parsed date cell. Where it is: `entry.cells[role]`. Equal cells share one frozen object. */
export interface DateValue {
  raw: CellValue;
  /** The ISO date when the cell is a real date; null otherwise. */
  iso: IsoDate | null;
  /**
   * date: a real date; relative: a timescale like "1-6 months" or "Q3 2026" (kept as text);
   * ambiguous: a day-first or month-first text that can be read both ways; invalid: not a date.
   */
  kind: 'date' | 'relative' | 'ambiguous' | 'invalid';
  /** The text as the user typed it, for display when iso is null. */
  text: string;
}

export const STATUSES = [
  'Not Started',
  'Open',
  'Planned',
  'In Progress',
  'Complete',
  'Mitigated',
  'Accepted',
  'Transferred',
  'Deferred',
] as const;
export type Status = (typeof STATUSES)[number];

/** A status word is "closed" when no more work is planned on the risk. */
export const CLOSED_STATUSES: readonly Status[] = ['Complete', 'Mitigated', 'Accepted', 'Transferred'];

/**
 * One risk of the register, or one corrective action of a CAP. A risk spanning several
 * rows through vertical merges is one Entry whose `rowSpan` > 1.
 */
export interface Entry {
  sheet: string;
  /** 1-based sheet row of the entry's first row. */
  row: number;
  rowSpan: number;
  id: string | null;
  /** The risk (or the CAP finding / deficiency / weakness) in words. */
  risk: string | null;
  asset: string | null;
  threat: string | null;
  vulnerability: string | null;
  category: string | null;
  likelihood: ScaleValue | null;
  impact: ScaleValue | null;
  /** The score the sheet states (often a formula), as a number; its cell is `cells.score`. */
  statedScore: { raw: CellValue; value: number } | null;
  /** The level the sheet states ("High", "4", ...). */
  statedLevel: ScaleValue | null;
  residualLikelihood: ScaleValue | null;
  residualImpact: ScaleValue | null;
  residualLevel: ScaleValue | null;
  action: string | null;
  /** Null when blank or a placeholder ("TBD", "N/A", "?", "-"); see ownerText for what was typed. */
  owner: string | null;
  ownerText: string | null;
  dueDate: DateValue | null;
  status: Status | null;
  /** The status as typed, e.g. "WIP". */
  statusText: string | null;
  completedDate: DateValue | null;
  verifiedBy: string | null;
  verifiedDate: DateValue | null;
  evidence: string | null;
  rootCause: string | null;
  reviewDate: DateValue | null;
  /** The tier as typed in an explicit tier column. */
  tierText: string | null;
  element: string | null;
  justification: string | null;
  /** A cost / resources / effort / budget cell as typed ("None", "$1,200", "Staff time"); a tier signal. */
  cost?: string | null;
  /** A vendor-dependency cell as typed ("Yes", "No", a product name); a tier signal. */
  vendorDependency?: string | null;
  /** A1 address of this entry's cell for each mapped role (top row of the entry). */
  cells: Partial<Record<Role, string>>;
}

/** Something the reader could not interpret; never thrown, always reported. */
export interface ReadIssue {
  sheet: string;
  /** A1 address ("O7"), or "" when the issue concerns the whole sheet or workbook. */
  cell: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** A register or CAP table as found on one sheet. */
export interface TableRead {
  kind: TableKind;
  sheet: string;
  /** 1-based row of the field header (the lower row when headers span two rows). */
  headerRow: number;
  /** All header rows, 1-based (group row and field row). */
  headerRows: number[];
  firstRow: number;
  lastRow: number;
  columns: Partial<Record<Role, ColumnMatch>>;
  /** Every non-empty header cell, for the mapping dropdown. */
  headers: HeaderCell[];
  /** Roles claimed by more than one column, or matched with low confidence. */
  ambiguities: string[];
  scales: Partial<Record<Role, ScaleInfo>>;
  entries: Entry[];
  /** Why this sheet was recognized, in words. */
  reason: string;
}

export interface SheetCandidate {
  sheet: string;
  kind: TableKind | 'other';
  score: number;
  reason: string;
}

/** User corrections to the mapping, saved in the workbook; they win on the next read. */
export interface MappingOverride {
  sheet: string;
  kind: TableKind;
  /** 1-based field header row, when the user corrected it. */
  headerRow?: number;
  /** role -> column letter; null means "this role is not in the sheet". */
  columns: Partial<Record<Role, string | null>>;
}

export interface WorkbookRead {
  register: TableRead | null;
  /** CAP sheets; a POA&M keeps open and closed items on separate sheets. */
  caps: TableRead[];
  candidates: SheetCandidate[];
  issues: ReadIssue[];
}

// ---------------------------------------------------------------- analysis

export const LEVELS = ['Very Low', 'Low', 'Medium', 'High', 'Very High'] as const;
export type Level = (typeof LEVELS)[number];

export const FINDING_KINDS = [
  'missing-owner',
  'missing-due-date',
  'overdue',
  'missing-action',
  'vague-action',
  'missing-verification',
  'missing-root-cause',
  'level-mismatch',
  'stale-review',
  'duplicate',
  'accepted-without-justification',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  sheet: string;
  /** The cell to look at, e.g. "N7". */
  cell: string;
  row: number;
  entryId: string | null;
  /**
   * Which risk it is about, as a reader would name it: its ID and title ("R-004 Shared front-desk
   * login"), or the sheet for a sheet-level note. Show it with the message: see `findingText`.
   */
  subject?: string;
  /** A note about a whole sheet (e.g. a tracker with no root-cause column), not about one item. */
  scope?: 'sheet';
  /** What is wrong, in plain words. */
  message: string;
  /** What would fix it. */
  fix: string;
}

export const TIERS = ['This week', 'Vendor conversations', 'Budget decisions', 'Unclassified'] as const;
export type Tier = (typeof TIERS)[number];

export type MatrixName = 'nist' | '3x3' | 'product' | 'custom';

/** The matrix used to turn likelihood and impact into a level. */
export interface MatrixChoice {
  name: MatrixName;
  label: string;
  reason: string;
}

export interface ScoredEntry {
  entry: Entry;
  level: Level | null;
  /** Numeric score on the matrix (likelihood x impact for products; ordinal product otherwise). */
  score: number | null;
  /** Target after treatment, where the sheet records a residual rating. */
  residualLevel: Level | null;
  open: boolean;
  overdue: boolean;
  daysOverdue: number;
  /** 1 = do first. */
  priority: number;
  priorityReason: string;
  tier: Tier;
  tierReason: string;
  /**
   * The three tiers, the engine's best guess first (the pane's buttons for an Unclassified item;
   * the user's choice first when there is one). Set by the analysis.
   */
  tierGuesses?: readonly Exclude<Tier, 'Unclassified'>[];
  /** Where the tier came from: the user's saved choice, the sheet's tier column, or the engine. */
  tierSource?: 'choice' | 'column' | 'engine';
  completed: boolean;
  verified: boolean;
  findings: Finding[];
}

export interface CapSummary {
  total: number;
  completed: number;
  verified: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  dueNext30Days: number;
}

export interface Analysis {
  asOf: IsoDate;
  matrix: MatrixChoice;
  /** Register risks in priority order. */
  risks: ScoredEntry[];
  /** CAP items (or, when there is no CAP sheet, the register's actions), in priority order. */
  capItems: ScoredEntry[];
  /** True when capItems came from the register because no CAP sheet was found. */
  capFromRegister: boolean;
  capSummary: CapSummary;
  findings: Finding[];
}
