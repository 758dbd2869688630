/**
 * The CAP Progress Report as a SheetSpec: who and what the CAP is, overall progress (the same
 * figures as Analysis.capSummary), progress by CAP element, the reporting calendar, the lists
 * a CAP coordinator works from (overdue, due soon, completed but not verified, missing evidence,
 * missing root cause, recurring findings) and an evidence index of completed items.
 * Completion and verification are kept apart throughout: closing an action is not proof it worked.
 */
import { MARKER_PREFIX } from '../grid';
import { daysBetween } from '../dates';
import type { IsoDate } from '../dates';
import type { Analysis, ScoredEntry, WorkbookRead } from '../model';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { buildCapCalendar, calendarStateWords } from './calendar';
import type { CapCalendar } from './calendar';
import { CAP_ELEMENTS, elementOf, OTHER_ELEMENT, UNASSIGNED_ELEMENT } from './elements';
import type { ElementGroup } from './elements';
import { actionCell, dateValueCell, ownerCell, riskCell, statusWords } from './entryText';
import { dateCell, numberCell, percentCell, SheetBuilder, textCell } from './sheetBuilder';
import { sharedTextCell } from './sharedCells';
import type { Part } from './sheetBuilder';
import { REPORT_STYLES, reportPrintSetup } from './styles';
import type { PlanInput } from './plan';

/** The progress report is built from the same facts as the plan. */
export type ProgressInput = PlanInput;

export const PROGRESS_SHEET_NAME = 'CAP Progress Report';
export const PROGRESS_MARKER_VERSION = 'v1';

