/**
 * The CAP Progress Report as a SheetSpec: who and what the CAP is, overall progress (the same
 * figures as Analysis.capSummary), progress by CAP element, the reporting calendar, the lists
 * a CAP coordinator works from (overdue, due soon, completed but not verified, missing evidence,
 * missing root cause, recurring findings) and an evidence index of completed items.
 * Completion and verification are kept apart throughout: closing an action is not proof it worked.
 */
import { MARKER_PREFIX } from '../grid';
import { daysBetween } from '../dates';
import { FINDING_KINDS } from '../model';
import type { IsoDate } from '../dates';
import type { Analysis, Entry, ScoredEntry, TableRead, WorkbookRead } from '../model';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { buildCapCalendar, calendarStateWords, retainUntil } from './calendar';
import type { CapSettings } from '../settings';
import type { CapCalendar } from './calendar';
import { CAP_ELEMENTS, elementOf, OTHER_ELEMENT, UNASSIGNED_ELEMENT } from './elements';
import type { ElementGroup } from './elements';
import { actionCellOf, dateCellIgnoresRequired, dateValueCell, ownerCell, ownerCellIgnoresRequired, riskCell, statusCell } from './entryText';
import { SheetOrder } from './sheetOrder';
import { dateCell, numberCell, percentCell, SheetBuilder, textCell } from './sheetBuilder';
import { finish, inSlices, type Sliced } from '../slices';
import type { Part } from './sheetBuilder';
import { REPORT_STYLES, reportPrintSetup } from './styles';
import type { PlanInput } from './plan';
import { effectiveFact } from '../facts';
import { plural } from '../words';

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


/** Bits of an item's facts in `ReportItems.facts` (copies, so the later passes read a typed array, not the analysis objects). */
const OPEN = 1;
const COMPLETED = 2;
const VERIFIED = 4;
const OVERDUE = 8;
const NO_EVIDENCE = 16;
const NO_ROOT_CAUSE = 32;
const RECURRING = 64;
/** `days` holds the days to the due date (no usable due date otherwise). */
const HAS_DAYS = 128;

/** Element groups in the order the by-element table lists them; items refer to them by position. */
const ELEMENT_ORDER: readonly ElementGroup[] = [...CAP_ELEMENTS, OTHER_ELEMENT, UNASSIGNED_ELEMENT];
const ELEMENT_INDEX: ReadonlyMap<string, number> = new Map(ELEMENT_ORDER.map((g, i) => [g, i]));

/**
 * The CAP items as the report needs them, by item index (priority order), in typed arrays rather
 * than an object per item: the facts the lists look at, days to the due date, days overdue, and the
 * item's row, built once and shared by every list that shows it.
 */
interface ReportItems {
  facts: Uint8Array;
  days: Float64Array;
  daysOverdue: Float64Array;
  rows: (SpecCell | null)[][];
  /** Per position in ELEMENT_ORDER: items, completed, verified, overdue. */
  perElement: Float64Array;
}

/** Per-report lookups the item rows share. */
class ItemCells {
  private readonly elements: SpecCell[] = ELEMENT_ORDER.map((g) => plainText(g));
  /** Timing cells by days (to the due date, or overdue), one map per kind of timing. */
  private readonly dueIn = new Map<number, SpecCell>();
  private readonly overdue = new Map<number, SpecCell>();
  private noDate: SpecCell | null = null;
  private done: SpecCell | null = null;
  private doneOverdue: SpecCell | null = null;

  element(index: number): SpecCell {
    return this.elements[index];
  }

  /** The timing cell; its words depend only on these numbers, so equal timings share one (frozen) cell. */
  timing(s: ScoredEntry, days: number | null): SpecCell {
    // The style follows `overdue`, so a (hand-made) completed item that is also overdue gets its own cell.
    if (s.completed) return s.overdue ? (this.doneOverdue ??= timingCell(s, days)) : (this.done ??= timingCell(s, days));
    if (s.overdue) return cached(this.overdue, s.daysOverdue, () => timingCell(s, days));
    if (days === null) return (this.noDate ??= timingCell(s, days));
    return cached(this.dueIn, days, () => timingCell(s, days));
  }
}

function cached(cache: Map<number, SpecCell>, key: number, make: () => SpecCell): SpecCell {
  let cell = cache.get(key);
  if (cell === undefined) cache.set(key, (cell = make()));
  return cell;
}

