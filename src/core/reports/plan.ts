/**
 * The Risk Management Plan (45 CFR 164.308(a)(1)(ii)(B)) as a SheetSpec: a reference to the
 * risk analysis, the standard and approach, every risk by priority with its action, responsible
 * party and target date grouped by tier, closed and accepted risks apart, a summary, the next
 * review date, changes since the last plan, and a sign-off block. Nothing is invented: a value
 * the workbook or settings do not give is printed as "MISSING: ...".
 *
 * Order on the sheet: header and standard first, then the risk table, then summary, changes and
 * sign-off. The table comes before the summary so the rows frozen above it (everything down to
 * its header) stay short enough to scroll on a laptop screen.
 */
import { MARKER_PREFIX } from '../grid';
import { addMonths, daysBetween } from '../dates';
import type { IsoDate } from '../dates';
import { FINDING_KINDS, LEVELS } from '../model';
import type { Analysis, Entry, Finding, Level, ScoredEntry, Status, TableRead, Tier, WorkbookRead } from '../model';
import type { PlanSnapshot, Settings } from '../settings';
import { effectiveFact, type EffectiveFact, type WorkbookFacts } from '../facts';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { finish, inSlices, type Sliced } from '../slices';
import { CHANGE_LABELS, diffSnapshotsSliced, snapshotBaseKey, SnapshotBuilder, snapshotDue, snapshotId, snapshotOwner, snapshotRisk } from './changes';
import { SheetOrder } from './sheetOrder';
import { actionCellOf, dateCellIgnoresRequired, dateValueCell, ownerCell, ownerCellIgnoresRequired, riskCellOf, riskWords, statusCell } from './entryText';
import { LEVELS_HIGH_FIRST, TIER_ORDER } from './labels';
import { FINDING_KIND_TABLE, flagsText } from '../findingKinds';
import { dateCell, numberCell, SheetBuilder, textCell } from './sheetBuilder';
import { REPORT_STYLES, reportPrintSetup } from './styles';
import { HEAT_STYLES, openRiskHeatMapsSliced, writeHeatMap, type HeatMapLayout } from './heatmap';
import { chooseMatrix, DEFAULT_PRODUCT_THRESHOLDS } from '../analysis/matrices';
import { UNCLASSIFIED_NOTE } from '../analysis/tiers';

/** What a generated report is built from: the read workbook, its analysis and settings, the as-of date. */
export interface PlanInput {
  analysis: Analysis;
  read: WorkbookRead;
  settings: Settings;
  asOf: IsoDate;
  /** Facts the workbook states (title rows, cover sheet); a value typed in the settings wins. */
  facts?: WorkbookFacts;
}

export const PLAN_SHEET_NAME = 'Risk Management Plan';
export const PLAN_MARKER_VERSION = 'v1';

/** Risk table columns, in order, with widths (characters) that fit landscape Letter at fit-to-width. */
export const PLAN_COLUMNS = [
  { title: 'Rank', width: 6 },
  { title: 'Risk ID', width: 10 },
  { title: 'Risk', width: 32 },
  { title: 'Level (target)', width: 14 },
  { title: 'Score', width: 7 },
  { title: 'Action', width: 34 },
  { title: 'Responsible party', width: 18 },
  { title: 'Target date', width: 14 },
  { title: 'Status', width: 12 },
  { title: 'Tier', width: 13 },
  { title: 'Flags', width: 24 },
] as const;

const WIDTH = PLAN_COLUMNS.length;

export const STANDARD_STATEMENT =
  'Standard: the HIPAA Security Rule requires security measures sufficient to reduce risks and ' +
  'vulnerabilities to a reasonable and appropriate level (45 CFR 164.308(a)(1)(ii)(B), risk management). ' +
  'What is reasonable and appropriate takes into account the practice\'s size, complexity and capabilities ' +
  '(45 CFR 164.306(b)(2)). This plan is the documented response to the risk analysis referenced above: each ' +
  'risk needs a specific action, a responsible party and a target date; anything missing is marked MISSING.';