/** Item table columns (the lists and the evidence index share them), widths in characters. */
export const PROGRESS_COLUMNS = [
  { title: 'Item ID', width: 8 },
  { title: 'Finding', width: 25 },
  { title: 'Corrective action', width: 25 },
  { title: 'CAP element', width: 16 },
  { title: 'Responsible party', width: 16 },
  { title: 'Due date', width: 13 },
  { title: 'Timing', width: 13 },
  { title: 'Status', width: 12 },
  { title: 'Completed on', width: 13 },
  { title: 'Evidence', width: 20 },
  { title: 'Verified by', width: 14 },
  { title: 'Verified on', width: 13 },
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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One CAP item as the report needs it, worked out once (an item can sit in several lists): days to
 * its due date, its CAP element, the finding kinds the lists look at, and its row once built.
 */
interface ReportItem {
  s: ScoredEntry;
  // Copies of the item's facts, so the passes below read these small records, not the analysis objects.
  open: boolean;
  completed: boolean;
  verified: boolean;
  overdue: boolean;
  daysOverdue: number;
  noEvidence: boolean;
  days: number | null;
  element: ElementGroup;
  vague: boolean;
  noRootCause: boolean;
  recurring: boolean;
  /** The row's cells, built on first use and shared by every list that shows the item. */
  row: (SpecCell | null)[] | null;
}

/**
 * Each item's facts and its row, worked out in one visit per item: with 50,000 items every extra
 * pass over the analysis objects costs a cache miss per item. (Rows of items no list shows are
 * built too; they are simply not written.)
 */
function reportItems(items: ScoredEntry[], asOf: IsoDate, timings: Map<string, SpecCell>): ReportItem[] {
  // Due dates repeat: count the days to each one once.
  const daysByDue = new Map<IsoDate, number>();
  return items.map((s) => {
    const iso = s.entry.dueDate?.iso;
    let days: number | null = null;
    if (iso) {
      days = daysByDue.get(iso) ?? null;
      if (days === null) daysByDue.set(iso, (days = daysBetween(asOf, iso)));
    }
    let vague = false;
    let noRootCause = false;
    let recurring = false;
    for (const f of s.findings) {
      if (f.kind === 'vague-action') vague = true;
      else if (f.kind === 'missing-root-cause') noRootCause = true;
      else if (f.kind === 'duplicate') recurring = true;
    }
    const item: ReportItem = {
      s,
      open: s.open,
      completed: s.completed,
      verified: s.verified,
      overdue: s.overdue,
      daysOverdue: s.daysOverdue,
      noEvidence: !s.entry.evidence?.trim(),
      days,
      element: elementOf(s.entry),
      vague,
      noRootCause,
      recurring,
      row: null,
    };
    itemRow(item, timings);
    return item;
  });
}

function timingText(s: ScoredEntry, days: number | null): string {
  if (s.completed) return 'Completed';
  if (s.overdue) return `${plural(s.daysOverdue, 'day', 'days')} overdue`;
  if (days === null) return '';
  return days === 0 ? 'Due today' : days > 0 ? `Due in ${plural(days, 'day', 'days')}` : `${plural(-days, 'day', 'days')} past due`;
}

/** The timing cell; its words depend only on these numbers, so equal timings share one (frozen) cell. */
function timingCell(item: ReportItem, cache: Map<string, SpecCell>): SpecCell {
  const s = item.s;
  // The style follows `overdue`, so a (hand-made) completed item that is also overdue gets its own key.
  const key = s.completed ? (s.overdue ? 'co' : 'c') : s.overdue ? `o${s.daysOverdue}` : item.days === null ? 'n' : `d${item.days}`;
  let cell = cache.get(key);
  if (cell === undefined) cache.set(key, (cell = Object.freeze(textCell(timingText(s, item.days), s.overdue ? 'missing' : 'cell'))));
  return cell;
}

function itemRow(item: ReportItem, timings: Map<string, SpecCell>): (SpecCell | null)[] {
  if (item.row) return item.row;
  const s = item.s;
  const e = s.entry;
  const open = !s.completed;
  const evidence = e.evidence?.trim()
    ? sharedTextCell(e.evidence.trim(), 'cell')
    : s.completed
      ? sharedTextCell('MISSING: record the evidence', 'missing')
      : sharedTextCell('', 'cell');
  const verifiedBy = e.verifiedBy?.trim()
    ? sharedTextCell(e.verifiedBy.trim(), 'cell')
    : s.completed && !s.verified
      ? sharedTextCell('NOT VERIFIED', 'missing')
      : sharedTextCell('', 'cell');
  // Frozen: the same cells stand in every list that shows the item.
  item.row = Object.freeze([
    textCell(e.id ?? '', 'cell'),
    riskCell(e),
    actionCell(s, open, item.vague),
    sharedTextCell(item.element, 'cell'),
    ownerCell(e, open),
    dateValueCell(e.dueDate, open),
    timingCell(item, timings),
    sharedTextCell(statusWords(e), 'cell'),
    dateValueCell(e.completedDate, false),
    evidence,
    verifiedBy,
    dateValueCell(e.verifiedDate, false),
  ]) as (SpecCell | null)[];
  return item.row;
}

function keyValue(b: SheetBuilder, label: string, value: SpecCell): number {
  return b.addParts([
    { col: 0, span: 2, cell: textCell(label, 'label') },
    { col: 2, span: 4, cell: value },
  ]);
}

function textOrMissing(value: string | undefined, missing: string): SpecCell {
  return value && value.trim() ? textCell(value.trim(), 'value') : textCell(`MISSING: ${missing}`, 'missingValue');
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

function writeByElement(b: SheetBuilder, items: ReportItem[]): void {
  b.addWide(textCell('Progress by CAP element', 'section'));
  const headers = ['Items', 'Completed', 'Verified', 'Overdue', 'Percent complete'];
  b.addParts([
    { col: 0, span: 2, cell: textCell('CAP element', 'header') },
    ...headers.map((h, i) => ({ col: 2 + i, cell: textCell(h, 'header') })),
    { col: 7, span: 2, cell: textCell('Progress', 'header') },
  ]);
  // Counted in one pass: items, completed, verified, overdue per element.
  const counts = new Map<ElementGroup, { items: number; completed: number; verified: number; overdue: number }>();
  for (const item of items) {
    let c = counts.get(item.element);
    if (!c) counts.set(item.element, (c = { items: 0, completed: 0, verified: 0, overdue: 0 }));
    c.items++;
    if (item.completed) c.completed++;
    if (item.verified) c.verified++;
    if (item.overdue) c.overdue++;
  }
  const order: ElementGroup[] = [...CAP_ELEMENTS, OTHER_ELEMENT, UNASSIGNED_ELEMENT];
  for (const g of order) {
    const c = counts.get(g) ?? { items: 0, completed: 0, verified: 0, overdue: 0 };
    if (c.items === 0 && (g === OTHER_ELEMENT || g === UNASSIGNED_ELEMENT)) continue;
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
  }
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
  ]);
  for (const e of calendar.events) {
    const period = e.kind === 'periodic' && e.periodStart && e.periodEnd ? `${e.periodStart} to ${e.periodEnd}` : '';
    const style = e.state === 'overdue' && e.kind !== 'monitoring-end' ? 'missing' : 'cell';
    b.addParts([
      { col: 0, span: 3, cell: textCell(e.label, 'cell') },
      { col: 3, span: 2, cell: textCell(period, 'cell') },
      { col: 5, cell: dateCell(e.due, 'cell') },
      { col: 6, span: 3, cell: textCell(calendarStateWords(e), style) },
    ]);
  }
  b.addWide(
    textCell('The workbook does not record which reports were submitted: a passed due date means "confirm it was submitted".', 'note'),
  );
}

/**
 * The lists, in the order a CAP coordinator works them. "Open", "overdue" and the due windows
 * are the analysis' own facts (the same ones Analysis.capSummary counts). Every open item lands in
 * one timing list (overdue, a due window, or no usable date) and every completed item in the
 * evidence index.
 */