const plainText = (value: string) => textCell(value, 'cell');
const missingText = (value: string) => textCell(value, 'missing');

/**
 * What an item row takes from each entry, by the entry's position in sheet order (see SheetOrder),
 * worked out in sheet order. The fields of one entry sit side by side in one flat array, so picking
 * them up in priority order touches two cache lines per item, not one per field, and costs no object
 * per entry. Cells that depend on whether the item is completed come both ways. The last position is
 * scratch space for an item whose entry is not in the order.
 */
class EntryFacts {
  static readonly ID_CELL = 0;
  static readonly RISK_CELL = 1;
  /** The action, trimmed. */
  static readonly ACTION = 2;
  static readonly OWNER_REQUIRED = 3;
  static readonly OWNER_OPTIONAL = 4;
  static readonly DUE_REQUIRED = 5;
  static readonly DUE_OPTIONAL = 6;
  static readonly STATUS = 7;
  static readonly COMPLETED_ON = 8;
  static readonly VERIFIED_ON = 9;
  /** The evidence and who verified, trimmed, and their cells when present. */
  static readonly EVIDENCE = 10;
  static readonly EVIDENCE_CELL = 11;
  static readonly VERIFIED_BY_CELL = 12;
  /** When the item's records may be discarded (CAP retention, from the completion or verification date). */
  static readonly RETAIN_UNTIL = 13;
  static readonly FIELDS = 14;

  readonly slots: (SpecCell | string | undefined)[];
  /** Position in ELEMENT_ORDER. */
  readonly element: Uint8Array;
  /** Days from the as-of date to the due date, where `hasDays`. */
  readonly days: Float64Array;
  readonly hasDays: Uint8Array;
  // Due dates repeat: count the days to each one once.
  private readonly daysByDue = new Map<IsoDate, number>();

  constructor(
    size: number,
    private readonly asOf: IsoDate,
    private readonly cap: CapSettings,
  ) {
    this.slots = new Array(size * EntryFacts.FIELDS);
    this.element = new Uint8Array(size);
    this.days = new Float64Array(size);
    this.hasDays = new Uint8Array(size);
  }

  /** Works out the facts of entry `e` at position `p`. */
  set(p: number, e: Entry): void {
    const at = p * EntryFacts.FIELDS;
    const slots = this.slots;
    slots[at + EntryFacts.ID_CELL] = textCell(e.id ?? '', 'cell');
    slots[at + EntryFacts.RISK_CELL] = riskCell(e);
    slots[at + EntryFacts.ACTION] = e.action?.trim();
    // One lookup instead of two where both ways give the same cell (most entries).
    const ownerRequired = ownerCell(e, true);
    slots[at + EntryFacts.OWNER_REQUIRED] = ownerRequired;
    slots[at + EntryFacts.OWNER_OPTIONAL] = ownerCellIgnoresRequired(e) ? ownerRequired : ownerCell(e, false);
    const dueRequired = dateValueCell(e.dueDate, true);
    slots[at + EntryFacts.DUE_REQUIRED] = dueRequired;
    slots[at + EntryFacts.DUE_OPTIONAL] = dateCellIgnoresRequired(e.dueDate) ? dueRequired : dateValueCell(e.dueDate, false);
    slots[at + EntryFacts.STATUS] = statusCell(e);
    slots[at + EntryFacts.COMPLETED_ON] = dateValueCell(e.completedDate, false);
    slots[at + EntryFacts.VERIFIED_ON] = dateValueCell(e.verifiedDate, false);
    const evidence = e.evidence?.trim();
    slots[at + EntryFacts.EVIDENCE] = evidence;
    slots[at + EntryFacts.EVIDENCE_CELL] = evidence ? plainText(evidence) : undefined;
    const verifiedBy = e.verifiedBy?.trim();
    slots[at + EntryFacts.VERIFIED_BY_CELL] = verifiedBy ? plainText(verifiedBy) : undefined;
    const recordDate = e.completedDate?.iso ?? e.verifiedDate?.iso ?? null;
    slots[at + EntryFacts.RETAIN_UNTIL] = recordDate ? this.retainCell(recordDate) : undefined;
    this.element[p] = ELEMENT_INDEX.get(elementOf(e))!;
    const iso = e.dueDate?.iso;
    this.hasDays[p] = 0;
    if (iso) {
      let days = this.daysByDue.get(iso);
      if (days === undefined) this.daysByDue.set(iso, (days = daysBetween(this.asOf, iso)));
      this.days[p] = days;
      this.hasDays[p] = 1;
    }
  }

