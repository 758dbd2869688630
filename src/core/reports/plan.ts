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
import { FINDING_KINDS } from '../model';
import type { Analysis, Finding, Level, ScoredEntry, Tier, WorkbookRead } from '../model';
import type { PlanSnapshot, Settings } from '../settings';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { CHANGE_LABELS, diffSnapshots, SnapshotBuilder } from './changes';
import { actionCell, dateValueCell, ownerCell, riskCellOf, riskWords, statusWords } from './entryText';
import { FINDING_LABELS, flagsText, LEVELS_HIGH_FIRST, TIER_ORDER } from './labels';
import { dateCell, numberCell, SheetBuilder, textCell } from './sheetBuilder';
import { REPORT_STYLES, reportPrintSetup } from './styles';
import { sharedNumberCell, sharedTextCell } from './sharedCells';

/** What a generated report is built from: the read workbook, its analysis and settings, the as-of date. */
export interface PlanInput {
  analysis: Analysis;
  read: WorkbookRead;
  settings: Settings;
  asOf: IsoDate;
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

function levelText(s: ScoredEntry): SpecCell {
  if (!s.level) return sharedTextCell('NOT RATED: add likelihood and impact', 'missing');
  return sharedTextCell(s.residualLevel ? `${s.level} (target: ${s.residualLevel})` : s.level, 'cell');
}

/** Position of each finding kind in FINDING_KINDS (a bit per kind in the loops below). */
const KIND_INDEX = new Map(FINDING_KINDS.map((kind, i) => [kind, i]));

/**
 * The flags cell of a risk: its finding kinds in words. Entries share a few kind sequences, so
 * each sequence (packed as base-16 digits, first occurrence order) gets one cell, frozen because
 * many rows hold it.
 */
class FlagCells {
  private readonly cells = new Map<number, SpecCell>();

  of(findings: readonly Finding[]): SpecCell {
    let key = 0;
    let seen = 0;
    for (const f of findings) {
      const k = KIND_INDEX.get(f.kind)!;
      if (seen & (1 << k)) continue;
      seen |= 1 << k;
      key = key * 16 + k + 1;
    }
    let cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, (cell = Object.freeze(textCell(flagsText(findings.map((f) => f.kind)), 'cell'))));
    return cell;
  }
}

function byPriority(a: ScoredEntry, b: ScoredEntry): number {
  return a.priority - b.priority;
}

/** `words` is `riskWords(s.entry)`, worked out once for the row and the snapshot. */
function riskRow(s: ScoredEntry, rank: number | null, open: boolean, flags: FlagCells, words: string | null): (SpecCell | null)[] {
  const e = s.entry;
  let action = actionCell(s, open);
  if (e.justification?.trim() && action.type === 'text') {
    const prefix = String(action.value);
    action = { ...action, value: prefix ? `${prefix}\nJustification: ${e.justification.trim()}` : `Justification: ${e.justification.trim()}` };
  }
  return [
    rank === null ? sharedTextCell('', 'cell') : numberCell(rank, 'number'),
    textCell(e.id ?? '', 'cell'),
    riskCellOf(words),
    levelText(s),
    s.score === null ? sharedTextCell('', 'cell') : sharedNumberCell(s.score, 'number'),
    action,
    ownerCell(e, open),
    dateValueCell(e.dueDate, open),
    sharedTextCell(statusWords(e), 'cell'),
    sharedTextCell(s.tier, 'cell'),
    flags.of(s.findings),
  ];
}

function keyValue(b: SheetBuilder, label: string, value: SpecCell, note?: string): number {
  return b.addParts([
    { col: 0, span: 2, cell: textCell(label, 'label') },
    { col: 2, cell: value },
    ...(note ? [{ col: 3, span: WIDTH - 3, cell: textCell(note, 'note') }] : []),
  ]);
}