export const DEFAULT_APPROACH =
  'Approach (default wording, not yet replaced by the practice\'s own): risks are worked in priority order, ' +
  'highest level first. Fixes that need no budget are done this week, items that depend on a vendor are raised ' +
  'with that vendor, and items that need money are scheduled in the next budget decision. A risk is closed when ' +
  'its action is done and verified, or accepted with a written justification.';

/** Position of each finding kind in FINDING_KINDS (a bit per kind in the loops below). */
const KIND_INDEX: ReadonlyMap<string, number> = new Map(FINDING_KINDS.map((kind, i) => [kind, i]));

const plainText = (value: string) => textCell(value, 'cell');
const scoreCell = (value: number) => numberCell(value, 'number');
const VAGUE_BIT = 1 << KIND_INDEX.get('vague-action')!;

/**
 * The level cells, one per (level, target) pair for the whole plan: the pair takes 36 values, so
 * an array slot replaces building "High (target: Low)" and looking it up for every row.
 */
class LevelCells {
  private readonly cells: (SpecCell | undefined)[] = [];

  of(s: ScoredEntry): SpecCell {
    const level = LEVELS.indexOf(s.level as Level);
    const target = LEVELS.indexOf(s.residualLevel as Level);
    // A value outside LEVELS (hand-built input) gets no slot: its words are worked out as they are.
    if ((level < 0 && s.level) || (target < 0 && s.residualLevel)) return levelText(s);
    return (this.cells[(level + 1) * (LEVELS.length + 1) + target + 1] ??= levelText(s));
  }
}

function levelText(s: ScoredEntry): SpecCell {
  if (!s.level) return textCell('NOT RATED: add likelihood and impact', 'missing');
  return textCell(s.residualLevel ? `${s.level} (target: ${s.residualLevel})` : s.level, 'cell');
}

/**
 * The flags cell of a risk: its finding kinds in words. Entries share a few kind sequences, so
 * each sequence (packed as base-16 digits, first occurrence order) gets one cell, frozen because
 * many rows hold it.
 */
class FlagCells {
  private readonly cells = new Map<number, SpecCell>();

  /** `key`: the kinds of `findings` packed as by `kindsOf`. */
  of(key: number, findings: readonly Finding[]): SpecCell {
    let cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, (cell = Object.freeze(textCell(flagsText(findings.map((f) => f.kind)), 'cell'))));
    return cell;
  }
}

/** Bits of the finding kinds present (`seen`) and their first-occurrence sequence (`key`). */
interface Kinds {
  seen: number;
  key: number;
}

/** Reads a risk's findings once, for its flags cell, the summary counts and its action cell. */
function kindsOf(findings: readonly Finding[], out: Kinds): void {
  let key = 0;
  let seen = 0;
  // Kinds repeat from one finding to the next: look a kind up only when it changes.
  let lastKind = '';
  let k = 0;
  for (let i = 0; i < findings.length; i++) {
    const kind = findings[i].kind;
    if (kind !== lastKind) k = KIND_INDEX.get((lastKind = kind))!;
    if (seen & (1 << k)) continue;
    seen |= 1 << k;
    key = key * 16 + k + 1;
  }
  out.seen = seen;
  out.key = key;
}

/**
 * `kindsOf` from the analysis' kind bits: its findings come in FINDING_KINDS order, each kind once,
 * so the key is the present kinds in index order.
 */
function kindsFromBits(bits: number, out: Kinds): void {
  let key = 0;
  for (let k = 0; k < FINDING_KINDS.length; k++) if (bits & (1 << k)) key = key * 16 + k + 1;
  out.seen = bits;
  out.key = key;
}

function byPriority(a: ScoredEntry, b: ScoredEntry): number {
  return a.priority - b.priority;
}

/** Per-plan lookups the rows share. */
interface RowCells {
  flags: FlagCells;
  levels: LevelCells;
  /** The tier cells, by position in TIER_ORDER. */
  tiers: SpecCell[];
  /** The same, for a tier the user chose ("This week (your choice)"). */
  chosenTiers: SpecCell[];
}

