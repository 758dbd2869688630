/**
 * What the pane shows, in one small plain object: counts, the mapping with sample values per
 * column, the findings as a readable list. The full workbook state (every entry of a 50,000-row
 * register) stays where the work runs (a Web Worker in file mode), and only this view crosses to
 * the page, so a structured clone never holds the pane's thread for long. Pure.
 */
import type { WorkbookState } from '../app/workflow';
import type { CellValue, SheetGrid } from '../core/grid';
import {
  FINDING_KINDS,
  LEVELS,
  TIERS,
  type CapSummary,
  type ColumnMatch,
  type FindingKind,
  type HeaderCell,
  type Level,
  type MatrixChoice,
  type ReadIssue,
  type Role,
  type ScaleInfo,
  type ScoredEntry,
  type SheetCandidate,
  type TableKind,
  type TableRead,
  type Tier,
} from '../core/model';
import type { SheetInfo } from '../core/port';
import type { Settings } from '../core/settings';
import { chooseMatrix, tierChoiceKey, type ChosenTier } from '../core/analysis';
import { practiceDetails, tierButtons } from '../app/workflow';
import { effectiveFact, FACT_NAMES, type FactName } from '../core/facts';
import { findingLabel } from '../core/findingKinds';
import { inSlices, type Sliced } from '../core/slices';

/** Sample values kept per column: three shown, five judged. */
export const SAMPLES_PER_COLUMN = 5;
/** Issues listed in the Workbook step (the count says how many there are in all). */
export const MAX_ISSUES_SHOWN = 200;
/** Findings kept per kind; the full list is in the plan's Flags column and the highlights. */
export const MAX_FINDINGS_PER_KIND = 200;
/** Actions listed for a tier choice (the count says how many there are in all). */
export const MAX_TIER_ITEMS = 2000;

export interface TableView {
  kind: TableKind;
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  count: number;
  columns: Partial<Record<Role, ColumnMatch>>;
  headers: HeaderCell[];
  /** samples[i]: the first non-empty values under headers[i]. */
  samples: CellValue[][];
  ambiguities: string[];
  scales: Partial<Record<Role, ScaleInfo>>;
  reason: string;
}

export interface FindingItem {
  sheet: string;
  cell: string;
  /** The risk or action ID as typed, or null. */
  id: string | null;
  /** The first words of the risk (or CAP finding), or null when the row has none. */
  title: string | null;
  level: Level | null;
  message: string;
}

export interface FindingGroup {
  kind: FindingKind;
  /** The fixes, each said once for the group (items of one kind share one or two). */
  fixes: string[];
  total: number;
  /** Highest level first; at most MAX_FINDINGS_PER_KIND. */
  items: FindingItem[];
}

/** An open risk whose tier the user decides (the engine could not), or whose tier the user chose. */
export interface TierItem {
  /** The key its choice is saved under (tierChoiceKey); the session finds the entry by it. */
  key: string;
  sheet: string;
  row: number;
  /** The risk or action ID as typed, or null. */
  id: string | null;
  /** The first words of the risk, or null. */
  title: string | null;
  /** The first words of the action, or null. */
  action: string | null;
  level: Level | null;
  /** The three tiers in button order: the engine's best guess first (the user's choice first once chosen). */
  tiers: readonly ChosenTier[];
  current: Tier;
  chosenByUser: boolean;
}

/** A practice detail the plan prints: what the workbook itself states, and whether the user typed one. */
export interface PracticeDetailView {
  name: FactName;
  label: string;
  /** What the workbook states (title rows, cover sheet), or null. */
  found: { value: string; where: string } | null;
  /** A value the user typed (saved in the settings); it wins over `found`. */
  typed: string | null;
}

export interface PaneView {
  asOf: string;
  sheets: SheetInfo[];
  /** The saved settings without the last plan's snapshot (which can hold 50,000 risks). */
  settings: Omit<Settings, 'snapshot'>;
  warnings: string[];
  register: TableView | null;
  caps: TableView[];
  candidates: SheetCandidate[];
  issues: ReadIssue[];
  issueCount: number;
  issueErrors: number;
  matrix: MatrixChoice;
  /** The matrix in use as a table at its own steps: levels[likelihood-1][impact-1]. */
  matrixTable: Level[][];
  riskCount: number;
  levelCounts: { level: Level; count: number }[];
  unrated: number;
  tierCounts: { tier: string; count: number }[];
  capItemCount: number;
  capFromRegister: boolean;
  capSummary: CapSummary;
  findingCount: number;
  findingGroups: FindingGroup[];
  /** Risks the plan will print MISSING for, per kind (owner, date, action). */
  missingPerRisk: { owner: number; dueDate: number; action: number };
  /** Open risks the engine left Unclassified, and those the user chose a tier for, in priority order. */
  tierItems: TierItem[];
  /** All such risks (tierItems holds at most MAX_TIER_ITEMS). */
  tierItemCount: number;
  /** The practice details, each with what the workbook states and what the user typed. */
  practiceDetails: PracticeDetailView[];
}

