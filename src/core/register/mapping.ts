/**
 * Turns header labels into a role -> column mapping. Each column offers at most one role
 * (its best synonym match); each role goes to its most confident column. Ties and
 * low-confidence picks are reported as ambiguities, and user overrides win over everything.
 */
import { columnIndex, columnLetter } from '../grid';
import type { ColumnMatch, HeaderCell, Role } from '../model';
import { matchColumnAll } from './synonyms';
import { normalizeWords, quoteShort } from './text';
import { contradiction, looksLikeIds, supports, type ColumnProfile } from './profile';

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

/** Rating fields that, typed twice in one header row, mean inherent first and residual after. */
const RESIDUAL_OF: Partial<Record<Role, Role>> = {
  likelihood: 'residualLikelihood',
  impact: 'residualImpact',
  score: 'residualScore',
  level: 'residualLevel',
};

interface Offer extends ColumnMatch {
  needsValues: boolean;
}

/**
 * Maps header labels to roles. Every column offers the roles its header may name; with `profiles`
 * (what each column's values look like) an offer the values contradict is dropped, one the header
 * alone cannot settle is kept only when the values confirm it, and an empty column yields to a
 * filled one. Then each role goes to its most confident column, each column to one role.
 */
export function assignRoles(labels: HeaderLabel[], profiles?: Map<number, ColumnProfile>): RoleMapping {
  const offers: Offer[] = [];
  const headers: HeaderCell[] = [];
  const checks: string[] = [];
  /** Field text -> role of the rating columns met so far, to spot a repeated inherent block. */
  const ratingFields = new Map<string, Role>();
  for (const label of labels) {
    const text = headerText(label);
    const letter = columnLetter(label.col);
    headers.push({ col: label.col, letter, text });
    const profile = profiles?.get(label.col);
    const fieldKey = normalizeWords(label.field);
    let repeated = false;
    const readings = matchColumnAll(label.field, label.group);
    for (const m of readings) {
      let role = m.role;
      // "E B W R ... E B W R", "Likelihood | Impact | Score" twice: the second block is the residual one.
      if (RESIDUAL_OF[role] && ratingFields.get(fieldKey) === role) {
        role = RESIDUAL_OF[role]!;
        repeated = true;
      }
      let confidence = m.confidence;
      if (profiles) {
        if (!profile) continue;
        const why = contradiction(role, profile);
        if (why) {
          if (m === readings[0])
            checks.push(
              `Column ${letter} (${quoteShort(text)}) looks like the ${roleWords(role)} by its header, but ${why}; it was not read as the ${roleWords(role)}.`,
            );
          continue;
        }
        if (m.needsValues && !supports(role, profile)) continue;
        // An empty column yields to a filled one with the same header ("Riesgo" twice, an empty ID column).
        if (profile.values === 0) confidence = Math.round(confidence * 60) / 100;
        // "# | ID": a running number 1, 2, 3 in front of the real codes yields the ID to them.
        if (role === 'id' && profile.values >= 2 && profile.running) confidence = Math.round((confidence - 0.05) * 100) / 100;
      } else if (m.needsValues) {
        continue;
      }
      offers.push({ role, col: label.col, letter, header: text, confidence, source: 'auto', needsValues: m.needsValues ?? false });
    }
    const top = readings[0];
    if (top && RESIDUAL_OF[top.role] && !repeated && !ratingFields.has(fieldKey)) ratingFields.set(fieldKey, top.role);
  }
  offers.sort((a, b) => b.confidence - a.confidence || a.col - b.col);
  const columns: Partial<Record<Role, ColumnMatch>> = {};
  const runnersUp: Partial<Record<Role, ColumnMatch[]>> = {};
  const ambiguities: string[] = [];
  const usedCols = new Set<number>();
  for (const o of offers) {
    const { needsValues, ...c } = o;
    // Settled by the values, not the header: say so, so the user can check it.
    if (needsValues) c.check = `the header alone does not say; its values look like the ${roleWords(c.role)}`;
    const taken = columns[c.role];
    if (usedCols.has(c.col)) continue;
    if (!taken) {
      columns[c.role] = c;
      usedCols.add(c.col);
      continue;
    }
    (runnersUp[c.role] ??= []).push(c);
    if (taken.confidence === c.confidence) {
      const why = `${c.letter} (${quoteShort(c.header)}) looks the same`;
      taken.check = taken.check ? `${taken.check}; ${why}` : why;
      ambiguities.push(
        `Two columns look like the ${roleWords(c.role)}: ${taken.letter} (${quoteShort(taken.header)}) and ${c.letter} (${quoteShort(c.header)}); using ${taken.letter}.`,
      );
    }
  }
  settleRoles(columns);
  if (profiles) adoptIdColumn(columns, labels, profiles, usedCols, ambiguities);
  let score = 0;
  for (const c of Object.values(columns)) {
    if (!c) continue;
    score += c.confidence;
    if (c.confidence < LOW_CONFIDENCE && c.check === undefined) {
      c.check = 'the header is not clear';
      ambiguities.push(
        `Column ${c.letter} (${quoteShort(c.header)}) was read as the ${roleWords(c.role)}, but the header is not clear; please confirm.`,
      );
    }
  }
  ambiguities.push(...checks);
  return { columns, runnersUp, ambiguities, headers, score };
}

/**
 * Roles that only make sense beside another: a residual score with no residual level column is the
 * residual level; an original due date with no revised one is the due date; an impact (or
 * severity) with no likelihood anywhere is the stated level.
 */
function settleRoles(columns: Partial<Record<Role, ColumnMatch>>): void {
  const move = (from: Role, to: Role): void => {
    const m = columns[from];
    if (!m || columns[to]) return;
    delete columns[from];
    columns[to] = { ...m, role: to };
  };
  move('residualScore', 'residualLevel');
  move('originalDueDate', 'dueDate');
  if (!columns.likelihood && !columns.residualLikelihood) move('impact', 'level');
}

/** No header names the ID: a column of short codes, all different, is the ID ("please check"). */
function adoptIdColumn(
  columns: Partial<Record<Role, ColumnMatch>>,
  labels: HeaderLabel[],
  profiles: Map<number, ColumnProfile>,
  usedCols: Set<number>,
  ambiguities: string[],
): void {
  // An ID column left empty does not identify anything: a filled column of codes does.
  const empty = columns.id !== undefined && (profiles.get(columns.id.col)?.values ?? 1) === 0;
  if (columns.id && !empty) return;
  for (const label of labels) {
    const p = profiles.get(label.col);
    if (usedCols.has(label.col) || !p || !looksLikeIds(p)) continue;
    const letter = columnLetter(label.col);
    const header = headerText(label);
    const why = empty ? `the ID column ${columns.id!.letter} is empty` : 'no header names the ID';
    columns.id = {
      role: 'id',
      col: label.col,
      letter,
      header,
      confidence: 0.5,
      source: 'auto',
      check: `${why}; this column holds short codes, all different`,
    };
    ambiguities.push(
      `${why[0].toUpperCase()}${why.slice(1)}; column ${letter} (${quoteShort(header)}) holds short codes, all different, so it was read as the ID; please check.`,
    );
    return;
  }
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
  residualScore: 'residual risk score',
  originalDueDate: 'original due date',
  level: 'risk level',
  score: 'risk score',
  action: 'corrective action',
  element: 'CAP element',
};

/** A role in words for messages: "dueDate" -> "due date". */
export function roleWords(role: Role): string {
  return ROLE_WORDS[role] ?? role;
}
