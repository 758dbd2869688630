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
import { addMonths, daysBetween } from '../dates';
import type { IsoDate } from '../dates';
import { FINDING_KINDS } from '../model';
import type { Analysis, FindingKind, Level, ScoredEntry, Tier, WorkbookRead } from '../model';
import type { PlanSnapshot, Settings } from '../settings';
import { effectiveFact, type EffectiveFact, type WorkbookFacts } from '../facts';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { inSlices, type Sliced } from '../slices';
import { CHANGE_LABELS, diffSnapshotsSliced, SnapshotBuilder } from './changes';
import { actionCellOf, dateValueCell, ownerCell, riskCellOf, riskWords, statusCell } from './entryText';
import { LEVELS_HIGH_FIRST, TIER_ORDER } from './labels';
import { distinctKinds, findingLabel, flagsText } from '../findingKinds';
import { keyValue as keyValueLine, reportSpec, textOrMissing } from './scaffold';
import { CellMemo, dateCell, numberCell, SheetBuilder, textCell } from './sheetBuilder';
import { REPORT_STYLES } from './styles';
import { HEAT_STYLES, openRiskHeatMapsSliced, writeHeatMap, writeHeatMapPair, type HeatMapLayout, type HeatMapPairLayout } from './heatmap';
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
  // 8, not 6: the side-by-side heat maps label likelihood here ("Medium" in bold).
  { title: 'Rank', width: 8 },
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
  "What is reasonable and appropriate takes into account the practice's size, complexity and capabilities " +
  '(45 CFR 164.306(b)(2)). This plan is the documented response to the risk analysis referenced above: each ' +
  'risk needs a specific action, a responsible party and a target date; anything missing is marked MISSING.';

export const DEFAULT_APPROACH =
  "Approach (default wording, not yet replaced by the practice's own): risks are worked in priority order, " +
  'highest level first. Fixes that need no budget are done this week, items that depend on a vendor are raised ' +
  'with that vendor, and items that need money are scheduled in the next budget decision. A risk is closed when ' +
  'its action is done and verified, or accepted with a written justification.';

const plainText = (value: string) => textCell(value, 'cell');

function levelCell(s: ScoredEntry): SpecCell {
  if (!s.level) return textCell('NOT RATED: add likelihood and impact', 'missing');
  return textCell(s.residualLevel ? `${s.level} (target: ${s.residualLevel})` : s.level, 'cell');
}

function tierText(s: ScoredEntry): string {
  return s.tierSource === 'choice' && TIER_ORDER.includes(s.tier) ? `${s.tier} (your choice)` : s.tier;
}

/**
 * One plan's cells for values that repeat down the table (levels, tiers, flags, and through `cells`
 * owners, dates, statuses): one object per distinct value instead of one per row. Made for one plan
 * and dropped with it.
 */
class RepeatedCells {
  readonly cells = new CellMemo();
  private readonly levels = new Map<Level | null, Map<Level | null, SpecCell>>();
  private readonly flags = new Map<string, SpecCell>();

  level(s: ScoredEntry): SpecCell {
    let byTarget = this.levels.get(s.level);
    if (!byTarget) this.levels.set(s.level, (byTarget = new Map()));
    let cell = byTarget.get(s.residualLevel);
    if (!cell) byTarget.set(s.residualLevel, (cell = levelCell(s)));
    return cell;
  }

  tier(s: ScoredEntry): SpecCell {
    return this.cells.text(tierText(s), 'cell');
  }

  flagsOf(kinds: readonly FindingKind[]): SpecCell {
    // Kind names have no spaces; none or one kind needs no joined string.
    const key = kinds.length === 0 ? '' : kinds.length === 1 ? kinds[0] : kinds.join(' ');
    let cell = this.flags.get(key);
    if (!cell) this.flags.set(key, (cell = plainText(flagsText(kinds))));
    return cell;
  }
}

/** The row of risk `s` (`rank`: its number among the open risks; null for a closed one). `kinds`: its finding kinds, each once. */
function riskRow(
  s: ScoredEntry,
  rank: number | null,
  open: boolean,
  words: string | null,
  kinds: readonly FindingKind[],
  repeated: RepeatedCells,
): (SpecCell | null)[] {
  const e = s.entry;
  const cells = repeated.cells;
  let action = actionCellOf(e.action?.trim(), open, kinds.includes('vague-action'), cells);
  const justification = e.justification?.trim();
  if (justification && action.type === 'text') {
    const prefix = String(action.value);
    action = { ...action, value: prefix ? `${prefix}\nJustification: ${justification}` : `Justification: ${justification}` };
  }
  return [
    rank === null ? cells.text('', 'cell') : numberCell(rank, 'number'),
    textCell(e.id ?? '', 'cell'),
    riskCellOf(words),
    repeated.level(s),
    s.score === null ? cells.text('', 'cell') : numberCell(s.score, 'number'),
    action,
    ownerCell(e, open, cells),
    dateValueCell(e.dueDate, open, undefined, cells),
    statusCell(e, cells),
    repeated.tier(s),
    repeated.flagsOf(kinds),
  ];
}

function keyValue(b: SheetBuilder, label: string, value: SpecCell, note?: string): number {
  return keyValueLine(b, label, value, { width: WIDTH, note });
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
  /** Risks per finding kind (a risk counts once per kind). */
  perKind: Map<FindingKind, number>;
}

function newCounts(): SummaryCounts {
  return { open: 0, overdueOpen: 0, levels: new Map(), perKind: new Map() };
}