/**
 * The view of a state; `grids` (from the same read) give the sample values. Yields between slices
 * of risks and findings (in Excel it runs on the pane's thread).
 */
export function* paneViewOfSliced(state: WorkbookState, grids: readonly SheetGrid[]): Sliced<PaneView> {
  const { read, analysis } = state;
  const gridByName = new Map(grids.map((g) => [g.name, g]));
  const table = (t: TableRead): TableView => ({
    kind: t.kind,
    sheet: t.sheet,
    headerRow: t.headerRow,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
    count: t.entries.length,
    columns: t.columns,
    headers: t.headers,
    samples: columnSamples(gridByName.get(t.sheet), t),
    ambiguities: t.ambiguities,
    scales: t.scales,
    reason: t.reason,
  });
  const levelCount = new Map<Level | null, number>();
  const tierCount = new Map<string, number>();
  yield* inSlices(analysis.risks.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = analysis.risks[i];
      levelCount.set(r.level, (levelCount.get(r.level) ?? 0) + 1);
      tierCount.set(r.tier, (tierCount.get(r.tier) ?? 0) + 1);
    }
  });
  const { snapshot: _snapshot, ...settings } = state.settings;
  const matrix = chooseMatrix(read.register, state.settings.matrix);
  const matrixTable = Array.from({ length: matrix.likelihoodSteps }, (_, l) =>
    Array.from({ length: matrix.impactSteps }, (_, i) => matrix.rate(l + 1, i + 1).level),
  );
  const missingPerRisk = { owner: 0, dueDate: 0, action: 0 };
  yield* inSlices(analysis.findings.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const f = analysis.findings[i];
      if (f.sheet !== read.register?.sheet) continue;
      if (f.kind === 'missing-owner') missingPerRisk.owner++;
      else if (f.kind === 'missing-due-date') missingPerRisk.dueDate++;
      else if (f.kind === 'missing-action') missingPerRisk.action++;
    }
  });
  const groups = yield* findingGroupsSliced(state);
  const tierItems: TierItem[] = [];
  let tierItemCount = 0;
  yield* inSlices(analysis.risks.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = analysis.risks[i];
      const chosen = r.tierSource === 'choice';
      if (!chosen && !(r.open && r.tier === 'Unclassified')) continue;
      tierItemCount++;
      if (tierItems.length < MAX_TIER_ITEMS) tierItems.push(tierItemOf(r));
    }
  });
  return {
    asOf: state.asOf,
    sheets: state.sheets,
    settings,
    warnings: state.warnings,
    register: read.register ? table(read.register) : null,
    caps: read.caps.map(table),
    candidates: read.candidates,
    issues: read.issues.slice(0, MAX_ISSUES_SHOWN),
    issueCount: read.issues.length,
    issueErrors: read.issues.reduce((n, i) => n + (i.severity === 'error' ? 1 : 0), 0),
    matrix: analysis.matrix,
    matrixTable,
    riskCount: analysis.risks.length,
    levelCounts: [...LEVELS].reverse().map((level) => ({ level, count: levelCount.get(level) ?? 0 })),
    unrated: levelCount.get(null) ?? 0,
    tierCounts: TIERS.map((tier) => ({ tier, count: tierCount.get(tier) ?? 0 })),
    capItemCount: analysis.capItems.length,
    capFromRegister: analysis.capFromRegister,
    capSummary: analysis.capSummary,
    findingCount: analysis.findings.length,
    findingGroups: groups,
    missingPerRisk,
    tierItems,
    tierItemCount,
    practiceDetails: practiceDetailViews(state),
  };
}

function tierItemOf(r: ScoredEntry): TierItem {
  const { tiers, current, chosenByUser } = tierButtons(r);
  const e = r.entry;
  return {
    key: tierChoiceKey(e),
    sheet: e.sheet,
    row: e.row,
    id: e.id,
    title: shortTitle(e.risk),
    action: shortTitle(e.action),
    level: r.level,
    tiers,
    current,
    chosenByUser,
  };
}

/** Each practice detail with the workbook's value (shown as "found in the workbook") and the typed one. */
function practiceDetailViews(state: WorkbookState): PracticeDetailView[] {
  const byName = new Map(practiceDetails(state).map((d) => [d.name, d]));
  return FACT_NAMES.map((name) => {
    const detail = byName.get(name)!;
    // The workbook's value even where a typed one hides it, so the pane can say what the workbook says.
    const fromWorkbook = effectiveFact({ ...state.settings, [name]: undefined }, state.facts, name);
    return {
      name,
      label: detail.label,
      found:
        fromWorkbook.source === 'workbook' && fromWorkbook.value !== null
          ? { value: fromWorkbook.value, where: fromWorkbook.where ?? '' }
          : null,
      typed: detail.source === 'settings' ? detail.value : null,
    };
  });
}