  // Completion dates repeat: one "retain until" cell per date.
  private readonly retainCells = new Map<IsoDate, SpecCell | undefined>();

  private retainCell(recordDate: IsoDate): SpecCell | undefined {
    if (this.retainCells.has(recordDate)) return this.retainCells.get(recordDate);
    const keep = retainUntil(this.cap, recordDate);
    const cell = keep ? dateValueCell({ raw: keep, iso: keep, kind: 'date', text: keep }, false) : undefined;
    this.retainCells.set(recordDate, cell);
    return cell;
  }

  cell(p: number, field: number): SpecCell {
    return this.slots[p * EntryFacts.FIELDS + field] as SpecCell;
  }

  /** A text or optional-cell field as `set` stored it (undefined when the entry has none). */
  get<T extends SpecCell | string>(p: number, field: number): T | undefined {
    return this.slots[p * EntryFacts.FIELDS + field] as T | undefined;
  }
}

/** Bits of ScoredEntry.findingKinds the progress report reads. */
const VAGUE_BIT = 1 << FINDING_KINDS.indexOf('vague-action');
const ROOT_CAUSE_BIT = 1 << FINDING_KINDS.indexOf('missing-root-cause');
const DUPLICATE_BIT = 1 << FINDING_KINDS.indexOf('duplicate');

/**
 * Each item's facts, its row and the by-element counts, in one visit per item (priority order)
 * after the entries' own facts were worked out in sheet order (see SheetOrder). (Rows of items no
 * list shows are built too; they are simply not written.)
 */
function* reportItems(items: readonly ScoredEntry[], tables: readonly (TableRead | null)[], asOf: IsoDate, cap: CapSettings): Sliced<ReportItems> {
  const order = yield* SheetOrder.of(tables);
  const entries = order.entries;
  const scratch = entries.length;
  const entryFacts = new EntryFacts(entries.length + 1, asOf, cap);
  yield* inSlices(entries.length, (from, to) => {
    for (let p = from; p < to; p++) entryFacts.set(p, entries[p]);
  });

  const n = items.length;
  const out: ReportItems = {
    facts: new Uint8Array(n),
    days: new Float64Array(n),
    daysOverdue: new Float64Array(n),
    rows: new Array(n),
    perElement: new Float64Array(ELEMENT_ORDER.length * 4),
  };
  const { facts, days: daysOf, daysOverdue, rows, perElement } = out;
  const cells = new ItemCells();
  yield* inSlices(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const s = items[i];
      let p = order.positionOfItem(s);
      if (p < 0) entryFacts.set((p = scratch), s.entry);
      let f = (s.open ? OPEN : 0) | (s.completed ? COMPLETED : 0) | (s.verified ? VERIFIED : 0) | (s.overdue ? OVERDUE : 0);
      let vague = false;
      const bits = s.findingKinds;
      if (bits !== undefined) {
        vague = (bits & VAGUE_BIT) !== 0;
        if (bits & ROOT_CAUSE_BIT) f |= NO_ROOT_CAUSE;
        if (bits & DUPLICATE_BIT) f |= RECURRING;
      } else {
        const findings = s.findings;
        for (let k = 0; k < findings.length; k++) {
          const kind = findings[k].kind;
          if (kind === 'vague-action') vague = true;
          else if (kind === 'missing-root-cause') f |= NO_ROOT_CAUSE;
          else if (kind === 'duplicate') f |= RECURRING;
        }
      }
      if (!entryFacts.get(p, EntryFacts.EVIDENCE)) f |= NO_EVIDENCE;
      let days: number | null = null;
      if (entryFacts.hasDays[p]) {
        f |= HAS_DAYS;
        daysOf[i] = days = entryFacts.days[p];
      }
      facts[i] = f;
      daysOverdue[i] = s.daysOverdue;
      const element = entryFacts.element[p];
      const counts = element * 4;
      perElement[counts]++;
      if (s.completed) perElement[counts + 1]++;
      if (s.verified) perElement[counts + 2]++;
      if (s.overdue) perElement[counts + 3]++;
      rows[i] = itemRow(s, days, vague, entryFacts, p, cells.element(element), cells);
    }
  });
  return out;
}

