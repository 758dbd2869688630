/**
 * Finds the header row(s) of a sheet and scores the sheet as a risk register, a CAP tracker
 * or neither. Title rows, banners and document-control blocks lose because they name few
 * roles; a group row above the field row is kept when it adds labels or marks ratings residual.
 */
import { isBlank, type CellValue, type SheetGrid } from '../grid';
import type { Role, TableKind } from '../model';
import { assignRoles, type HeaderLabel, type RoleMapping } from './mapping';
import { normalizeWords } from './text';
import { isResidualGroup } from './synonyms';

/** Header rows are looked for among the first rows of the used range only. */
const HEADER_SCAN_ROWS = 60;
/** Data rows sampled to judge a sheet (enough to tell a table from a legend). */
const SAMPLE_ROWS = 50;

export interface HeaderGuess {
  /** 0-based absolute field row. */
  row: number;
  /** 0-based absolute group row above it, or null for a one-row header. */
  groupRow: number | null;
  labels: HeaderLabel[];
  mapping: RoleMapping;
}

/** Text of a header cell; merged cells read their top-left value; Excel's "Column7" counts as blank. */
class HeaderReader {
  private readonly mergeOrigin = new Map<string, { row: number; col: number }>();
  constructor(
    private readonly grid: SheetGrid,
    rowLimit: number,
  ) {
    for (const m of grid.merges) {
      if (m.top > rowLimit) continue;
      // Cap the expansion: a header merge wider than 200 columns is a banner anyway.
      for (let r = m.top; r <= Math.min(m.bottom, rowLimit + 1); r++) {
        for (let c = m.left; c <= Math.min(m.right, m.left + 200); c++) {
          if (r !== m.top || c !== m.left) this.mergeOrigin.set(`${r}:${c}`, { row: m.top, col: m.left });
        }
      }
    }
  }

  raw(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.grid.top];
    if (!r) return null;
    const v = r[col - this.grid.left];
    return v === undefined ? null : v;
  }

  /** Own text of the cell, without merge expansion. */
  own(row: number, col: number): string | null {
    const v = this.raw(row, col);
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') return null;
    const t = v.trim();
    if (t === '' || /^Column\d+$/.test(t)) return null;
    return t;
  }

  /** Text of the cell, or of the merge covering it. */
  expanded(row: number, col: number): string | null {
    const own = this.own(row, col);
    if (own !== null) return own;
    const o = this.mergeOrigin.get(`${row}:${col}`);
    return o ? this.own(o.row, o.col) : null;
  }

  /** The merge's top-left when (row, col) is covered by a merge. */
  origin(row: number, col: number): { row: number; col: number } | null {
    return this.mergeOrigin.get(`${row}:${col}`) ?? null;
  }
}

function colRange(grid: SheetGrid): [number, number] {
  let width = 0;
  // Rows are normally all as wide as the used range; be safe with ragged input.
  for (let i = 0; i < Math.min(grid.values.length, HEADER_SCAN_ROWS + SAMPLE_ROWS); i++) {
    width = Math.max(width, grid.values[i]?.length ?? 0);
  }
  return [grid.left, grid.left + width - 1];
}

/** A row that can sit above the field row as a group header ("Residual Risk" over L / I / Level). */
function isGroupRow(reader: HeaderReader, row: number, first: number, last: number, fieldWidth: number): boolean {
  let sources = 0;
  let widest = 0;
  for (let c = first; c <= last; c++) {
    const v = reader.raw(row, c);
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || v.length > 60) return false;
    sources++;
    let span = 1;
    while (c + span <= last && reader.origin(row, c + span)?.col === c && reader.origin(row, c + span)?.row === row) span++;
    widest = Math.max(widest, span);
  }
  if (sources === 0) return false;
  // A single label across (almost) the whole table is a title banner, not a group.
  if (sources === 1 && (widest < 2 || widest >= 0.8 * fieldWidth)) return false;
  return true;
}

function labelsFor(reader: HeaderReader, row: number, groupRow: number | null, first: number, last: number): HeaderLabel[] {
  const labels: HeaderLabel[] = [];
  for (let c = first; c <= last; c++) {
    const own = reader.own(row, c);
    if (groupRow === null) {
      if (own !== null) labels.push({ col: c, field: own, group: null });
      continue;
    }
    const group = reader.expanded(groupRow, c);
    if (own !== null) labels.push({ col: c, field: own, group });
    else if (group !== null && reader.origin(row, c)?.row !== row) {
      // Nothing below the group cell (or a label merged down over both rows): the group row names the column.
      labels.push({ col: c, field: group, group: null });
    }
  }
  return labels;
}

