/**
 * The CAP Progress Report as a SheetSpec: who and what the CAP is, overall progress (the same
 * figures as Analysis.capSummary), progress by CAP element, the reporting calendar, the lists
 * a CAP coordinator works from (overdue, due soon, completed but not verified, missing evidence,
 * missing root cause, recurring findings) and an evidence index of completed items.
 * Completion and verification are kept apart throughout: closing an action is not proof it worked.
 */
import { daysBetween } from '../dates';
import { FINDING_KINDS } from '../model';
import type { IsoDate } from '../dates';
import type { Analysis, Entry, FindingKind, ScoredEntry, WorkbookRead } from '../model';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { buildCapCalendar, calendarStateWords, retainUntil } from './calendar';
import type { CapSettings } from '../settings';
import type { CapCalendar } from './calendar';
import { CAP_ELEMENTS, elementOf, OTHER_ELEMENT, UNASSIGNED_ELEMENT } from './elements';
import type { ElementGroup } from './elements';
import { actionCellOf, dateValueCell, ownerCell, riskCell, statusCell } from './entryText';
import { CellMemo, dateCell, numberCell, percentCell, SheetBuilder, textCell } from './sheetBuilder';
import { inSlices, type Sliced } from '../slices';
import type { Part } from './sheetBuilder';
import { REPORT_STYLES } from './styles';
import { keyValue as keyValueLine, reportSpec, textOrMissing } from './scaffold';
import { FINDING_KIND_TABLE, hasKind } from '../findingKinds';
import type { PlanInput } from './plan';
import { effectiveFact } from '../facts';
import { plural } from '../words';
import { remember } from '../memo';

/** The progress report is built from the same facts as the plan. */
export type ProgressInput = PlanInput;

export const PROGRESS_SHEET_NAME = 'CAP Progress Report';
export const PROGRESS_MARKER_VERSION = 'v1';

/** Item table columns (the lists and the evidence index share them), widths in characters. */
export const PROGRESS_COLUMNS = [
  { title: 'Item ID', width: 8 },
  { title: 'Finding', width: 23 },
  { title: 'Corrective action', width: 23 },
  { title: 'CAP element', width: 14 },
  { title: 'Responsible party', width: 14 },
  { title: 'Due date', width: 13 },
  { title: 'Timing', width: 13 },
  { title: 'Status', width: 12 },
  { title: 'Completed on', width: 13 },
  { title: 'Evidence', width: 18 },
  { title: 'Verified by', width: 14 },
  { title: 'Verified on', width: 13 },
  { title: 'Retain until', width: 12 },
] as const;

const WIDTH = PROGRESS_COLUMNS.length;
const BAR_CELLS = 10;

/** "██████░░░░ 60%": a bar made of text, so it prints in black and white and needs no chart. */
export function progressBar(fraction: number): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = Math.round(f * BAR_CELLS);
  return `${'\u2588'.repeat(filled)}${'\u2591'.repeat(BAR_CELLS - filled)} ${Math.round(f * 100)}%`;
}

function fraction(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

/** Element groups in the order the by-element table lists them. */
const ELEMENT_ORDER: readonly ElementGroup[] = [...CAP_ELEMENTS, OTHER_ELEMENT, UNASSIGNED_ELEMENT];

/** A CAP item as the report shows it: its row (shared by every list that shows it) and what the lists test. */
interface ReportItem {
  s: ScoredEntry;
  row: (SpecCell | null)[];
  /** Days from the as-of date to the due date; null without a usable due date. */
  days: number | null;
  hasEvidence: boolean;
}

/** Items, completed, verified and overdue per CAP element. */
interface ElementCounts {
  items: number;
  completed: number;
  verified: number;
  overdue: number;
}

/** Each item's row and facts, and the by-element counts, in one visit per item (priority order). */
function* reportItems(
  capItems: readonly ScoredEntry[],
  asOf: IsoDate,
  cap: CapSettings,
): Sliced<{ items: ReportItem[]; perElement: Map<ElementGroup, ElementCounts> }> {
  const items: ReportItem[] = [];
  const perElement = new Map<ElementGroup, ElementCounts>(
    ELEMENT_ORDER.map((g) => [g, { items: 0, completed: 0, verified: 0, overdue: 0 }]),
  );
  // This report's memos: due dates and timings repeat down a CAP.
  const daysTo = new Map<IsoDate, number>();
  const repeated = new RepeatedCells();
  const actionHits = new Map<string, number>();
  yield* inSlices(capItems.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const s = capItems[i];
      const e = s.entry;
      const iso = e.dueDate?.iso;
      let days: number | null = null;
      if (iso) {
        days = daysTo.get(iso) ?? null;
        if (days === null) daysTo.set(iso, (days = daysBetween(asOf, iso)));
      }
      const element = elementOf(e, actionHits);
      const counts = perElement.get(element)!;
      counts.items++;
      if (s.completed) counts.completed++;
      if (s.verified) counts.verified++;
      if (s.overdue) counts.overdue++;
      items.push({
        s,
        row: itemRow(s, days, hasKind(s.findings, 'vague-action'), element, cap, repeated),
        days,
        hasEvidence: !!e.evidence?.trim(),
      });
    }
  });
  return { items, perElement };
}