/**
 * What a plan row and the snapshot take from each entry, by the entry's position in sheet order
 * (see SheetOrder), worked out in sheet order. The fields of one entry sit side by side in one flat
 * array, so picking them up in priority order touches two cache lines per risk, not one per field,
 * and costs no object per entry. Cells that depend on whether the risk is open come both ways. The
 * last position is scratch space for a risk whose entry is not in the order.
 */
class EntryFacts {
  static readonly ID_CELL = 0;
  static readonly RISK_CELL = 1;
  static readonly OWNER_OPEN = 2;
  static readonly OWNER_CLOSED = 3;
  static readonly DUE_OPEN = 4;
  static readonly DUE_CLOSED = 5;
  static readonly STATUS = 6;
  /** The action and justification, trimmed. */
  static readonly ACTION = 7;
  static readonly JUSTIFICATION = 8;
  /** The snapshot's fields (see changes.ts). */
  static readonly BASE_KEY = 9;
  static readonly SNAPSHOT_ID = 10;
  static readonly SNAPSHOT_RISK = 11;
  static readonly SNAPSHOT_OWNER = 12;
  static readonly SNAPSHOT_DUE = 13;
  static readonly SNAPSHOT_STATUS = 14;
  static readonly FIELDS = 15;

  readonly slots: (SpecCell | string | null | undefined)[];

  constructor(size: number) {
    this.slots = new Array(size * EntryFacts.FIELDS);
  }

  /** Works out the facts of entry `e` at position `p`. */
  set(p: number, e: Entry): void {
    const words = riskWords(e);
    const at = p * EntryFacts.FIELDS;
    const slots = this.slots;
    slots[at + EntryFacts.ID_CELL] = textCell(e.id ?? '', 'cell');
    slots[at + EntryFacts.RISK_CELL] = riskCellOf(words);
    // One lookup instead of two where both ways give the same cell (most entries).
    const ownerOpen = ownerCell(e, true);
    slots[at + EntryFacts.OWNER_OPEN] = ownerOpen;
    slots[at + EntryFacts.OWNER_CLOSED] = ownerCellIgnoresRequired(e) ? ownerOpen : ownerCell(e, false);
    const dueOpen = dateValueCell(e.dueDate, true);
    slots[at + EntryFacts.DUE_OPEN] = dueOpen;
    slots[at + EntryFacts.DUE_CLOSED] = dateCellIgnoresRequired(e.dueDate) ? dueOpen : dateValueCell(e.dueDate, false);
    slots[at + EntryFacts.STATUS] = statusCell(e);
    slots[at + EntryFacts.ACTION] = e.action?.trim();
    slots[at + EntryFacts.JUSTIFICATION] = e.justification?.trim();
    slots[at + EntryFacts.BASE_KEY] = snapshotBaseKey(e.id, words);
    slots[at + EntryFacts.SNAPSHOT_ID] = snapshotId(e.id);
    slots[at + EntryFacts.SNAPSHOT_RISK] = snapshotRisk(words);
    slots[at + EntryFacts.SNAPSHOT_OWNER] = snapshotOwner(e.owner);
    slots[at + EntryFacts.SNAPSHOT_DUE] = snapshotDue(e);
    slots[at + EntryFacts.SNAPSHOT_STATUS] = e.status;
  }

  cell(p: number, field: number): SpecCell {
    return this.slots[p * EntryFacts.FIELDS + field] as SpecCell;
  }

  /** A text field as `set` stored it (null or undefined when the entry has none). */
  text(p: number, field: number): string | null {
    return this.slots[p * EntryFacts.FIELDS + field] as string | null;
  }

  baseKey(p: number): string {
    return this.slots[p * EntryFacts.FIELDS + EntryFacts.BASE_KEY] as string;
  }
}