function timingText(s: ScoredEntry, days: number | null): string {
  if (s.completed) return 'Completed';
  if (s.overdue) return `${plural(s.daysOverdue, 'day', 'days')} overdue`;
  if (days === null) return '';
  return days === 0 ? 'Due today' : days > 0 ? `Due in ${plural(days, 'day', 'days')}` : `${plural(-days, 'day', 'days')} past due`;
}

function timingCell(s: ScoredEntry, days: number | null): SpecCell {
  return Object.freeze(textCell(timingText(s, days), s.overdue ? 'missing' : 'cell'));
}

/** The row of item `s`, whose entry's facts are at position `p`. */
function itemRow(s: ScoredEntry, days: number | null, vague: boolean, facts: EntryFacts, p: number, element: SpecCell, cells: ItemCells): (SpecCell | null)[] {
  const F = EntryFacts;
  const open = !s.completed;
  // Frozen: the same cells stand in every list that shows the item.
  return Object.freeze([
    facts.cell(p, F.ID_CELL),
    facts.cell(p, F.RISK_CELL),
    actionCellOf(facts.get<string>(p, F.ACTION), open, vague),
    element,
    facts.cell(p, open ? F.OWNER_REQUIRED : F.OWNER_OPTIONAL),
    facts.cell(p, open ? F.DUE_REQUIRED : F.DUE_OPTIONAL),
    cells.timing(s, days),
    facts.cell(p, F.STATUS),
    facts.cell(p, F.COMPLETED_ON),
    facts.get<SpecCell>(p, F.EVIDENCE_CELL) ?? (s.completed ? missingText('MISSING: record the evidence') : plainText('')),
    facts.get<SpecCell>(p, F.VERIFIED_BY_CELL) ?? (s.completed && !s.verified ? missingText('NOT VERIFIED') : plainText('')),
    facts.cell(p, F.VERIFIED_ON),
    s.completed ? (facts.get<SpecCell>(p, F.RETAIN_UNTIL) ?? missingText('MISSING: completion date')) : plainText(''),
  ]) as (SpecCell | null)[];
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
 */
export function progressByMonth(items: readonly ScoredEntry[], asOf: IsoDate): { rows: MonthRow[]; undatedCompleted: number; undatedVerified: number } {
  return finish(progressByMonthSliced(items, asOf));
}

/** `progressByMonth`, yielding between slices of items. */
export function* progressByMonthSliced(items: readonly ScoredEntry[], asOf: IsoDate): Sliced<{ rows: MonthRow[]; undatedCompleted: number; undatedVerified: number }> {
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

function writeByElement(b: SheetBuilder, items: ReportItems): void {
  b.addWide(textCell('Progress by CAP element', 'section'));
  const headers = ['Items', 'Completed', 'Verified', 'Overdue', 'Percent complete'];
  b.addParts([
    { col: 0, span: 2, cell: textCell('CAP element', 'header') },
    ...headers.map((h, i) => ({ col: 2 + i, cell: textCell(h, 'header') })),
    { col: 7, span: 2, cell: textCell('Progress', 'header') },
  ]);
  // Counted while the items were visited (reportItems).
  const counts = items.perElement;
  ELEMENT_ORDER.forEach((g, e) => {
    const c = { items: counts[e * 4], completed: counts[e * 4 + 1], verified: counts[e * 4 + 2], overdue: counts[e * 4 + 3] };
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
    const period = (e.kind === 'periodic' || e.kind === 'final') && e.periodStart && e.periodEnd ? `${e.periodStart} to ${e.periodEnd}` : '';
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
  b.addWide(textCell(`The workbook does not record which reports were submitted: a passed due date means "confirm it was submitted".${projected}`, 'note'));
}

/**
 * The lists, in the order a CAP coordinator works them, as item indexes. "Open", "overdue" and the
 * due windows are the analysis' own facts (the same ones Analysis.capSummary counts). Every open
 * item lands in one timing list (overdue, a due window, or no usable date) and every completed item
 * in the evidence index.
 */
function* itemLists(items: ReportItems): Sliced<{ title: string; items: number[] }[]> {
  const { facts, days } = items;
  // One pass, each item pushed to every list it belongs to (lists keep the items' order).
  const overdue: number[] = [];
  const within30: number[] = [];
  const within60: number[] = [];
  const within90: number[] = [];
  const later: number[] = [];
  const noDate: number[] = [];
  const notVerified: number[] = [];
  const noEvidence: number[] = [];
  const noRootCause: number[] = [];
  const recurring: number[] = [];
  const completed: number[] = [];
  const pushToLists = (i: number): void => {
    const f = facts[i];
    if (f & OVERDUE) overdue.push(i);
    else if (f & OPEN) {
      if (!(f & HAS_DAYS)) noDate.push(i);
      else {
        const d = days[i];
        if (d >= 0 && d <= 30) within30.push(i);
        else if (d >= 31 && d <= 60) within60.push(i);
        else if (d >= 61 && d <= 90) within90.push(i);
        else if (d >= 91) later.push(i);
      }
    }
    if (f & COMPLETED) {
      completed.push(i);
      if (!(f & VERIFIED)) notVerified.push(i);
      if (f & NO_EVIDENCE) noEvidence.push(i);
    }
    if (f & NO_ROOT_CAUSE) noRootCause.push(i);
    if (f & RECURRING) recurring.push(i);
  };
  yield* inSlices(facts.length, (from, to) => {
    for (let i = from; i < to; i++) pushToLists(i);
  });
  return [
    { title: 'Overdue', items: mostOverdueFirst(overdue, items.daysOverdue) },
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

/**
 * Item indexes (ascending) by days overdue, most first, ties in item order: a stable sort. Whole
 * days pack with the index into one number, so a native typed-array sort does it in one short step.
 */
function mostOverdueFirst(indexes: number[], daysOverdue: Float64Array): number[] {
  const n = daysOverdue.length;
  let most = 0;
  let whole = true;
  for (const i of indexes) {
    const d = daysOverdue[i];
    if (!Number.isInteger(d) || d < 0) whole = false;
    else if (d > most) most = d;
  }
  if (!whole || (most + 1) * n >= Number.MAX_SAFE_INTEGER) return indexes.sort((a, b) => daysOverdue[b] - daysOverdue[a]);
  const keys = new Float64Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) keys[k] = (most - daysOverdue[indexes[k]]) * n + indexes[k];
  keys.sort();
  for (let k = 0; k < keys.length; k++) indexes[k] = keys[k] % n;
  return indexes;
}

/** Builds the CAP Progress Report sheet. */
export function buildProgressSheet(input: ProgressInput): SheetSpec {
  return finish(buildProgressSheetSliced(input));
}

/** `buildProgressSheet`, yielding between slices of items (see slices.ts). */
export function* buildProgressSheetSliced(input: ProgressInput): Sliced<SheetSpec> {
  const { analysis, read, settings, asOf } = input;
  const practice = effectiveFact(settings, input.facts, 'practiceName').value ?? '';
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
  yield* writeByMonth(b, analysis, asOf);
  b.addBlank();
  const items = yield* reportItems(analysis.capItems, analysis.capFromRegister ? [read.register] : read.caps, asOf, settings.cap);
  writeByElement(b, items);
  b.addBlank();
  writeCalendar(b, calendar);
  b.addBlank();

  b.addWide(textCell('Corrective actions to follow up', 'section'));
  const headerRow = b.addRow(PROGRESS_COLUMNS.map((c) => textCell(c.title, 'header')), 30);
  const rows = items.rows;
  // Sheet-level notes come first in the analysis' list (see analysis/index.ts).
  const sheetNotes: typeof analysis.findings = [];
  for (const f of analysis.findings) {
    if (f.scope !== 'sheet') break;
    if (f.kind === 'missing-root-cause') sheetNotes.push(f);
  }
  for (const list of yield* itemLists(items)) {
    b.addWide(textCell(`${list.title} (${list.items.length})`, 'group'));
    const notes = list.title === 'No root cause recorded' ? sheetNotes : [];
    for (const f of notes) b.addWide(textCell(`${f.subject}: ${f.message} ${f.fix}`, 'missingValue'));
    if (list.items.length === 0 && notes.length === 0) b.addWide(textCell('None.', 'note'));
    const shown = list.items;
    yield* inSlices(shown.length, (from, to) => {
      for (let k = from; k < to; k++) b.addRow(rows[shown[k]]);
    });
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