function timingText(s: ScoredEntry, days: number | null): string {
  if (s.completed) return 'Completed';
  if (s.overdue) return `${plural(s.daysOverdue, 'day', 'days')} overdue`;
  if (days === null) return '';
  return days === 0 ? 'Due today' : days > 0 ? `Due in ${plural(days, 'day', 'days')}` : `${plural(-days, 'day', 'days')} past due`;
}

/**
 * One report's cells for values that repeat down the item lists (timings, retention dates, and
 * through `cells` elements, owners, dates, statuses): one object per distinct value instead of one per row.
 * Made for one report and dropped with it.
 */
class RepeatedCells {
  readonly cells = new CellMemo();
  /** Retain-until cells by the date the records start from (a completion or verification date). */
  private readonly retention = new Map<IsoDate, SpecCell | undefined>();
  /** Timing cells by (completed, overdue) and then by days overdue or days to the due date. */
  private readonly timings = new Map<number, Map<number | null, SpecCell>>();

  timing(s: ScoredEntry, days: number | null): SpecCell {
    const kind = (s.completed ? 2 : 0) + (s.overdue ? 1 : 0);
    // The words depend on the days overdue when overdue, else on the days to the due date (none when completed).
    const key = s.completed ? 0 : s.overdue ? s.daysOverdue : days;
    let byKey = this.timings.get(kind);
    if (!byKey) this.timings.set(kind, (byKey = new Map()));
    let cell = byKey.get(key);
    if (!cell) byKey.set(key, (cell = textCell(timingText(s, days), s.overdue ? 'missing' : 'cell')));
    return cell;
  }

  /** When the item's records may be discarded (CAP retention, from the completion or verification date). */
  retainUntil(e: Entry, cap: CapSettings): SpecCell | undefined {
    const recordDate = e.completedDate?.iso ?? e.verifiedDate?.iso ?? null;
    if (!recordDate) return undefined;
    return remember(this.retention, recordDate, (from) => {
      const keep = retainUntil(cap, from);
      return keep ? dateValueCell({ raw: keep, iso: keep, kind: 'date', text: keep }, false) : undefined;
    });
  }
}

/** The row of item `s`. */
function itemRow(
  s: ScoredEntry,
  days: number | null,
  vague: boolean,
  element: ElementGroup,
  cap: CapSettings,
  repeated: RepeatedCells,
): (SpecCell | null)[] {
  const e = s.entry;
  const open = !s.completed;
  const evidence = e.evidence?.trim();
  const verifiedBy = e.verifiedBy?.trim();
  const cells = repeated.cells;
  return [
    textCell(e.id ?? '', 'cell'),
    riskCell(e),
    actionCellOf(e.action?.trim(), open, vague, cells),
    cells.text(element, 'cell'),
    ownerCell(e, open, cells),
    dateValueCell(e.dueDate, open, undefined, cells),
    repeated.timing(s, days),
    statusCell(e, cells),
    dateValueCell(e.completedDate, false, undefined, cells),
    evidence ? cells.text(evidence, 'cell') : s.completed ? cells.text('MISSING: record the evidence', 'missing') : cells.text('', 'cell'),
    verifiedBy
      ? cells.text(verifiedBy, 'cell')
      : s.completed && !s.verified
        ? cells.text('NOT VERIFIED', 'missing')
        : cells.text('', 'cell'),
    dateValueCell(e.verifiedDate, false, undefined, cells),
    s.completed ? (repeated.retainUntil(e, cap) ?? cells.text('MISSING: completion date', 'missing')) : cells.text('', 'cell'),
  ];
}