/** The row of risk `s`, whose entry's facts are at position `p`. */
function riskRow(s: ScoredEntry, rank: number | null, open: boolean, cells: RowCells, facts: EntryFacts, p: number, kinds: Kinds): (SpecCell | null)[] {
  const F = EntryFacts;
  let action = actionCellOf(facts.text(p, F.ACTION) ?? undefined, open, (kinds.seen & VAGUE_BIT) !== 0);
  const justification = facts.text(p, F.JUSTIFICATION);
  if (justification && action.type === 'text') {
    const prefix = String(action.value);
    action = { ...action, value: prefix ? `${prefix}\nJustification: ${justification}` : `Justification: ${justification}` };
  }
  return [
    rank === null ? plainText('') : numberCell(rank, 'number'),
    facts.cell(p, F.ID_CELL),
    facts.cell(p, F.RISK_CELL),
    cells.levels.of(s),
    s.score === null ? plainText('') : scoreCell(s.score),
    action,
    facts.cell(p, open ? F.OWNER_OPEN : F.OWNER_CLOSED),
    facts.cell(p, open ? F.DUE_OPEN : F.DUE_CLOSED),
    facts.cell(p, F.STATUS),
    (s.tierSource === 'choice' ? cells.chosenTiers : cells.tiers)[TIER_ORDER.indexOf(s.tier)] ?? plainText(s.tier),
    cells.flags.of(kinds.key, s.findings),
  ];
}

function keyValue(b: SheetBuilder, label: string, value: SpecCell, note?: string): number {
  return b.addParts([
    { col: 0, span: 2, cell: textCell(label, 'label') },
    { col: 2, cell: value },
    ...(note ? [{ col: 3, span: WIDTH - 3, cell: textCell(note, 'note') }] : []),
  ]);
}

function textOrMissing(value: string | undefined | null, missing: string): SpecCell {
  return value && value.trim() ? textCell(value.trim(), 'value') : textCell(`MISSING: ${missing}`, 'missingValue');
}

/** The note beside a value harvested from the workbook (nothing when the user typed it). */
export function foundNote(fact: EffectiveFact): string | undefined {
  return fact.source === 'workbook' ? `Found in the workbook (${fact.where}); change it in the task pane if it is wrong.` : undefined;
}

function nextReview(settings: Settings, asOf: IsoDate): { date: IsoDate; note: string } {
  const yearOut = addMonths(asOf, 12);
  if (!settings.nextReviewDate) {
    return { date: yearOut, note: 'Default: 12 months after this plan. Review the plan at least annually, with the risk analysis.' };
  }
  const d = settings.nextReviewDate;
  if (daysBetween(asOf, d) < 0) return { date: d, note: 'This date has passed: review the plan now and set the next review date.' };
  if (daysBetween(yearOut, d) > 0) return { date: d, note: 'More than 12 months away: the plan should be reviewed at least annually.' };
  return { date: d, note: 'Review the plan at least annually, with the risk analysis.' };
}

/** The summary's figures, counted while the risk table is written. */
interface SummaryCounts {
  open: number;
  overdueOpen: number;
  /** Open risks per level. */
  levels: Map<Level | null, number>;
  /** Risks per finding kind (a risk counts once per kind), indexed like FINDING_KINDS. */
  perKind: number[];
}

function newCounts(): SummaryCounts {
  return { open: 0, overdueOpen: 0, levels: new Map(), perKind: new Array<number>(FINDING_KINDS.length).fill(0) };
}

/** What one visit of every risk produces: the table rows in sheet order, the snapshot, the counts. */
interface RiskVisit {
  byTier: Map<Tier, (SpecCell | null)[][]>;
  closedRows: (SpecCell | null)[][];
  snapshot: SnapshotBuilder;
  counts: SummaryCounts;
}

/** Where each risk's entry sits in the sheet order (-1: not there), and whether the risks are in priority order. */
interface Positions {
  of: Int32Array;
  inOrder: boolean;
  /** Every risk has its own entry in the order. */
  allFound: boolean;
}

