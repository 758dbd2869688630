/**
 * What a column's values look like, so a role is decided by the header and the values together:
 * a "Risk" column of High/Low is a level, an "Action" column of Mitigate/Accept is the strategy, a
 * "Status Date" column of dates is no status. One pass over the first values under the header.
 */
import { isBlank, type CellValue, type SheetGrid } from '../grid';
import type { Role } from '../model';
import { cellText, isErrorValue, normalizeWords } from './text';
import { isRatingText, isStatusText, isStrategyText, parseDate } from './values';

/** Values looked at per column: enough to see a pattern, few enough to stay instant on any sheet. */
const SAMPLE_VALUES = 40;
/** Rows looked through for them (a sparse column does not send the scan to the sheet's end). */
const SAMPLE_ROWS = 200;
/** Serial numbers Excel shows as dates between 1950 and 2200: not a rating, not a score. */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 109574;

export interface ColumnProfile {
  /** Non-blank, non-error values seen. */
  values: number;
  /** Numbers (cells or numeric text) that are not date serials. */
  numbers: number;
  /** Rating-like: a rating word (High, Alta, Высокая...), or a number from 0 to 100 (a step, a fraction, a percentage). */
  ratings: number;
  ratingWords: number;
  /** Date cells and date texts ("28-Feb-2026", "2026-05-04"). */
  dates: number;
  /** Sentences: more than 60 characters or 8 words. */
  longText: number;
  /** Treatment decisions: Mitigate, Accept, Transfer, Mitigar, Reduzieren... */
  strategies: number;
  statuses: number;
  /** Money amounts ($1,200, 5.000 €). */
  money: number;
  /** Short codes: at most 24 characters, letters then a number (R-001, AC-2, IA-2(1), 7). */
  codes: number;
  /** Different values among those seen. */
  distinct: number;
  /** Every value is a whole number one more than the one above (a running number 1, 2, 3...). */
  running: boolean;
}