function keyValue(b: SheetBuilder, label: string, value: SpecCell): number {
  return keyValueLine(b, label, value, { width: WIDTH, valueSpan: 4 });
}

function sourceText(analysis: Analysis, read: WorkbookRead): string {
  if (analysis.capFromRegister) {
    const sheet = read.register?.sheet;
    return `No CAP sheet was found, so these are the actions of the risk register${sheet ? ` (sheet "${sheet}")` : ''}.`;
  }
  const sheets = read.caps.map((c) => `"${c.sheet}"`);
  return sheets.length ? `CAP sheet${sheets.length > 1 ? 's' : ''}: ${sheets.join(', ')}.` : 'No CAP items were found.';
}

function writeOverall(b: SheetBuilder, analysis: Analysis): void {
  const c = analysis.capSummary;
  b.addWide(textCell('Overall progress', 'section'));
  const row = (label: string, n: number, pct?: number) => {
    const parts: Part[] = [
      { col: 0, span: 2, cell: textCell(label, label === 'Measure' ? 'header' : 'label') },
      { col: 2, cell: numberCell(n, 'number') },
    ];
    if (pct !== undefined) {
      parts.push({ col: 3, cell: percentCell(pct, 'number') }, { col: 4, span: 2, cell: textCell(progressBar(pct), 'bar') });
    }
    b.addParts(parts);
  };
  b.addParts([
    { col: 0, span: 2, cell: textCell('Measure', 'header') },
    { col: 2, cell: textCell('Items', 'header') },
    { col: 3, cell: textCell('Percent', 'header') },
    { col: 4, span: 2, cell: textCell('Progress', 'header') },
  ]);
  row('Items total', c.total);
  row('Completed', c.completed, fraction(c.completed, c.total));
  row('Verified', c.verified, fraction(c.verified, c.total));
  row('In progress', c.inProgress);
  row('Not started', c.notStarted);
  row('Overdue', c.overdue);
  row('Due in the next 30 days', c.dueNext30Days);
  b.addWide(
    textCell('Completed and verified are separate facts: closing a corrective action is not the same as confirming it worked.', 'note'),
  );
}

/** Months shown at most in the by-month table (the latest ones). */
export const MAX_MONTHS = 36;

export interface MonthRow {
  /** "2026-03". */
  month: string;
  completed: number;
  verified: number;
  /** Running totals up to the end of the month. */
  completedSoFar: number;
  verifiedSoFar: number;
}

/**
 * Completion and verification by calendar month, from the items' completion and verification dates,
 * from the first dated month to the as-of month. Items completed or verified without a usable date are
 * counted apart (`undatedCompleted`, `undatedVerified`); the running totals start with the months cut
 * off when there are more than MAX_MONTHS.
 * Yields between slices of items.
 */
