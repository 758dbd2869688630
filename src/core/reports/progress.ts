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
import type { Settings } from '../settings';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { buildCapCalendar, calendarStateWords } from './calendar';
import type { CapCalendar } from './calendar';
import { CAP_ELEMENTS, elementOf, OTHER_ELEMENT, UNASSIGNED_ELEMENT } from './elements';
import type { ElementGroup } from './elements';
import { actionCell, dateValueCell, ownerCell, riskCell, statusWords } from './entryText';
import { dateCell, numberCell, percentCell, SheetBuilder, textCell } from './sheetBuilder';
import type { Part } from './sheetBuilder';
import { REPORT_STYLES, reportPrintSetup } from './styles';

export interface ProgressInput {
  analysis: Analysis;
  read: WorkbookRead;
  settings: Settings;
  asOf: IsoDate;
}

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

/** Days from the as-of date to the item's due date, when it has a real one. */
function daysUntilDue(s: ScoredEntry, asOf: IsoDate): number | null {
  const iso = s.entry.dueDate?.iso;
  return iso ? daysBetween(asOf, iso) : null;
}

function timingText(s: ScoredEntry, asOf: IsoDate): string {
  if (s.completed) return 'Completed';
  if (s.overdue) return `${plural(s.daysOverdue, 'day', 'days')} overdue`;
  const days = daysUntilDue(s, asOf);
  if (days === null) return '';
  return days === 0 ? 'Due today' : days > 0 ? `Due in ${plural(days, 'day', 'days')}` : `${plural(-days, 'day', 'days')} past due`;
}

function itemRow(s: ScoredEntry, asOf: IsoDate): (SpecCell | null)[] {
  const e = s.entry;
  const open = !s.completed;
  const evidence = e.evidence?.trim()
    ? textCell(e.evidence.trim(), 'cell')
    : s.completed
      ? textCell('MISSING: record the evidence', 'missing')
      : textCell('', 'cell');
  const verifiedBy = e.verifiedBy?.trim()
    ? textCell(e.verifiedBy.trim(), 'cell')
    : s.completed && !s.verified
      ? textCell('NOT VERIFIED', 'missing')
      : textCell('', 'cell');
  return [
    textCell(e.id ?? '', 'cell'),
    riskCell(e),
    actionCell(s, open),
    textCell(elementOf(e), 'cell'),
    ownerCell(e, open),
    dateValueCell(e.dueDate, open),
    textCell(timingText(s, asOf), s.overdue ? 'missing' : 'cell'),
    textCell(statusWords(e), 'cell'),
    dateValueCell(e.completedDate, false),
    evidence,
    verifiedBy,
    dateValueCell(e.verifiedDate, false),
  ];
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

function writeByElement(b: SheetBuilder, items: ScoredEntry[]): void {
  b.addWide(textCell('Progress by CAP element', 'section'));
  const headers = ['Items', 'Completed', 'Verified', 'Overdue', 'Percent complete'];
  b.addParts([
    { col: 0, span: 2, cell: textCell('CAP element', 'header') },
    ...headers.map((h, i) => ({ col: 2 + i, cell: textCell(h, 'header') })),
    { col: 7, span: 2, cell: textCell('Progress', 'header') },
  ]);
  const groups = new Map<ElementGroup, ScoredEntry[]>();
  for (const s of items) {
    const g = elementOf(s.entry);
    const list = groups.get(g);
    if (list) list.push(s);
    else groups.set(g, [s]);
  }
  const order: ElementGroup[] = [...CAP_ELEMENTS, OTHER_ELEMENT, UNASSIGNED_ELEMENT];
  for (const g of order) {
    const list = groups.get(g) ?? [];
    if (list.length === 0 && (g === OTHER_ELEMENT || g === UNASSIGNED_ELEMENT)) continue;
    const completed = list.filter((s) => s.completed).length;
    const pct = fraction(completed, list.length);
    b.addParts([
      { col: 0, span: 2, cell: textCell(g, 'label') },
      { col: 2, cell: numberCell(list.length, 'number') },
      { col: 3, cell: numberCell(completed, 'number') },
      { col: 4, cell: numberCell(list.filter((s) => s.verified).length, 'number') },
      { col: 5, cell: numberCell(list.filter((s) => s.overdue).length, 'number') },
      { col: 6, cell: list.length ? percentCell(pct, 'number') : textCell('No items', 'cell') },
      { col: 7, span: 2, cell: textCell(list.length ? progressBar(pct) : '', 'bar') },
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

function hasFinding(s: ScoredEntry, kind: ScoredEntry['findings'][number]['kind']): boolean {
  return s.findings.some((f) => f.kind === kind);
}

/**
 * The lists, in the order a CAP coordinator works them. "Open", "overdue" and the due windows
 * are the analysis' own facts (the same ones Analysis.capSummary counts). Every open item lands in
 * one timing list (overdue, a due window, or no usable date) and every completed item in the
 * evidence index.
 */
function itemLists(items: ScoredEntry[], asOf: IsoDate): { title: string; items: ScoredEntry[] }[] {
  const openWithin = (from: number, to: number) =>
    items.filter((s) => {
      if (!s.open || s.overdue) return false;
      const d = daysUntilDue(s, asOf);
      return d !== null && d >= from && d <= to;
    });
  const completed = items.filter((s) => s.completed);
  return [
    { title: 'Overdue', items: items.filter((s) => s.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue) },
    { title: 'Due in the next 30 days', items: openWithin(0, 30) },
    { title: 'Due in 31 to 60 days', items: openWithin(31, 60) },
    { title: 'Due in 61 to 90 days', items: openWithin(61, 90) },
    { title: 'Due later than 90 days', items: openWithin(91, Number.POSITIVE_INFINITY) },
    {
      title: 'Open with no usable due date',
      items: items.filter((s) => s.open && !s.overdue && daysUntilDue(s, asOf) === null),
    },
    { title: 'Completed but not verified', items: completed.filter((s) => !s.verified) },
    { title: 'Completed without evidence', items: completed.filter((s) => !s.entry.evidence?.trim()) },
    { title: 'No root cause recorded', items: items.filter((s) => hasFinding(s, 'missing-root-cause')) },
    { title: 'Recurring findings (the same finding more than once)', items: items.filter((s) => hasFinding(s, 'duplicate')) },
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
  writeByElement(b, analysis.capItems);
  b.addBlank();
  writeCalendar(b, calendar);
  b.addBlank();

  b.addWide(textCell('Corrective actions to follow up', 'section'));
  const headerRow = b.addRow(PROGRESS_COLUMNS.map((c) => textCell(c.title, 'header')), 30);
  for (const list of itemLists(analysis.capItems, asOf)) {
    b.addWide(textCell(`${list.title} (${list.items.length})`, 'group'));
    if (list.items.length === 0) b.addWide(textCell('None.', 'note'));
    for (const s of list.items) b.addRow(itemRow(s, asOf));
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