/** The first non-empty values below each header of a table, from its grid. */
export function columnSamples(grid: SheetGrid | undefined, table: TableRead, perColumn = SAMPLES_PER_COLUMN): CellValue[][] {
  return table.headers.map((h) => {
    const out: CellValue[] = [];
    if (!grid) return out;
    const c = h.col - grid.left;
    for (let row = table.firstRow - 1; row <= table.lastRow - 1 && out.length < perColumn; row++) {
      const v = grid.values[row - grid.top]?.[c] ?? null;
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) out.push(v);
    }
    return out;
  });
}

const TITLE_WORDS = 8;
/** A kind whose fixes differ per row (a level mismatch names the level) keeps its first few. */
const MAX_FIXES_PER_KIND = 3;

/** "Laptops holding ePHI are not encrypted at the front desk" -> its first eight words. */
export function shortTitle(text: string | null): string | null {
  if (!text) return null;
  // Eight words never need more than the first couple of hundred characters.
  const words = text.slice(0, 240).replace(/\s+/g, ' ').trim().split(' ');
  if (words.length === 0 || words[0] === '') return null;
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(' ')}…` : words.join(' ');
}

/** Very High = 5 ... Very Low = 1; unrated 0 (listed last). */
const LEVEL_ORDER = new Map<Level | null, number>([...LEVELS.map((l, i) => [l, i + 1] as const), [null, 0]]);

/**
 * Findings grouped by kind (in FINDING_KINDS order), each group ordered by the risk's level,
 * highest first, then as the analysis listed them. Linear: findings are bucketed by kind and
 * level as indexes, and only the items kept (MAX_FINDINGS_PER_KIND per kind) are built, so a
 * 50,000-row register with 100,000 findings costs milliseconds, not a frozen pane.
 */
function* findingGroupsSliced(state: WorkbookState): Sliced<FindingGroup[]> {
  const { analysis } = state;
  const { findings } = analysis;
  // sheet -> scored entry by row (a sparse array); no string keys built per finding.
  const bySheet = new Map<string, (ScoredEntry | undefined)[]>();
  const index = (s: ScoredEntry) => {
    let rows = bySheet.get(s.entry.sheet);
    if (!rows) bySheet.set(s.entry.sheet, (rows = []));
    rows[s.entry.row] ??= s;
  };
  for (const list of [analysis.risks, analysis.capItems]) {
    yield* inSlices(list.length, (from, to) => {
      for (let i = from; i < to; i++) index(list[i]);
    });
  }
  const scoredOf = (i: number) => bySheet.get(findings[i].sheet)?.[findings[i].row];

  // buckets[kind][rank]: finding indexes, rank 5 = Very High ... 0 = unrated.
  const buckets = new Map<FindingKind, number[][]>();
  yield* inSlices(findings.length, (from, to) => {
    for (let i = from; i < to; i++) {
      let byRank = buckets.get(findings[i].kind);
      if (!byRank) buckets.set(findings[i].kind, (byRank = [[], [], [], [], [], []]));
      byRank[LEVEL_ORDER.get(scoredOf(i)?.level ?? null) ?? 0].push(i);
    }
  });
  yield;
  return FINDING_KINDS.filter((k) => buckets.has(k)).map((kind) => {
    const byRank = buckets.get(kind)!;
    const kept: number[] = [];
    for (let rank = byRank.length - 1; rank >= 0 && kept.length < MAX_FINDINGS_PER_KIND; rank--) {
      for (const i of byRank[rank]) {
        if (kept.length >= MAX_FINDINGS_PER_KIND) break;
        kept.push(i);
      }
    }
    const fixes = new Set<string>();
    const items = kept.map((i): FindingItem => {
      const f = findings[i];
      const scored = scoredOf(i);
      if (fixes.size < MAX_FIXES_PER_KIND) fixes.add(f.fix);
      return {
        sheet: f.sheet,
        cell: f.cell,
        id: f.entryId ?? scored?.entry.id ?? null,
        title: shortTitle(scored?.entry.risk ?? null),
        level: scored?.level ?? null,
        message: f.message,
      };
    });
    return { kind, fixes: [...fixes], total: byRank.reduce((n, b) => n + b.length, 0), items };
  });
}

/** "R-02 Former staff still have EHR accounts" / "Risk Register!G5" when the row has neither. */
export function findingName(item: FindingItem): string {
  const name = [item.id, item.title].filter(Boolean).join(' ');
  return name || `${item.sheet}!${item.cell}`;
}

/** The findings as plain text for the clipboard: one block per kind, its fix once, then the items. */
export function findingsAsText(groups: readonly FindingGroup[]): string {
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(`${findingLabel(g.kind)} (${g.total})`);
    for (const fix of g.fixes) lines.push(`Fix: ${fix}`);
    for (const item of g.items) {
      lines.push(`- ${item.level ? `[${item.level}] ` : ''}${findingName(item)} (${item.sheet}!${item.cell}): ${item.message}`);
    }
    if (g.total > g.items.length) lines.push(`  … and ${g.total - g.items.length} more (see the plan's Flags column).`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