function* positionsOf(risks: readonly ScoredEntry[], order: SheetOrder): Sliced<Positions> {
  const of = new Int32Array(risks.length);
  const taken = new Uint8Array(order.entries.length);
  let inOrder = true;
  let allFound = true;
  let lastPriority = -Infinity;
  yield* inSlices(risks.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = risks[i];
      if (r.priority < lastPriority) inOrder = false;
      lastPriority = r.priority;
      const p = order.positionOfItem(r);
      of[i] = p;
      if (p < 0 || taken[p]) allFound = false;
      else taken[p] = 1;
    }
  });
  return { of, inOrder, allFound };
}

/**
 * Visits each risk once, in priority order: builds its row (open risks by tier, numbered by their
 * position among the open risks; closed risks apart), records it in the snapshot and in the
 * summary counts. What comes from the entries is worked out first, in sheet order (see SheetOrder).
 */
function* visitRisks(risks: readonly ScoredEntry[], register: TableRead | null): Sliced<RiskVisit> {
  const order = yield* SheetOrder.of([register]);
  let positions = yield* positionsOf(risks, order);
  if (!positions.inOrder) {
    // The analysis hands risks over in priority order; hand-built input may not be.
    risks = [...risks].sort(byPriority);
    yield;
    positions = yield* positionsOf(risks, order);
  }

  const entries = order.entries;
  const scratch = entries.length;
  const facts = new EntryFacts(entries.length + 1);
  // Base keys seen more than once need the snapshot's "#n" bookkeeping; the rest (nearly all) do not.
  const keys = new Set<string>();
  const repeated = new Set<string>();
  yield* inSlices(entries.length, (from, to) => {
    for (let p = from; p < to; p++) {
      facts.set(p, entries[p]);
      const size = keys.size;
      const key = facts.baseKey(p);
      keys.add(key);
      if (keys.size === size) repeated.add(key);
    }
  });
  // Unique only when every risk has its own entry in the order (so `keys` saw every risk's key).
  const unique = new Uint8Array(entries.length + 1);
  if (positions.allFound) {
    yield* inSlices(entries.length, (from, to) => {
      for (let p = from; p < to; p++) unique[p] = repeated.size === 0 || !repeated.has(facts.baseKey(p)) ? 1 : 0;
    });
  }

  const visit: RiskVisit = {
    byTier: new Map<Tier, (SpecCell | null)[][]>(TIER_ORDER.map((t) => [t, []])),
    closedRows: [],
    snapshot: new SnapshotBuilder(),
    counts: newCounts(),
  };
  const { byTier, closedRows, snapshot, counts } = visit;
  const cells: RowCells = { flags: new FlagCells(), levels: new LevelCells(), tiers: TIER_ORDER.map((t) => plainText(t)), chosenTiers: TIER_ORDER.map((t) => plainText(`${t} (your choice)`)) };
  const kinds: Kinds = { seen: 0, key: 0 };
  const ordered = risks;
  const positionOf = positions.of;
  yield* inSlices(ordered.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = ordered[i];
      let p = positionOf[i];
      if (p < 0) facts.set((p = scratch), r.entry);
      snapshot.addFields(
        facts.baseKey(p),
        unique[p] === 1,
        facts.text(p, EntryFacts.SNAPSHOT_ID),
        facts.text(p, EntryFacts.SNAPSHOT_RISK),
        facts.text(p, EntryFacts.SNAPSHOT_OWNER),
        facts.text(p, EntryFacts.SNAPSHOT_DUE),
        facts.text(p, EntryFacts.SNAPSHOT_STATUS) as Status | null,
        r.level,
      );
      if (r.findingKinds !== undefined) kindsFromBits(r.findingKinds, kinds);
      else kindsOf(r.findings, kinds);
      countRisk(counts, r, kinds.seen); // first: an open risk's rank is the open count including itself
      if (r.open) byTier.get(r.tier)?.push(riskRow(r, counts.open, true, cells, facts, p, kinds));
      else closedRows.push(riskRow(r, null, false, cells, facts, p, kinds));
    }
  });
  return visit;
}