export function* progressByMonthSliced(
  items: readonly ScoredEntry[],
  asOf: IsoDate,
): Sliced<{ rows: MonthRow[]; undatedCompleted: number; undatedVerified: number }> {
  const completed = new Map<string, number>();
  const verified = new Map<string, number>();
  let undatedCompleted = 0;
  let undatedVerified = 0;
  let first: string | null = null;
  const asOfMonth = asOf.slice(0, 7);
  const note = (map: Map<string, number>, iso: IsoDate) => {
    const m = iso.slice(0, 7) > asOfMonth ? asOfMonth : iso.slice(0, 7);
    map.set(m, (map.get(m) ?? 0) + 1);
    if (first === null || m < first) first = m;
  };
  yield* inSlices(items.length, (from, to) => {
    for (let k = from; k < to; k++) {
      const s = items[k];
      if (s.completed) {
        const iso = s.entry.completedDate?.iso ?? null;
        if (iso) note(completed, iso);
        else undatedCompleted++;
      }
      if (s.verified) {
        const iso = s.entry.verifiedDate?.iso ?? null;
        if (iso) note(verified, iso);
        else undatedVerified++;
      }
    }
  });
  const rows: MonthRow[] = [];
  if (first === null) return { rows, undatedCompleted, undatedVerified };
  let completedSoFar = 0;
  let verifiedSoFar = 0;
  for (let m: string = first; m <= asOfMonth; m = nextMonth(m)) {
    const c = completed.get(m) ?? 0;
    const v = verified.get(m) ?? 0;
    completedSoFar += c;
    verifiedSoFar += v;
    rows.push({ month: m, completed: c, verified: v, completedSoFar, verifiedSoFar });
  }
  return { rows: rows.slice(-MAX_MONTHS), undatedCompleted, undatedVerified };
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function* writeByMonth(b: SheetBuilder, analysis: Analysis, asOf: IsoDate): Sliced<void> {
  b.addWide(textCell('Completion and verification by month', 'section'));
  const { rows, undatedCompleted, undatedVerified } = yield* progressByMonthSliced(analysis.capItems, asOf);
  const total = analysis.capSummary.total;
  if (rows.length === 0) {
    b.addWide(textCell('No item has a completion or verification date yet.', 'note'));
  } else {
    b.addParts(
      [
        { col: 0, span: 2, cell: textCell('Month', 'header') },
        { col: 2, cell: textCell('Completed that month', 'header') },
        { col: 3, cell: textCell('Verified that month', 'header') },
        { col: 4, cell: textCell('Completed so far', 'header') },
        { col: 5, cell: textCell('Verified so far', 'header') },
        { col: 6, span: 3, cell: textCell('Completed so far (share of all items)', 'header') },
        { col: 9, span: 3, cell: textCell('Verified so far (share of all items)', 'header') },
      ],
      30,
    );
    for (const r of rows) {
      b.addParts([
        { col: 0, span: 2, cell: textCell(r.month, 'cell') },
        { col: 2, cell: numberCell(r.completed, 'number') },
        { col: 3, cell: numberCell(r.verified, 'number') },
        { col: 4, cell: numberCell(r.completedSoFar, 'number') },
        { col: 5, cell: numberCell(r.verifiedSoFar, 'number') },
        { col: 6, span: 3, cell: textCell(progressBar(fraction(r.completedSoFar, total)), 'bar') },
        { col: 9, span: 3, cell: textCell(progressBar(fraction(r.verifiedSoFar, total)), 'bar') },
      ]);
    }
  }
  const undated = [
    undatedCompleted ? `${plural(undatedCompleted, 'completed item has', 'completed items have')} no completion date` : '',
    undatedVerified ? `${plural(undatedVerified, 'verified item has', 'verified items have')} no verification date` : '',
  ].filter(Boolean);
  if (undated.length) b.addWide(textCell(`Not in the table: ${undated.join(' and ')}.`, 'note'));
}

function writeByElement(b: SheetBuilder, perElement: Map<ElementGroup, ElementCounts>): void {
  b.addWide(textCell('Progress by CAP element', 'section'));
  const headers = ['Items', 'Completed', 'Verified', 'Overdue', 'Percent complete'];
  b.addParts([
    { col: 0, span: 2, cell: textCell('CAP element', 'header') },
    ...headers.map((h, i) => ({ col: 2 + i, cell: textCell(h, 'header') })),
    { col: 7, span: 2, cell: textCell('Progress', 'header') },
  ]);
  // Counted while the items were visited (reportItems).
  ELEMENT_ORDER.forEach((g) => {
    const c = perElement.get(g)!;
    if (c.items === 0 && (g === OTHER_ELEMENT || g === UNASSIGNED_ELEMENT)) return;
    const pct = fraction(c.completed, c.items);
    b.addParts([
      { col: 0, span: 2, cell: textCell(g, 'label') },
      { col: 2, cell: numberCell(c.items, 'number') },
      { col: 3, cell: numberCell(c.completed, 'number') },
      { col: 4, cell: numberCell(c.verified, 'number') },
      { col: 5, cell: numberCell(c.overdue, 'number') },
      { col: 6, cell: c.items ? percentCell(pct, 'number') : textCell('No items', 'cell') },
      { col: 7, span: 2, cell: textCell(c.items ? progressBar(pct) : '', 'bar') },
    ]);
  });
}

function writeCalendar(b: SheetBuilder, calendar: CapCalendar): void {
  b.addWide(textCell('Reporting calendar', 'section'));
  for (const m of calendar.missing) b.addWide(textCell(m, 'missingValue'));
  if (calendar.events.length === 0) return;
  b.addParts([
    { col: 0, span: 3, cell: textCell('Report', 'header') },
    { col: 3, span: 2, cell: textCell('Period covered', 'header') },
    { col: 5, cell: textCell('Due date', 'header') },
    { col: 6, span: 3, cell: textCell('State', 'header') },
    { col: 9, span: WIDTH - 9, cell: textCell('How the date is set', 'header') },
  ]);
  for (const e of calendar.events) {
    const period =
      (e.kind === 'periodic' || e.kind === 'final') && e.periodStart && e.periodEnd ? `${e.periodStart} to ${e.periodEnd}` : '';
    const style = e.state === 'overdue' && e.kind !== 'monitoring-end' && !e.projected ? 'missing' : e.projected ? 'vague' : 'cell';
    b.addParts([
      { col: 0, span: 3, cell: textCell(e.label, 'cell') },
      { col: 3, span: 2, cell: textCell(period, 'cell') },
      { col: 5, cell: dateCell(e.due, 'cell') },
      { col: 6, span: 3, cell: textCell(calendarStateWords(e), style) },
      { col: 9, span: WIDTH - 9, cell: textCell(e.basis, 'cell') },
    ]);
  }
  for (const rule of calendar.standing) b.addWide(textCell(rule, 'note'));
  const projected = calendar.events.some((e) => e.projected) ? ' Projected dates move when HHS answers.' : '';
  b.addWide(
    textCell(
      `The workbook does not record which reports were submitted: a passed due date means "confirm it was submitted".${projected}`,
      'note',
    ),
  );
}

/** Kinds of finding with a follow-up list of their own, in FINDING_KINDS order (see core/findingKinds.ts). */
const LISTED_KINDS = FINDING_KINDS.filter((k) => FINDING_KIND_TABLE[k].progressList !== null);

/**
 * The lists, in the order a CAP coordinator works them. "Open", "overdue" and the due windows are
 * the analysis' own facts (the same ones Analysis.capSummary counts). Every open item lands in one
 * timing list (overdue, a due window, or no usable date) and every completed item in the evidence
 * index. One pass over the items, in slices, each item pushed to every list it belongs to.
 */
function* itemLists(items: readonly ReportItem[]): Sliced<{ title: string; kind?: FindingKind; items: ReportItem[] }[]> {
  const overdue: ReportItem[] = [];
  const within30: ReportItem[] = [];
  const within60: ReportItem[] = [];
  const within90: ReportItem[] = [];
  const later: ReportItem[] = [];
  const noDate: ReportItem[] = [];
  const notVerified: ReportItem[] = [];
  const noEvidence: ReportItem[] = [];
  const completed: ReportItem[] = [];
  const byKind = LISTED_KINDS.map(() => [] as ReportItem[]);
  yield* inSlices(items.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const item = items[i];
      const { s, days } = item;
      if (s.overdue) overdue.push(item);
      else if (s.open) {
        if (days === null) noDate.push(item);
        else if (days >= 0 && days <= 30) within30.push(item);
        else if (days >= 31 && days <= 60) within60.push(item);
        else if (days >= 61 && days <= 90) within90.push(item);
        else if (days >= 91) later.push(item);
      }
      if (s.completed) {
        completed.push(item);
        if (!s.verified) notVerified.push(item);
        if (!item.hasEvidence) noEvidence.push(item);
      }
      // Each list takes the item once, however many findings of its kind the item has.
      for (const f of s.findings) {
        const k = LISTED_KINDS.indexOf(f.kind);
        if (k >= 0 && byKind[k][byKind[k].length - 1] !== item) byKind[k].push(item);
      }
    }
  });
  // Most days overdue first; the sort is stable, so ties stay in priority order.
  overdue.sort((a, b) => b.s.daysOverdue - a.s.daysOverdue);
  return [
    { title: 'Overdue', items: overdue },
    { title: 'Due in the next 30 days', items: within30 },
    { title: 'Due in 31 to 60 days', items: within60 },
    { title: 'Due in 61 to 90 days', items: within90 },
    { title: 'Due later than 90 days', items: later },
    { title: 'Open with no usable due date', items: noDate },
    { title: 'Completed but not verified', items: notVerified },
    { title: 'Completed without evidence', items: noEvidence },
    ...LISTED_KINDS.map((kind, k) => ({ title: FINDING_KIND_TABLE[kind].progressList!, kind, items: byKind[k] })),
    { title: 'Evidence index: completed items, their evidence and verification', items: completed },
  ];
}