function rowCells(reader: HeaderReader, row: number, first: number, last: number): { strings: number; others: number } {
  let strings = 0;
  let others = 0;
  for (let c = first; c <= last; c++) {
    const v = reader.raw(row, c);
    if (isBlank(v)) continue;
    if (typeof v === 'string' && !/^\d+(\.\d+)?$/.test(v.trim())) strings++;
    else others++;
  }
  return { strings, others };
}

function hasResidual(m: RoleMapping): boolean {
  return !!(m.columns.residualLevel || m.columns.residualLikelihood || m.columns.residualImpact);
}

/**
 * The best header on the sheet: every row of the first ~60 is tried alone and with the row above
 * as its group row; the mapping with the highest confidence wins (ties: the simpler, earlier one).
 * `forcedRow` (0-based) limits the search to that field row.
 */
export function findHeader(grid: SheetGrid, forcedRow?: number): HeaderGuess | null {
  if (grid.values.length === 0) return null;
  const [first, last] = colRange(grid);
  if (last < first) return null;
  const top = grid.top;
  const limit = forcedRow ?? Math.min(top + grid.values.length - 1, top + HEADER_SCAN_ROWS);
  const reader = new HeaderReader(grid, limit + 1);
  const tableHeaderRows = new Set(grid.tables.filter((t) => t.hasHeaderRow).map((t) => t.range.top));
  let best: (HeaderGuess & { score: number }) | null = null;
  const start = forcedRow ?? top;
  for (let row = start; row <= limit; row++) {
    const { strings, others } = rowCells(reader, row, first, last);
    if (strings < 2 || strings < 2 * others) continue;
    const one = labelsFor(reader, row, null, first, last);
    const oneMap = assignRoles(one);
    const bonus = tableHeaderRows.has(row) ? 0.5 : 0;
    consider(row, null, one, oneMap, oneMap.score + bonus);
    if (row - 1 >= top && isGroupRow(reader, row - 1, first, last, one.length)) {
      const two = labelsFor(reader, row, row - 1, first, last);
      const twoMap = assignRoles(two);
      const twoBonus = tableHeaderRows.has(row) || tableHeaderRows.has(row - 1) ? 0.5 : 0;
      // A group row that says "Residual" is the header's, even when repeated field names already told.
      const groupSaysResidual = two.some((l) => l.group !== null && l.group !== l.field && isResidualGroup(l.group));
      if (twoMap.score > oneMap.score + 1e-9 || (hasResidual(twoMap) && (!hasResidual(oneMap) || groupSaysResidual))) {
        consider(row, row - 1, two, twoMap, twoMap.score + twoBonus + 1e-6);
      }
    }
  }
  function consider(row: number, groupRow: number | null, labels: HeaderLabel[], mapping: RoleMapping, score: number): void {
    const roles = Object.keys(mapping.columns).length;
    if (forcedRow === undefined && roles < 2) return;
    if (!best || score > best.score + 1e-9) best = { row, groupRow, labels, mapping, score };
  }
  if (!best && forcedRow !== undefined) {
    const labels = labelsFor(reader, forcedRow, null, first, last);
    return { row: forcedRow, groupRow: null, labels, mapping: assignRoles(labels) };
  }
  if (!best) return null;
  const { score: _score, ...guess } = best as HeaderGuess & { score: number };
  return guess;
}

// ------------------------------------------------------------------ sheet scoring

const RATING_ROLES: Role[] = ['likelihood', 'impact', 'score', 'level', 'residualLikelihood', 'residualImpact', 'residualLevel'];
const RISK_TEXT_ROLES: Role[] = ['risk', 'threat', 'vulnerability'];
const CAP_PROGRESS_ROLES: Role[] = ['dueDate', 'status', 'completedDate'];

/** How much each mapped role says "register" and "CAP". One table, one place. */
const ROLE_WEIGHTS: Record<Role, [register: number, cap: number]> = {
  id: [0.5, 0.5],
  risk: [1, 1],
  asset: [1, 0.2],
  threat: [1, 0.2],
  vulnerability: [1, 0.2],
  category: [0.5, 0.3],
  likelihood: [1.5, 0.2],
  impact: [1.5, 0.2],
  score: [1.5, 0.2],
  level: [1.5, 0.3],
  action: [0.7, 1.2],
  owner: [0.5, 0.8],
  dueDate: [0.3, 1.2],
  status: [0.4, 0.8],
  completedDate: [0.2, 1.2],
  verifiedBy: [0.1, 1.2],
  verifiedDate: [0.1, 1.2],
  evidence: [0.1, 1.2],
  rootCause: [0.1, 1.2],
  reviewDate: [0.5, 0.2],
  residualLikelihood: [1.5, 0.2],
  residualImpact: [1.5, 0.2],
  residualLevel: [1.5, 0.2],
  residualScore: [1, 0.2],
  originalDueDate: [0.2, 1],
  tier: [0.3, 0.3],
  element: [0.1, 1.2],
  justification: [0.3, 0.3],
  cost: [0.2, 0.3],
  vendorDependency: [0.1, 0.5],
};