function textOrMissing(value: string | undefined, missing: string): SpecCell {
  return value && value.trim() ? textCell(value.trim(), 'value') : textCell(`MISSING: ${missing}`, 'missingValue');
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

/**
 * Writes the risk table (open risks by tier, then closed ones) and, in the same single visit of
 * each risk in priority order, records it in the snapshot and in the summary counts: with 50,000
 * risks every extra pass over the risk objects costs a cache miss per risk.
 */
function writeRiskTable(b: SheetBuilder, risks: ScoredEntry[], snapshot: SnapshotBuilder, counts: SummaryCounts): number {
  const headerRow = b.addRow(PLAN_COLUMNS.map((c) => textCell(c.title, 'header')), 30);
  const flags = new FlagCells();
  // Open risks by tier, numbered by their position among the open risks; closed risks after them.
  const byTier = new Map<Tier, (SpecCell | null)[][]>(TIER_ORDER.map((t) => [t, []]));
  const closedRows: (SpecCell | null)[][] = [];
  for (const r of [...risks].sort(byPriority)) {
    const words = riskWords(r.entry);
    snapshot.add(r, words);
    countRisk(counts, r); // first: an open risk's rank is the open count including itself
    if (r.open) byTier.get(r.tier)?.push(riskRow(r, counts.open, true, flags, words));
    else closedRows.push(riskRow(r, null, false, flags, words));
  }

  if (counts.open === 0) b.addWide(textCell('No open risks in the register.', 'group'));
  for (const tier of TIER_ORDER) {
    const inTier = byTier.get(tier)!;
    if (inTier.length === 0) continue;
    b.addWide(textCell(`${tier} (${inTier.length} ${inTier.length === 1 ? 'risk' : 'risks'})`, 'group'));
    for (const row of inTier) b.addRow(row);
  }

  b.addWide(textCell(`Closed and accepted risks (${closedRows.length})`, 'group'));
  if (closedRows.length === 0) b.addWide(textCell('None yet.', 'note'));
  for (const row of closedRows) b.addRow(row);
  return headerRow;
}

function countRisk(counts: SummaryCounts, r: ScoredEntry): void {
  if (r.open) {
    counts.open++;
    if (r.overdue) counts.overdueOpen++;
    counts.levels.set(r.level, (counts.levels.get(r.level) ?? 0) + 1);
  }
  let seen = 0;
  for (const f of r.findings) {
    const k = KIND_INDEX.get(f.kind)!;
    if (seen & (1 << k)) continue;
    seen |= 1 << k;
    counts.perKind[k]++;
  }
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
  for (const [kind, label] of Object.entries(FINDING_LABELS)) {
    const n = kindCounts.get(kind);
    if (n) count(label, n);
  }

  b.addParts([
    { col: 0, span: 3, cell: textCell('Risk matrix used', 'label') },
    { col: 3, span: WIDTH - 3, cell: textCell(`${analysis.matrix.label}: ${analysis.matrix.reason}`, 'value') },
  ]);
}

function writeChanges(b: SheetBuilder, previous: PlanSnapshot | undefined, current: PlanSnapshot): void {
  if (!previous) {
    b.addWide(textCell('Changes since the last plan', 'section'));
    const text =
      'This is the first plan generated for this workbook, so there is no earlier plan to compare with. ' +
      'The next plan will list risks closed, new risks, changed target dates and changed responsible parties.';
    b.addWide(textCell(text, 'paragraph'));
    return;
  }
  b.addWide(textCell(`Changes since the last plan (version ${previous.version}, generated ${previous.generatedOn})`, 'section'));
  const changes = diffSnapshots(previous, current);
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
  for (const c of changes) {
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
}

function writeSignOff(b: SheetBuilder, settings: Settings): void {
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
  line('Prepared by', textOrMissing(settings.preparedBy, 'prepared by'));
  line('Approved by (practice owner or privacy/security officer)', textOrMissing(settings.approvedBy, 'approved by'));
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
  const { analysis, settings, asOf } = input;
  const version = settings.planVersion + 1;
  const practice = settings.practiceName?.trim() ?? '';
  const b = new SheetBuilder(PLAN_COLUMNS.map((c) => c.width));

  b.addWide(textCell(PLAN_SHEET_NAME, 'title'), 24);
  keyValue(b, 'Practice', textOrMissing(practice, 'practice name'));
  keyValue(b, 'Plan version', numberCell(version, 'value'));
  keyValue(b, 'Date generated', dateCell(asOf, 'value'));
  keyValue(
    b,
    'Risk analysis date',
    settings.riskAnalysisDate ? dateCell(settings.riskAnalysisDate, 'value') : textCell('MISSING: risk analysis date', 'missingValue'),
    'The risk analysis this plan addresses (45 CFR 164.308(a)(1)(ii)(A)).',
  );
  keyValue(b, 'Risk analysis conducted by', textOrMissing(settings.riskAnalysisBy, 'who conducted the risk analysis'));
  const review = nextReview(settings, asOf);
  keyValue(b, 'Next review date', dateCell(review.date, 'value'), review.note);
  b.addWide(textCell(STANDARD_STATEMENT, 'paragraph'));
  const approach = settings.approach?.trim() ? `Approach: ${settings.approach.trim()}` : DEFAULT_APPROACH;
  b.addWide(textCell(approach, 'paragraph'));

  const snapshotBuilder = new SnapshotBuilder();
  const counts: SummaryCounts = { open: 0, overdueOpen: 0, levels: new Map(), perKind: new Array<number>(FINDING_KINDS.length).fill(0) };
  const headerRow = writeRiskTable(b, analysis.risks, snapshotBuilder, counts);
  b.addBlank();
  writeSummary(b, analysis, counts);
  b.addBlank();
  const snapshot = snapshotBuilder.finish(asOf, version);
  writeChanges(b, settings.snapshot, snapshot);
  b.addBlank();
  writeSignOff(b, settings);

  const spec: SheetSpec = {
    kind: 'plan',
    name: PLAN_SHEET_NAME,
    marker: `${MARKER_PREFIX}plan;${PLAN_MARKER_VERSION};${asOf}`,
    columns: PLAN_COLUMNS.map((c) => ({ width: c.width })),
    rows: b.rows,
    merges: b.merges,
    styles: REPORT_STYLES,
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