/** Builds the CAP Progress Report sheet. Yields between slices of items (see slices.ts). */
export function* buildProgressSheetSliced(input: ProgressInput): Sliced<SheetSpec> {
  const { analysis, read, settings, asOf } = input;
  const practice = effectiveFact(settings, input.facts, 'practiceName').value ?? '';
  const calendar = buildCapCalendar(settings.cap, asOf);
  const b = new SheetBuilder(PROGRESS_COLUMNS.map((c) => c.width));

  b.addWide(textCell(PROGRESS_SHEET_NAME, 'title'), 24);
  keyValue(b, 'Entity', textOrMissing(practice, 'practice name'));
  keyValue(b, 'CAP reference', textOrMissing(settings.cap.reference, 'CAP reference'));
  keyValue(b, 'CAP type', textCell(settings.cap.type === 'ocr' ? 'OCR resolution agreement' : 'Voluntary corrective action plan', 'value'));
  keyValue(b, 'Reporting period covered', textCell(calendar.periodText, settings.cap.effectiveDate ? 'value' : 'missingValue'));
  keyValue(b, 'As of', dateCell(asOf, 'value'));
  const source = sourceText(analysis, read);
  b.addParts([
    { col: 0, span: 2, cell: textCell('Source', 'label') },
    { col: 2, span: WIDTH - 2, cell: textCell(source, 'note') },
  ]);
  b.addBlank();
  writeOverall(b, analysis);
  b.addBlank();
  yield* writeByMonth(b, analysis, asOf);
  b.addBlank();
  const { items, perElement } = yield* reportItems(analysis.capItems, asOf, settings.cap);
  writeByElement(b, perElement);
  b.addBlank();
  writeCalendar(b, calendar);
  b.addBlank();

  b.addWide(textCell('Corrective actions to follow up', 'section'));
  const headerRow = b.addRow(
    PROGRESS_COLUMNS.map((c) => textCell(c.title, 'header')),
    30,
  );
  // Sheet-level notes come first in the analysis' list (see analysis/index.ts).
  const sheetNotes: typeof analysis.findings = [];
  for (const f of analysis.findings) {
    if (f.scope !== 'sheet') break;
    sheetNotes.push(f);
  }
  for (const list of yield* itemLists(items)) {
    b.addWide(textCell(`${list.title} (${list.items.length})`, 'group'));
    const notes = list.kind ? sheetNotes.filter((f) => f.kind === list.kind) : [];
    for (const f of notes) b.addWide(textCell(`${f.subject}: ${f.message} ${f.fix}`, 'missingValue'));
    if (list.items.length === 0 && notes.length === 0) b.addWide(textCell('None.', 'note'));
    const shown = list.items;
    yield* inSlices(shown.length, (from, to) => {
      for (let k = from; k < to; k++) b.addRow(shown[k].row);
    });
  }

  return reportSpec(b, {
    kind: 'progress',
    name: PROGRESS_SHEET_NAME,
    markerVersion: PROGRESS_MARKER_VERSION,
    asOf,
    columns: PROGRESS_COLUMNS,
    styles: REPORT_STYLES,
    tableHeaderRow: headerRow,
    freeze: false,
    practice,
  });
}