/** Writes the risk table and returns its header row, with the snapshot and the summary counts. */
function* writeRiskTable(
  b: SheetBuilder,
  risks: readonly ScoredEntry[],
  register: TableRead | null,
): Sliced<{ headerRow: number; snapshot: SnapshotBuilder; counts: SummaryCounts }> {
  const { byTier, closedRows, snapshot, counts } = yield* visitRisks(risks, register);
  const headerRow = b.addRow(PLAN_COLUMNS.map((c) => textCell(c.title, 'header')), 30);
  const addRows = (rows: (SpecCell | null)[][]) =>
    inSlices(rows.length, (from, to) => {
      for (let i = from; i < to; i++) b.addRow(rows[i]);
    });
  if (counts.open === 0) b.addWide(textCell('No open risks in the register.', 'group'));
  for (const tier of TIER_ORDER) {
    const inTier = byTier.get(tier)!;
    if (inTier.length === 0) continue;
    b.addWide(textCell(`${tier} (${inTier.length} ${inTier.length === 1 ? 'risk' : 'risks'})`, 'group'));
    if (tier === 'Unclassified') b.addWide(textCell(UNCLASSIFIED_NOTE, 'note'));
    yield* addRows(inTier);
  }

  b.addWide(textCell(`Closed and accepted risks (${closedRows.length})`, 'group'));
  if (closedRows.length === 0) b.addWide(textCell('None yet.', 'note'));
  yield* addRows(closedRows);
  return { headerRow, snapshot, counts };
}

/** `seen`: the risk's finding-kind bits (see kindsOf). */
function countRisk(counts: SummaryCounts, r: ScoredEntry, seen: number): void {
  if (r.open) {
    counts.open++;
    if (r.overdue) counts.overdueOpen++;
    counts.levels.set(r.level, (counts.levels.get(r.level) ?? 0) + 1);
  }
  for (let bits = seen; bits !== 0; bits &= bits - 1) counts.perKind[31 - Math.clz32(bits & -bits)]++;
}

function writeSummary(b: SheetBuilder, analysis: Analysis, counts: SummaryCounts): void {
  const openCount = counts.open;
  const overdueOpen = counts.overdueOpen;
  const levelCounts = counts.levels;
  const perKind = counts.perKind;
  b.addWide(textCell('Summary', 'section'));
  const count = (label: string, n: number, note?: string) =>
    b.addParts([
      { col: 0, span: 3, cell: textCell(label, 'label') },
      { col: 3, cell: numberCell(n, 'number') },
      ...(note ? [{ col: 4, span: WIDTH - 4, cell: textCell(note, 'note') }] : []),
    ]);

  b.addWide(textCell('Open risks by level', 'label'));
  for (const level of LEVELS_HIGH_FIRST) count(level, levelCounts.get(level) ?? 0);
  if (levelCounts.get(null)) count('Not rated', levelCounts.get(null) ?? 0, 'No likelihood and impact to place these on the matrix.');
  count('Total open risks', openCount);
  count('Closed or accepted risks', analysis.risks.length - openCount);
  count('Overdue open risks', overdueOpen, 'Open risks whose target date has passed.');

  b.addWide(textCell('Gaps an investigator would flag (risks above)', 'label'));
  const kindCounts = new Map<string, number>();
  FINDING_KINDS.forEach((kind, k) => {
    if (perKind[k]) kindCounts.set(kind, perKind[k]);
  });
  if (kindCounts.size === 0) b.addWide(textCell('No gaps found.', 'note'));
  for (const [kind, { label }] of Object.entries(FINDING_KIND_TABLE)) {
    const n = kindCounts.get(kind);
    if (n) count(label, n);
  }

  b.addParts([
    { col: 0, span: 3, cell: textCell('Risk matrix used', 'label') },
    { col: 3, span: WIDTH - 3, cell: textCell(`${analysis.matrix.label}: ${analysis.matrix.reason}`, 'value') },
  ]);
}

