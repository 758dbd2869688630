/**
 * The Workbook step's column mapping: what each role is mapped to now, and the overrides
 * saved when the user picks another column (or "not in sheet").
 */
import { ROLES, type MappingOverride, type Role, type TableRead } from '../core/model';

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
};

/** A role's name in words, e.g. "dueDate" -> "Due date". */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** Column letter per role as the reader mapped it ("" when unmapped). */
export function currentMapping(table: TableRead): Record<Role, string> {
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
  table: TableRead,
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
