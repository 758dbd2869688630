/**
 * The Workbook step's column mapping: what each role is mapped to now, and the overrides
 * saved when the user picks another column (or "not in sheet").
 */
import { ROLES, type MappingOverride, type Role, type TableRead } from '../core/model';
import type { CellValue } from '../core/grid';
import { KEY_ROLES, displaySample, judgeFit } from './valueFit';

/** Select value meaning "this role is not in the sheet". */
export const NOT_IN_SHEET = '';

/** Roles in the order the pane lists them. */
export const MAPPING_ROLES: readonly Role[] = ROLES;

const ROLE_LABELS: Record<Role, string> = {
  id: 'Risk ID',
  risk: 'Risk / finding',
  asset: 'Asset',
  threat: 'Threat',
  vulnerability: 'Vulnerability',
  category: 'Category',
  likelihood: 'Likelihood',
  impact: 'Impact',
  score: 'Score',
  level: 'Risk level',
  action: 'Action',
  owner: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
  completedDate: 'Completed date',
  verifiedBy: 'Verified by',
  verifiedDate: 'Verified date',
  evidence: 'Evidence',
  rootCause: 'Root cause',
  reviewDate: 'Review date',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  residualLevel: 'Residual level',
  residualScore: 'Residual score',
  originalDueDate: 'Original due date',
  tier: 'Tier',
  element: 'CAP element',
  justification: 'Justification',
  cost: 'Cost / resources',
  vendorDependency: 'Vendor dependency',
};

/** A role's name in words, e.g. "dueDate" -> "Due date". */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** Column letter per role as the reader mapped it ("" when unmapped). */
export function currentMapping(table: Pick<TableRead, 'columns'>): Record<Role, string> {
  const out = {} as Record<Role, string>;
  for (const role of MAPPING_ROLES) out[role] = table.columns[role]?.letter ?? NOT_IN_SHEET;
  return out;
}

/**
 * The saved overrides after the user's choices for one table: roles whose choice differs from
 * the current read are recorded (a letter, or null for "not in sheet"); earlier overrides for
 * that sheet are kept unless changed again; other sheets' overrides are untouched.
 */
export function buildOverrides(
  saved: MappingOverride[],
  table: Pick<TableRead, 'sheet' | 'kind' | 'columns'>,
  choices: Partial<Record<Role, string>>,
): MappingOverride[] {
  const current = currentMapping(table);
  const previous = saved.find((o) => o.sheet === table.sheet && o.kind === table.kind);
  const columns: MappingOverride['columns'] = { ...(previous?.columns ?? {}) };
  for (const role of MAPPING_ROLES) {
    const choice = choices[role];
    if (choice === undefined || choice === current[role]) continue;
    columns[role] = choice === NOT_IN_SHEET ? null : choice;
  }
  const next: MappingOverride = { sheet: table.sheet, kind: table.kind, columns };
  if (previous?.headerRow !== undefined) next.headerRow = previous.headerRow;
  const others = saved.filter((o) => !(o.sheet === table.sheet && o.kind === table.kind));
  return [...others, next];
}

/**
 * The saved overrides after the user picks which sheet holds the register (and, optionally,
 * its header row). Register overrides on other sheets are dropped so only one sheet is forced;
 * column choices already saved for the chosen sheet are kept.
 */
export function chooseRegisterSheet(saved: MappingOverride[], sheet: string, headerRow?: number): MappingOverride[] {
  const previous = saved.find((o) => o.sheet === sheet && o.kind === 'register');
  const next: MappingOverride = { sheet, kind: 'register', columns: { ...(previous?.columns ?? {}) } };
  const row = headerRow ?? previous?.headerRow;
  if (row !== undefined) next.headerRow = row;
  return [...saved.filter((o) => o.kind !== 'register' && o.sheet !== sheet), next];
}

/** The saved override for a table, if any. */
export function savedOverride(saved: MappingOverride[], sheet: string, kind: MappingOverride['kind']): MappingOverride | undefined {
  return saved.find((o) => o.sheet === sheet && o.kind === kind);
}

/** Roles of a table the user has set by hand (a letter or "not in sheet"); each can be reset to automatic. */
export function overriddenRoles(saved: MappingOverride[], sheet: string, kind: MappingOverride['kind']): Role[] {
  const o = savedOverride(saved, sheet, kind);
  return o ? MAPPING_ROLES.filter((r) => Object.hasOwn(o.columns, r)) : [];
}

/** The saved overrides with one role of one table back to automatic (a CAP override left empty is dropped). */
export function resetColumn(saved: MappingOverride[], sheet: string, kind: MappingOverride['kind'], role: Role): MappingOverride[] {
  return saved.flatMap((o) => {
    if (o.sheet !== sheet || o.kind !== kind) return [o];
    const columns = { ...o.columns };
    delete columns[role];
    const next: MappingOverride = { ...o, columns };
    const empty = Object.keys(columns).length === 0 && next.headerRow === undefined;
    return empty && kind === 'cap' ? [] : [next];
  });
}

/** The saved overrides with the register's header row found automatically again. */
export function resetHeaderRow(saved: MappingOverride[]): MappingOverride[] {
  return saved.map((o) => {
    if (o.kind !== 'register' || o.headerRow === undefined) return o;
    const { headerRow: _row, ...rest } = o;
    return rest;
  });
}

/** The saved overrides with the register sheet (and its column choices) found automatically again. */
export function resetRegisterSheet(saved: MappingOverride[]): MappingOverride[] {
  return saved.filter((o) => o.kind !== 'register');
}

/** Minimum confidence below which an automatic column match is shown as "please check". */
export const CHECK_BELOW_CONFIDENCE = 0.6;

/** A header's text cut to fit a 320 px dropdown; the full text goes in a title. */
export function shortHeader(text: string, maxChars = 28): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > maxChars ? `${t.slice(0, maxChars - 1)}…` : t;
}

/**
 * Reasons to check a table's key columns before generating: a guessed match ("please check"),
 * or sample values that do not fit the role. Empty when the key columns look right.
 */
export function mappingConcerns(table: {
  sheet: string;
  columns: TableRead['columns'];
  headers: TableRead['headers'];
  samples: CellValue[][];
}): string[] {
  const out: string[] = [];
  for (const role of KEY_ROLES) {
    const match = table.columns[role];
    if (!match) continue;
    const where = `column ${match.letter} (“${shortHeader(match.header)}”)`;
    if (match.source === 'auto' && (match.check || match.confidence < CHECK_BELOW_CONFIDENCE)) {
      out.push(`${roleLabel(role)}: ${where} is a guess: ${match.check ?? 'the header is not clear'}.`);
      continue;
    }
    const index = table.headers.findIndex((h) => h.letter === match.letter);
    const samples = index >= 0 ? table.samples[index] : [];
    const fit = judgeFit(role, samples);
    if (!fit.fits) {
      const examples = samples
        .slice(0, 3)
        .map((v) => `“${displaySample(v, role, 20)}”`)
        .join(', ');
      out.push(`${roleLabel(role)}: ${where} ${fit.problem} (${examples}).`);
    }
  }
  return out;
}