/** Sheet names that describe a table, or that are surely not one. */
const REGISTER_NAMES = [
  'risk register',
  'risk assessment',
  'risk analysis',
  'risk log',
  'risks',
  'register',
  'risk',
  'riesgos',
  'matriz de riesgos',
  'riscos',
  'matriz de riscos',
  'risques',
  'registre des risques',
  'rischi',
  'registro dei rischi',
  'risiken',
  'risikoanalyse',
  'risikoregister',
  'risikomatrix',
  'risico',
  'risicos',
  'risicoanalyse',
  'risicoregister',
  'risikoer',
  'risikovurdering',
  'реестр рисков',
  'риски',
];
const CAP_NAMES = [
  'cap',
  'capa',
  'corrective',
  'poam',
  'poa and m',
  'poa m',
  'action plan',
  'treatment plan',
  'remediation',
  'tracker',
  'milestones',
  'open items',
  'closed items',
  'findings',
  'plan de accion',
  'acciones correctivas',
  'plano de acao',
  'plan d action',
  'piano d azione',
  'massnahmen',
  'massnahmenplan',
  'actieplan',
  'tiltaksplan',
  'план мероприятий',
];
const OTHER_NAMES = [
  'readme',
  'read me',
  'instructions',
  'methodology',
  'legend',
  'key',
  'heat map',
  'heatmap',
  'dashboard',
  'summary',
  'chart',
  'charts',
  'matrix',
  'scoring',
  'criteria',
  'definitions',
  'guidance',
  'guide',
  'about',
  'cover',
  'lookup',
  'lookups',
  'lists',
  'dropdowns',
  'asset register',
  'assets',
  'asset inventory',
  'inventory',
  'change log',
  'version history',
  'revision history',
  'settings',
  'kpi',
  'kpis',
  'overview',
  'report',
  'record of changes',
  'references',
  'reference lists',
  'evidence map',
  'instrucciones',
  'leyenda',
  'resumen',
  'instrucoes',
  'legenda',
  'resumo',
  'legende',
  'resume',
  'istruzioni',
  'riepilogo',
  'anleitung',
  'zusammenfassung',
  'uebersicht',
  'ubersicht',
  'toelichting',
  'samenvatting',
  'veiledning',
  'oversikt',
  'инструкции',
  'легенда',
];

/** Words that name the table itself, over any decoy word beside them. */
const TABLE_NAMES = [
  'register',
  'log',
  'tracker',
  'poam',
  'poa and m',
  'cap',
  'capa',
  'plan',
  'registro',
  'registre',
  'register',
  'matriz',
  'planilha',
  'реестр',
  'items',
];

/** Sheets that copy or sum up risks, or list controls or assets: never the register unless chosen. */
const DECOY_NAMES = [
  'dashboard',
  'summary',
  'overview',
  'kpi',
  'kpis',
  'gap assessment',
  'gap analysis',
  'control assessment',
  'controls assessment',
  'asset inventory',
  'asset register',
  'inventory',
  'assets',
  'resumen',
  'resumo',
  'zusammenfassung',
  'ubersicht',
  'samenvatting',
  'oversikt',
];

function nameHas(name: string, list: string[]): string | null {
  const n = ` ${normalizeWords(name)} `;
  return list.find((w) => n.includes(` ${w} `)) ?? null;
}

export interface SheetScore {
  kind: TableKind | 'other';
  score: number;
  registerScore: number;
  capScore: number;
  reason: string;
}

/** Non-blank rows below the header among the first SAMPLE_ROWS, to tell a table from a label block. */
export function sampleDataRows(grid: SheetGrid, headerRow: number): number {
  let n = 0;
  const startIdx = headerRow + 1 - grid.top;
  for (let i = startIdx; i < Math.min(grid.values.length, startIdx + SAMPLE_ROWS); i++) {
    const row = grid.values[i];
    const formulas = grid.formulas?.[i] ?? null;
    // A template's formulas showing 0 or "" are not data: the filled sheet beside it wins.
    if (row && row.some((v, c) => !isBlank(v) && !(formulas?.[c] && (v === 0 || v === '')))) n++;
  }
  return n;
}