const MONEY = /^[-+]?\s*(?:[$€£¥]|usd|eur|gbp)\s*[\d.,]+\s*(?:[kmb]|usd|eur)?$|^[-+]?[\d.,]+\s*(?:[$€£¥]|usd|eur|gbp)$/i;
/** R-001, AC-2, IA-2(1), POAM-01, MSS-51855, 2025-002: letters, then a number, then more parts. */
const CODE = /^(?:[A-Za-z]{1,10}[-_.#]?){0,4}\d+(?:[-_.()][A-Za-z0-9]+\)?)*$/;
const NUMERIC_TEXT = /^[-+]?\d+(?:[.,]\d+)?\s*%?$/;

/** Profiles of the given columns (absolute, 0-based) from the rows below `headerRow` (0-based absolute). */
export function profileColumns(grid: SheetGrid, headerRow: number, cols: number[]): Map<number, ColumnProfile> {
  const out = new Map<number, ColumnProfile>();
  const start = headerRow + 1 - grid.top;
  const stop = Math.min(grid.values.length, start + SAMPLE_ROWS);
  for (const col of cols) {
    const c = col - grid.left;
    const p: ColumnProfile = {
      values: 0,
      numbers: 0,
      ratings: 0,
      ratingWords: 0,
      dates: 0,
      longText: 0,
      strategies: 0,
      statuses: 0,
      money: 0,
      codes: 0,
      distinct: 0,
      running: true,
    };
    const seen = new Set<string>();
    let last: number | null = null;
    for (let i = Math.max(0, start); i < stop && p.values < SAMPLE_VALUES; i++) {
      const v: CellValue = grid.values[i]?.[c] ?? null;
      if (isBlank(v) || isErrorValue(v)) continue;
      addValue(p, v, seen);
      const n = typeof v === 'number' ? v : Number.NaN;
      if (!(Number.isInteger(n) && (last === null || n === last + 1))) p.running = false;
      last = n;
    }
    p.distinct = seen.size;
    out.set(col, p);
  }
  return out;
}

function addValue(p: ColumnProfile, v: CellValue, seen: Set<string>): void {
  p.values++;
  const text = cellText(v) ?? '';
  seen.add(normalizeWords(text));
  if (typeof v === 'number') {
    if (v >= MIN_SERIAL && v <= MAX_SERIAL) {
      p.dates++;
      return;
    }
    p.numbers++;
    if (v >= 0 && v <= 100) p.ratings++;
    if (Number.isInteger(v) || Math.abs(v) < 1) p.codes++;
    return;
  }
  if (NUMERIC_TEXT.test(text)) {
    p.numbers++;
    const n = Number(text.replace(',', '.').replace('%', ''));
    if (n >= 0 && n <= 100) p.ratings++;
    p.codes++;
    return;
  }
  if (MONEY.test(text)) {
    p.money++;
    return;
  }
  const d = parseDate(text);
  if (d && d.kind === 'date') {
    p.dates++;
    return;
  }
  const words = text.split(/\s+/).length;
  if (text.length > 60 || words > 8) {
    p.longText++;
    return;
  }
  if (isRatingText(text)) {
    p.ratingWords++;
    p.ratings++;
  }
  if (isStrategyText(text)) p.strategies++;
  if (isStatusText(text)) p.statuses++;
  if (text.length <= 24 && CODE.test(text)) p.codes++;
}

const RATING_ROLES: ReadonlySet<Role> = new Set<Role>([
  'likelihood',
  'impact',
  'level',
  'residualLikelihood',
  'residualImpact',
  'residualLevel',
]);
const TEXT_ROLES: ReadonlySet<Role> = new Set<Role>(['risk', 'threat', 'vulnerability', 'asset']);
const DATE_ROLES: ReadonlySet<Role> = new Set<Role>(['dueDate', 'completedDate', 'verifiedDate', 'reviewDate', 'originalDueDate']);

/**
 * Why the values say a column cannot play `role` ("its values are dates"), or null when they allow
 * it. Needs at least two values: one odd cell decides nothing.
 */
export function contradiction(role: Role, p: ColumnProfile): string | null {
  if (p.values < 2) return null;
  const share = (n: number): number => n / p.values;
  if (RATING_ROLES.has(role)) {
    if (share(p.longText) >= 0.5) return 'its values are sentences, not ratings';
    if (share(p.dates) >= 0.5) return 'its values are dates, not ratings';
    if (share(p.money) >= 0.5) return 'its values are money amounts, not ratings';
    if (share(p.statuses) >= 0.7 && share(p.ratingWords) < 0.3) return 'its values are statuses, not ratings';
    // Words we do not know are not a contradiction: a scale in another language is still a scale.
    return null;
  }
  if (role === 'score' || role === 'residualScore') {
    return share(p.numbers) < 0.5 ? 'its values are not numbers' : null;
  }
  if (TEXT_ROLES.has(role)) {
    if (share(p.ratingWords) >= 0.7) return 'its values are ratings (High, Medium...), not descriptions';
    if (share(p.numbers) >= 0.7) return 'its values are numbers, not descriptions';
    if (share(p.dates) >= 0.7) return 'its values are dates, not descriptions';
    return null;
  }
  if (role === 'action') {
    if (share(p.strategies) >= 0.6) return 'its values are treatment decisions (Mitigate, Accept...), not actions';
    if (share(p.money) >= 0.5) return 'its values are money amounts, not actions';
    if (share(p.dates) >= 0.6) return 'its values are dates, not actions';
    if (share(p.numbers) >= 0.7) return 'its values are numbers, not actions';
    if (share(p.ratingWords) >= 0.7) return 'its values are ratings, not actions';
    if (share(p.statuses) >= 0.7) return 'its values are statuses, not actions';
    if (share(p.codes) >= 0.8 && p.longText === 0) return 'its values are codes (AC-2, R-001...), not actions';
    return null;
  }
  if (role === 'owner' || role === 'verifiedBy') {
    if (share(p.dates) >= 0.7) return 'its values are dates, not people';
    if (share(p.numbers) >= 0.7) return 'its values are numbers, not people';
    if (share(p.ratingWords) >= 0.7) return 'its values are ratings, not people';
    if (role === 'owner' && share(p.statuses) >= 0.7) return 'its values are statuses, not people';
    return null;
  }
  if (DATE_ROLES.has(role)) {
    if (share(p.longText) >= 0.5) return 'its values are sentences, not dates';
    if (share(p.ratingWords) >= 0.5) return 'its values are ratings, not dates';
    if (share(p.statuses) >= 0.7) return 'its values are statuses, not dates';
    return null;
  }
  if (role === 'status') {
    if (share(p.dates) >= 0.6) return 'its values are dates, not statuses';
    if (share(p.longText) >= 0.7) return 'its values are sentences, not statuses';
    return null;
  }
  if (role === 'id') {
    if (share(p.longText) >= 0.3) return 'its values are sentences, not IDs';
    if (share(p.ratingWords) >= 0.7) return 'its values are ratings, not IDs';
    if (share(p.dates) >= 0.7) return 'its values are dates, not IDs';
    // A tracker may list two actions for one risk ID; a column mostly of repeats is a category, though.
    if (p.values >= 4 && p.distinct < 0.4 * p.values) return 'its values repeat, so they do not identify the rows';
    return null;
  }
  return null;
}

/** True when the values confirm a reading the header alone does not settle (a bare "Risk" of numbers is the score). */
export function supports(role: Role, p: ColumnProfile): boolean {
  if (p.values < 2) return false;
  const share = (n: number): number => n / p.values;
  if (role === 'score' || role === 'residualScore') return share(p.numbers) >= 0.6;
  if (RATING_ROLES.has(role)) return share(p.ratingWords) >= 0.6 || (share(p.ratings) >= 0.8 && share(p.numbers) >= 0.8);
  return contradiction(role, p) === null;
}

/** A column that can stand in for a missing ID: short codes, all different, on most rows. */
export function looksLikeIds(p: ColumnProfile): boolean {
  // Bare numbers identify rows only as a running number (1, 2, 3...), not as ratings that happen to differ.
  const bareNumbers = p.numbers === p.values;
  return (
    p.values >= 3 &&
    p.codes >= 0.9 * p.values &&
    p.distinct === p.values &&
    p.longText === 0 &&
    p.dates === 0 &&
    (!bareNumbers || p.running)
  );
}