function itemLists(items: ReportItem[]): { title: string; items: ReportItem[] }[] {
  // One pass, each item pushed to every list it belongs to (lists keep the items' order).
  const overdue: ReportItem[] = [];
  const within30: ReportItem[] = [];
  const within60: ReportItem[] = [];
  const within90: ReportItem[] = [];
  const later: ReportItem[] = [];
  const noDate: ReportItem[] = [];
  const notVerified: ReportItem[] = [];
  const noEvidence: ReportItem[] = [];
  const noRootCause: ReportItem[] = [];
  const recurring: ReportItem[] = [];
  const completed: ReportItem[] = [];
  for (const item of items) {
    if (item.overdue) overdue.push(item);
    if (item.open && !item.overdue) {
      const d = item.days;
      if (d === null) noDate.push(item);
      else if (d >= 0 && d <= 30) within30.push(item);
      else if (d >= 31 && d <= 60) within60.push(item);
      else if (d >= 61 && d <= 90) within90.push(item);
      else if (d >= 91) later.push(item);
    }
    if (item.completed) {
      completed.push(item);
      if (!item.verified) notVerified.push(item);
      if (item.noEvidence) noEvidence.push(item);
    }
    if (item.noRootCause) noRootCause.push(item);
    if (item.recurring) recurring.push(item);
  }
  return [
    { title: 'Overdue', items: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue) },
    { title: 'Due in the next 30 days', items: within30 },
    { title: 'Due in 31 to 60 days', items: within60 },
    { title: 'Due in 61 to 90 days', items: within90 },
    { title: 'Due later than 90 days', items: later },
    { title: 'Open with no usable due date', items: noDate },
    { title: 'Completed but not verified', items: notVerified },
    { title: 'Completed without evidence', items: noEvidence },
    { title: 'No root cause recorded', items: noRootCause },
    { title: 'Recurring findings (the same finding more than once)', items: recurring },
    { title: 'Evidence index: completed items, their evidence and verification', items: completed },
  ];
}

/** Builds the CAP Progress Report sheet. */
export function buildProgressSheet(input: ProgressInput): SheetSpec {
  const { analysis, read, settings, asOf } = input;
  const practice = settings.practiceName?.trim() ?? '';
  const calendar = buildCapCalendar(settings.cap, asOf);
  const b = new SheetBuilder(PROGRESS_COLUMNS.map((c) => c.width));

  b.addWide(textCell(PROGRESS_SHEET_NAME, 'title'), 24);
  keyValue(b, 'Entity', textOrMissing(practice, 'practice name'));
  keyValue(b, 'CAP reference', textOrMissing(settings.cap.reference, 'CAP reference'));
  keyValue(b, 'CAP type', textCell(settings.cap.type === 'ocr' ? 'OCR resolution agreement' : 'Voluntary corrective action plan', 'value'));
  keyValue(
    b,
    'Reporting period covered',
    textCell(calendar.periodText, settings.cap.effectiveDate ? 'value' : 'missingValue'),
  );
  keyValue(b, 'As of', dateCell(asOf, 'value'));
  const source = sourceText(analysis, read);
  b.addParts([
    { col: 0, span: 2, cell: textCell('Source', 'label') },
    { col: 2, span: WIDTH - 2, cell: textCell(source, 'note') },
  ]);
  b.addBlank();
  writeOverall(b, analysis);
  b.addBlank();
  const timings = new Map<string, SpecCell>();
  const items = reportItems(analysis.capItems, asOf, timings);
  writeByElement(b, items);
  b.addBlank();
  writeCalendar(b, calendar);
  b.addBlank();

  b.addWide(textCell('Corrective actions to follow up', 'section'));
  const headerRow = b.addRow(PROGRESS_COLUMNS.map((c) => textCell(c.title, 'header')), 30);
  for (const list of itemLists(items)) {
    b.addWide(textCell(`${list.title} (${list.items.length})`, 'group'));
    if (list.items.length === 0) b.addWide(textCell('None.', 'note'));
    for (const item of list.items) b.addRow(itemRow(item, timings));
  }

  return {
    kind: 'progress',
    name: PROGRESS_SHEET_NAME,
    marker: `${MARKER_PREFIX}progress;${PROGRESS_MARKER_VERSION};${asOf}`,
    columns: PROGRESS_COLUMNS.map((c) => ({ width: c.width })),
    rows: b.rows,
    merges: b.merges,
    styles: REPORT_STYLES,
    print: reportPrintSetup({
      lastColumnLetter: b.lastColumnLetter,
      lastRow: b.rows.length,
      tableHeaderRow: headerRow,
      practiceName: practice || 'MISSING: practice name',
      asOf,
    }),
  };
}