/** What one visit of every risk produces: the table rows in sheet order, the snapshot, the counts. */
interface RiskVisit {
  byTier: Map<Tier, (SpecCell | null)[][]>;
  closedRows: (SpecCell | null)[][];
  snapshot: SnapshotBuilder;
  counts: SummaryCounts;
}

/**
 * Visits each risk once, in priority order: builds its row (open risks by tier, numbered by their
 * position among the open risks; closed risks apart), records it in the snapshot and in the
 * summary counts.
 */
function* visitRisks(risks: readonly ScoredEntry[]): Sliced<RiskVisit> {
  // The analysis hands risks over in priority order; hand-built input may not be.
  const inOrder = risks.every((r, i) => i === 0 || risks[i - 1].priority <= r.priority);
  const ordered = inOrder ? risks : [...risks].sort((a, b) => a.priority - b.priority);
  const visit: RiskVisit = {
    byTier: new Map<Tier, (SpecCell | null)[][]>(TIER_ORDER.map((t) => [t, []])),
    closedRows: [],
    snapshot: new SnapshotBuilder(),
    counts: newCounts(),
  };
  const { byTier, closedRows, snapshot, counts } = visit;
  const repeated = new RepeatedCells();
  yield* inSlices(ordered.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = ordered[i];
      const words = riskWords(r.entry);
      snapshot.add(r, words);
      const kinds = distinctKinds(r.findings);
      countRisk(counts, r, kinds); // first: an open risk's rank is the open count including itself
      if (r.open) byTier.get(r.tier)?.push(riskRow(r, counts.open, true, words, kinds, repeated));
      else closedRows.push(riskRow(r, null, false, words, kinds, repeated));
    }
  });
  return visit;
}

/** Writes the risk table and returns its header row, with the snapshot and the summary counts. */
function* writeRiskTable(
  b: SheetBuilder,
  risks: readonly ScoredEntry[],
): Sliced<{ headerRow: number; snapshot: SnapshotBuilder; counts: SummaryCounts }> {
  const { byTier, closedRows, snapshot, counts } = yield* visitRisks(risks);
  const headerRow = b.addRow(
    PLAN_COLUMNS.map((c) => textCell(c.title, 'header')),
    30,
  );
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

/** `kinds`: the risk's finding kinds, each once (each counts the risk once). */
function countRisk(counts: SummaryCounts, r: ScoredEntry, kinds: readonly FindingKind[]): void {
  if (r.open) {
    counts.open++;
    if (r.overdue) counts.overdueOpen++;
    counts.levels.set(r.level, (counts.levels.get(r.level) ?? 0) + 1);
  }
  for (const kind of kinds) counts.perKind.set(kind, (counts.perKind.get(kind) ?? 0) + 1);
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
  if (perKind.size === 0) b.addWide(textCell('No gaps found.', 'note'));
  for (const kind of FINDING_KINDS) {
    const n = perKind.get(kind);
    if (n) count(findingLabel(kind), n);
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

/** Inherent and residual side by side: likelihood in Rank, inherent impact in B-F, residual in G-K. */
const PLAN_HEAT_PAIR_LAYOUT: HeatMapPairLayout = {
  label: { col: 0, span: 1 },
  left: [1, 2, 3, 4, 5].map((col) => ({ col, span: 1 })),
  right: [6, 7, 8, 9, 10].map((col) => ({ col, span: 1 })),
};

/** Heat maps of the open risks: inherent, and residual beside it when the register rates residual risk. */
function* writeHeatMaps(b: SheetBuilder, input: PlanInput): Sliced<void> {
  const { analysis, settings, read } = input;
  const matrix = chooseMatrix(read.register, settings.matrix);
  const thresholds =
    settings.matrix?.name === 'product' ? settings.matrix.thresholds : matrix.choice.name === 'product' ? DEFAULT_PRODUCT_THRESHOLDS : null;
  const { inherent, residual } = yield* openRiskHeatMapsSliced(analysis.risks, matrix);
  b.addWide(textCell('Heat map of open risks', 'section'));
  if (residual) writeHeatMapPair(b, inherent, residual, matrix, PLAN_HEAT_PAIR_LAYOUT, thresholds);
  else writeHeatMap(b, inherent, matrix, PLAN_HEAT_LAYOUT, thresholds);
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
  line(
    prepared.source === 'workbook' ? `Prepared by (found in the workbook, ${prepared.where})` : 'Prepared by',
    textOrMissing(prepared.value, 'prepared by'),
  );
  line(
    approved.source === 'workbook'
      ? `Approved by (found in the workbook, ${approved.where})`
      : 'Approved by (practice owner or privacy/security officer)',
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

/** Builds the plan sheet and the snapshot the next plan compares against. Yields between slices of rows (see slices.ts). */
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

  const { headerRow, snapshot: snapshotBuilder, counts } = yield* writeRiskTable(b, analysis.risks);
  b.addBlank();
  writeSummary(b, analysis, counts);
  b.addBlank();
  yield* writeHeatMaps(b, input);
  b.addBlank();
  const snapshot = snapshotBuilder.finish(asOf, version);
  yield* writeChanges(b, settings.snapshot, snapshot);
  b.addBlank();
  writeSignOff(b, settings, input.facts);

  const spec = reportSpec(b, {
    kind: 'plan',
    name: PLAN_SHEET_NAME,
    markerVersion: PLAN_MARKER_VERSION,
    asOf,
    columns: PLAN_COLUMNS,
    styles: { ...REPORT_STYLES, ...HEAT_STYLES },
    tableHeaderRow: headerRow,
    freeze: true,
    practice,
  });
  return { spec, snapshot };
}
