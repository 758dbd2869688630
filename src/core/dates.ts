/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD"). The core never reads a clock:
 * "today" is always an explicit as-of date passed in by the caller.
 */

/** A calendar date as "YYYY-MM-DD". */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, accounting for the fictitious 1900-02-29. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function toUtc(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Excel serial (1900 system) -> ISO date; the time of day is dropped. */
export function serialToIso(serial: number): IsoDate {
  return fromUtc(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
}

/** ISO date -> Excel serial (1900 system). */
export function isoToSerial(iso: IsoDate): number {
  return Math.round((toUtc(iso) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** A JS Date (taken as its UTC calendar day) -> ISO date. */
export function dateToIso(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(iso) + days * MS_PER_DAY);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(ny, nm, Math.min(d, last)));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / MS_PER_DAY);
}

/** "2026-11-23" -> "Nov 23, 2026" for prose; ISO stays the cell format. */
export function formatLongDate(iso: IsoDate): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${months[m - 1]} ${d}, ${y}`;
}

/** `now` on the user's calendar as "YYYY-MM-DD". The caller reads the clock (the CLI, the pane); the core never does. */
export function localIsoDate(now: Date): IsoDate {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