/** The heat map's slots on the plan's columns: similar widths for the steps, the legend in the last column. */
const PLAN_HEAT_LAYOUT: HeatMapLayout = {
  label: { col: 0, span: 2 },
  cells: [
    { col: 2, span: 1 },
    { col: 3, span: 2 },
    { col: 5, span: 1 },
    { col: 6, span: 2 },
    { col: 8, span: 2 },
  ],
  legend: { col: 10, span: 1 },
};

/** Heat maps of the open risks: inherent, and residual below it when the register rates residual risk. */
function* writeHeatMaps(b: SheetBuilder, input: PlanInput): Sliced<void> {
  const { analysis, settings, read } = input;
  const matrix = chooseMatrix(read.register, settings.matrix);
  const thresholds =
    settings.matrix?.name === 'product' ? settings.matrix.thresholds : matrix.choice.name === 'product' ? DEFAULT_PRODUCT_THRESHOLDS : null;
  const { inherent, residual } = yield* openRiskHeatMapsSliced(analysis.risks, matrix);
  b.addWide(textCell('Heat map of open risks', 'section'));
  writeHeatMap(b, inherent, matrix, PLAN_HEAT_LAYOUT, thresholds);
  if (residual) {
    b.addBlank();
    writeHeatMap(b, residual, matrix, PLAN_HEAT_LAYOUT, thresholds);
  }
}

function* writeChanges(b: SheetBuilder, previous: PlanSnapshot | undefined, current: PlanSnapshot): Sliced<void> {
  if (!previous) {
    b.addWide(textCell('Changes since the last plan', 'section'));
    const text =
      'This is the first plan generated for this workbook, so there is no earlier plan to compare with. ' +
      'The next plan will list risks closed, new risks, changed target dates and changed responsible parties.';
    b.addWide(textCell(text, 'paragraph'));
    return;
  }
  b.addWide(textCell(`Changes since the last plan (version ${previous.version}, generated ${previous.generatedOn})`, 'section'));
  const changes = yield* diffSnapshotsSliced(previous, current);
  if (changes.length === 0) {
    b.addWide(textCell('No changes since the last plan: the same risks, target dates and responsible parties.', 'paragraph'));
    return;
  }
  const parts = (a: SpecCell, r: SpecCell, before: SpecCell, after: SpecCell) => [
    { col: 0, span: 2, cell: a },
    { col: 2, cell: r },
    { col: 3, span: 2, cell: before },
    { col: 5, cell: after },
  ];
  b.addParts(parts(textCell('Change', 'header'), textCell('Risk', 'header'), textCell('Before', 'header'), textCell('Now', 'header')));
  yield* inSlices(changes.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const c = changes[i];
      const risk = [c.id, c.risk].filter(Boolean).join(': ') || '(no ID or text)';
      b.addParts(
        parts(
          textCell(CHANGE_LABELS[c.kind], 'cell'),
          textCell(risk, 'cell'),
          textCell(c.before ?? '(none)', 'cell'),
          textCell(c.after ?? '(none)', 'cell'),
        ),
      );
    }
  });
}

function writeSignOff(b: SheetBuilder, settings: Settings, facts: WorkbookFacts | undefined): void {
  b.addWide(textCell('Sign-off', 'section'));
  b.addWide(textCell('Signed and dated so an investigator can see the plan is current and who is accountable for it.', 'note'));
  const line = (label: string, name: SpecCell) =>
    b.addParts(
      [
        { col: 0, span: 3, cell: textCell(label, 'label') },
        { col: 3, span: 3, cell: name },
        { col: 6, cell: textCell('Signature', 'label') },
        { col: 7, span: 2, cell: textCell('__________________________', 'signature') },
        { col: 9, cell: textCell('Date', 'label') },
        { col: 10, cell: textCell('____________________', 'signature') },
      ],
      36,
    );
  const prepared = effectiveFact(settings, facts, 'preparedBy');
  const approved = effectiveFact(settings, facts, 'approvedBy');
  line(prepared.source === 'workbook' ? `Prepared by (found in the workbook, ${prepared.where})` : 'Prepared by', textOrMissing(prepared.value, 'prepared by'));
  line(
    approved.source === 'workbook' ? `Approved by (found in the workbook, ${approved.where})` : 'Approved by (practice owner or privacy/security officer)',
    textOrMissing(approved.value, 'approved by'),
  );
  if (settings.consultant?.trim()) {
    const text =
      `This plan was prepared with an outside consultant (${settings.consultant.trim()}). Someone inside the practice ` +
      'must review and countersign it: accountability cannot be outsourced.';
    b.addWide(textCell(text, 'note'));
    line('Reviewed and approved within the practice', textCell('Name and title: ______________________', 'signature'));
  }
}

