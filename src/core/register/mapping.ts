/**
 * Turns header labels into a role -> column mapping. Each column offers at most one role
 * (its best synonym match); each role goes to its most confident column. Ties and
 * low-confidence picks are reported as ambiguities, and user overrides win over everything.
 */
import { columnIndex, columnLetter } from '../grid';
import type { ColumnMatch, HeaderCell, Role } from '../model';
import { matchColumn } from './synonyms';
import { quoteShort } from './text';

/** One header column: the field label and, for two-row headers, the group label above it. */
export interface HeaderLabel {
  col: number;
  field: string;
  group: string | null;
}

export interface RoleMapping {
  columns: Partial<Record<Role, ColumnMatch>>;
  /** Columns that also looked like a role but lost it, best first (used for value-based swaps). */
  runnersUp: Partial<Record<Role, ColumnMatch[]>>;
  ambiguities: string[];
  headers: HeaderCell[];
  /** Sum of the confidences of the mapped roles. */
  score: number;
}

/** Below this a match is used but reported, so the user can confirm it. */
export const LOW_CONFIDENCE = 0.6;

export function headerText(label: HeaderLabel): string {
  return label.group && label.group !== label.field ? `${label.group} / ${label.field}` : label.field;
}

/** Maps header labels to roles. */
export function assignRoles(labels: HeaderLabel[]): RoleMapping {
  const candidates: ColumnMatch[] = [];
  const headers: HeaderCell[] = [];
  for (const label of labels) {
    const text = headerText(label);
    headers.push({ col: label.col, letter: columnLetter(label.col), text });
    const m = matchColumn(label.field, label.group);
    if (m) {
      candidates.push({ role: m.role, col: label.col, letter: columnLetter(label.col), header: text, confidence: m.confidence, source: 'auto' });
    }
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.col - b.col);
  const columns: Partial<Record<Role, ColumnMatch>> = {};
  const runnersUp: Partial<Record<Role, ColumnMatch[]>> = {};
  const ambiguities: string[] = [];
  let score = 0;
  for (const c of candidates) {
    const taken = columns[c.role];
    if (!taken) {
      columns[c.role] = c;
      score += c.confidence;
      continue;
    }
    (runnersUp[c.role] ??= []).push(c);
    if (taken.confidence === c.confidence) {
      ambiguities.push(
        `Two columns look like the ${roleWords(c.role)}: ${taken.letter} (${quoteShort(taken.header)}) and ${c.letter} (${quoteShort(c.header)}); using ${taken.letter}.`,
      );
    }
  }
  for (const c of Object.values(columns)) {
    if (c && c.confidence < LOW_CONFIDENCE) {
      ambiguities.push(`Column ${c.letter} (${quoteShort(c.header)}) was read as the ${roleWords(c.role)}, but the header is not clear; please confirm.`);
    }
  }
  return { columns, runnersUp, ambiguities, headers, score };
}

/**
 * Applies the user's corrections: a letter forces the role onto that column (confidence 1, source
 * "override") and frees the column from any other role; null removes the role.
 */
export function applyOverrides(mapping: RoleMapping, overrides: Partial<Record<Role, string | null>>): string[] {
  const problems: string[] = [];
  for (const [role, letter] of Object.entries(overrides) as [Role, string | null | undefined][]) {
    if (letter === undefined) continue;
    if (letter === null) {
      delete mapping.columns[role];
      continue;
    }
    const col = columnIndex(letter);
    if (col < 0) {
      problems.push(`The saved mapping puts the ${roleWords(role)} in "${letter}", which is not a column; it was ignored.`);
      continue;
    }
    for (const [other, match] of Object.entries(mapping.columns) as [Role, ColumnMatch][]) {
      if (other !== role && match.col === col && overrides[other] === undefined) delete mapping.columns[other];
    }
    const header = mapping.headers.find((h) => h.col === col)?.text ?? '';
    mapping.columns[role] = { role, col, letter: columnLetter(col), header, confidence: 1, source: 'override' };
  }
  return problems;
}

const ROLE_WORDS: Partial<Record<Role, string>> = {
  id: 'ID',
  risk: 'risk / finding description',
  dueDate: 'due date',
  completedDate: 'completion date',
  verifiedBy: '"verified by"',
  verifiedDate: 'verification date',
  rootCause: 'root cause',
  reviewDate: 'review date',
  residualLikelihood: 'residual likelihood',
  residualImpact: 'residual impact',
  residualLevel: 'residual risk level',
  level: 'risk level',
  score: 'risk score',
  action: 'corrective action',
  element: 'CAP element',
};

/** A role in words for messages: "dueDate" -> "due date". */
export function roleWords(role: Role): string {
  return ROLE_WORDS[role] ?? role;
}