/** Scores a sheet whose header was found; the reason says why, in words. */
export function scoreSheet(grid: SheetGrid, guess: HeaderGuess): SheetScore {
  const roles = Object.keys(guess.mapping.columns) as Role[];
  const has = (list: Role[]): boolean => list.some((r) => roles.includes(r));
  let reg = 0;
  let cap = 0;
  for (const r of roles) {
    const c = guess.mapping.columns[r]!.confidence;
    reg += ROLE_WEIGHTS[r][0] * c;
    cap += ROLE_WEIGHTS[r][1] * c;
  }
  const regOk = has(RATING_ROLES) && has(RISK_TEXT_ROLES);
  // A tracker names its items (a finding, or at least an ID), says what is done about them (an action,
  // or for a closed-items tab the completion, its evidence or verifier) and tracks progress.
  // "Finding ID | Finding Title | Severity | Status | Owner | Target Date" tracks items without an action column.
  const tracked = has(['action', 'completedDate', 'verifiedBy', 'evidence']) || (roles.includes('dueDate') && has(['status', 'owner']));
  const capOk = has(['risk', 'id']) && tracked && has(CAP_PROGRESS_ROLES);
  if (!regOk) reg = 0;
  if (!capOk) cap = 0;
  const rows = sampleDataRows(grid, guess.row);
  // An empty template (a header and nothing under it) loses to the sheet that holds the entries.
  const rowFactor = rows === 0 ? 0.1 : 1 + Math.min(rows, 20) * 0.01;
  reg *= rowFactor;
  cap *= rowFactor;
  const notes: string[] = [];
  const other = nameHas(grid.name, OTHER_NAMES);
  const regName = nameHas(grid.name, REGISTER_NAMES);
  const capName = nameHas(grid.name, CAP_NAMES);
  const decoy = nameHas(grid.name, DECOY_NAMES);
  // "Risk Summary" is a summary; "Risk Register Overview" still names the register.
  if (decoy && !nameHas(grid.name, TABLE_NAMES)) {
    // A dashboard's "top risks", a gap assessment's "Risk ID": risk-shaped, but not where the entries live.
    reg *= 0.1;
    cap *= 0.1;
    notes.push(
      `the sheet name "${grid.name}" suggests ${decoy.includes('asset') || decoy === 'inventory' ? 'an asset list' : decoy.includes('gap') ? 'a control gap assessment' : 'a summary or dashboard'}`,
    );
  } else if (other && !regName && !capName) {
    reg *= 0.3;
    cap *= 0.3;
    notes.push(
      `the sheet name "${grid.name}" suggests ${other === 'asset register' || other === 'assets' ? 'an asset list' : 'a reference or summary sheet'}`,
    );
  }
  if (grid.visibility !== 'visible') {
    // A hidden copy (last year's register, a lookup sheet) should lose to the sheet people see.
    reg *= 0.7;
    cap *= 0.7;
    notes.push('the sheet is hidden');
  }
  if (capName && cap > 0 && rows > 0) cap += 1.5;
  if (regName && !capName && reg > 0 && rows > 0) reg += 1;
  reg = round(reg);
  cap = round(cap);
  const named = roles
    .map((r) => guess.mapping.columns[r]!)
    .sort((a, b) => a.col - b.col)
    .slice(0, 8)
    .map((m) => `${m.letter} "${shortHeader(m.header)}"`);
  const where = `header on row ${guess.row + 1}${guess.groupRow !== null ? ` (with group row ${guess.groupRow + 1})` : ''}`;
  if (reg === 0 && cap === 0) {
    const why =
      !regOk && !capOk ? 'no risk description with ratings, and no finding with a corrective action and a due date or status' : '';
    return {
      kind: 'other',
      score: 0,
      registerScore: 0,
      capScore: 0,
      reason: [why || 'not a risk table', ...notes].filter(Boolean).join('; '),
    };
  }
  // Close calls (a risk log with actions and dates, a tracker with a severity) go the way the sheet's name says.
  const close = Math.min(reg, cap) >= 0.85 * Math.max(reg, cap);
  const kind: TableKind = close && regName && !capName ? 'register' : close && capName && !regName ? 'cap' : cap > reg ? 'cap' : 'register';
  const what = kind === 'register' ? 'risk descriptions with ratings' : 'findings with corrective actions and dates/status';
  const reason = `${where}; ${what}: ${named.join(', ')}; ${rows}${rows >= SAMPLE_ROWS ? '+' : ''} data rows${notes.length ? '; ' + notes.join('; ') : ''}`;
  return { kind, score: Math.max(reg, cap), registerScore: reg, capScore: cap, reason };
}

function shortHeader(h: string): string {
  return h.length > 30 ? h.slice(0, 27) + '...' : h;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