/** Builds the plan sheet and the snapshot the next plan compares against. */
export function buildPlanSheet(input: PlanInput): { spec: SheetSpec; snapshot: PlanSnapshot } {
  return finish(buildPlanSheetSliced(input));
}

/** `buildPlanSheet`, yielding between slices of rows (see slices.ts). */
export function* buildPlanSheetSliced(input: PlanInput): Sliced<{ spec: SheetSpec; snapshot: PlanSnapshot }> {
  const { analysis, settings, asOf } = input;
  const version = settings.planVersion + 1;
  const practiceFact = effectiveFact(settings, input.facts, 'practiceName');
  const practice = practiceFact.value ?? '';
  const analysisDate = effectiveFact(settings, input.facts, 'riskAnalysisDate');
  const analysisBy = effectiveFact(settings, input.facts, 'riskAnalysisBy');
  const b = new SheetBuilder(PLAN_COLUMNS.map((c) => c.width));

  b.addWide(textCell(PLAN_SHEET_NAME, 'title'), 24);
  keyValue(b, 'Practice', textOrMissing(practice, 'practice name'), foundNote(practiceFact));
  keyValue(b, 'Plan version', numberCell(version, 'value'));
  keyValue(b, 'Date generated', dateCell(asOf, 'value'));
  keyValue(
    b,
    'Risk analysis date',
    analysisDate.value ? dateCell(analysisDate.value, 'value') : textCell('MISSING: risk analysis date', 'missingValue'),
    foundNote(analysisDate) ?? 'The risk analysis this plan addresses (45 CFR 164.308(a)(1)(ii)(A)).',
  );
  keyValue(b, 'Risk analysis conducted by', textOrMissing(analysisBy.value, 'who conducted the risk analysis'), foundNote(analysisBy));
  const review = nextReview(settings, asOf);
  keyValue(b, 'Next review date', dateCell(review.date, 'value'), review.note);
  b.addWide(textCell(STANDARD_STATEMENT, 'paragraph'));
  const approach = settings.approach?.trim() ? `Approach: ${settings.approach.trim()}` : DEFAULT_APPROACH;
  b.addWide(textCell(approach, 'paragraph'));

  const { headerRow, snapshot: snapshotBuilder, counts } = yield* writeRiskTable(b, analysis.risks, input.read.register);
  b.addBlank();
  writeSummary(b, analysis, counts);
  b.addBlank();
  yield* writeHeatMaps(b, input);
  b.addBlank();
  const snapshot = snapshotBuilder.finish(asOf, version);
  yield* writeChanges(b, settings.snapshot, snapshot);
  b.addBlank();
  writeSignOff(b, settings, input.facts);

  const spec: SheetSpec = {
    kind: 'plan',
    name: PLAN_SHEET_NAME,
    marker: `${MARKER_PREFIX}plan;${PLAN_MARKER_VERSION};${asOf}`,
    columns: PLAN_COLUMNS.map((c) => ({ width: c.width })),
    rows: b.rows,
    merges: b.merges,
    styles: { ...REPORT_STYLES, ...HEAT_STYLES },
    freezeRows: headerRow,
    print: reportPrintSetup({
      lastColumnLetter: b.lastColumnLetter,
      lastRow: b.rows.length,
      tableHeaderRow: headerRow,
      practiceName: practice || 'MISSING: practice name',
      asOf,
    }),
  };
  return { spec, snapshot };
}
