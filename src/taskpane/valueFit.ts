/**
 * Does a column hold what its role needs? A small, self-contained judgement on a few sample
 * values of the mapped column, so the pane can warn before a wrong mapping prints a nonsense
 * plan (ratings in the risk column, money in the action column, names in the due-date column).
 * Pure: plain values in, words out.
 */
import type { CellValue } from '../core/grid';
import type { Role } from '../core/model';

/** The roles whose sample values the Workbook step shows and the Generate step checks. */
export const KEY_ROLES: readonly Role[] = ['risk', 'action', 'owner', 'dueDate', 'likelihood', 'impact'];

/** What a single cell looks like. */
export type SampleKind = 'rating' | 'money' | 'date' | 'number' | 'code' | 'words' | 'other';

const RATING_WORDS = new Set([
  'very low',
  'low',
  'medium',
  'moderate',
  'high',
  'very high',
  'critical',
  'severe',
  'minor',
  'major',
  'negligible',
  'significant',
  'catastrophic',
  'rare',
  'unlikely',
  'possible',
  'likely',
  'almost certain',
  'vl',
  'l',
  'm',
  'h',
  'vh',
  'med',
  'mod',
  'hi',
  'lo',
  'insignificant',
  'extreme',
]);

/** Excel date serials from 1982 to 2119: a number in this range in a date column is a date. */
const DATE_SERIAL_MIN = 30_000;
const DATE_SERIAL_MAX = 80_000;

const MONEY = /^\s*(?:[$€£]\s?-?\d|-?\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|dollars?)\b)|^\s*-?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?\s*$/i;
const DATE_TEXT =
  /^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\b/i;
/** Timescales people type for a due date: "Q3 2026", "30 days", "within 6 months", "ongoing". */
const TIMESCALE = /\b(?:q[1-4]|quarter|days?|weeks?|months?|years?|fy\s?\d{2,4}|ongoing|immediate(?:ly)?|asap|annual(?:ly)?|tbd)\b/i;
/** Identifiers: "SRA-2026-001", "R-12", "V_004", "CAP3.2". */
const ID_CODE = /^[A-Za-z]{0,8}[-_.]?\d[\d._-]*[A-Za-z]?$/;
/** "4 - Major", "3 (Moderate)", "High (4)". */
const RATING_WITH_NUMBER = /^\s*(?:\d{1,2}\s*[-–:(]\s*[a-z ]+\)?|[a-z ]+\(\s*\d{1,2}\s*\))\s*$/i;

/** The kind of one cell value; `null` and blank text are not samples. */
export function sampleKind(value: CellValue): SampleKind | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return 'other';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= 10) return 'rating';
    if (value >= DATE_SERIAL_MIN && value <= DATE_SERIAL_MAX) return 'date';
    return 'number';
  }
  const text = value.trim();
  if (text === '') return null;
  const lower = text.toLowerCase();
  if (RATING_WORDS.has(lower) || RATING_WITH_NUMBER.test(text)) return 'rating';
  if (/^\d{1,2}(?:\.\d+)?$/.test(text) && Number(text) <= 10) return 'rating';
  if (MONEY.test(text)) return 'money';
  if (DATE_TEXT.test(text)) return 'date';
  if (/^-?\d+(?:\.\d+)?%?$/.test(text)) return 'number';
  if (ID_CODE.test(text)) return 'code';
  if (/[a-z]{2,}/i.test(text)) return 'words';
  return 'other';
}

const KIND_WORDS: Record<SampleKind, string> = {
  rating: 'ratings',
  money: 'amounts of money',
  date: 'dates',
  number: 'numbers',
  code: 'IDs or codes',
  words: 'text',
  other: 'codes or symbols',
};

/** What each key role expects, and the kinds that show the column is the wrong one. */
const EXPECTATIONS: Partial<Record<Role, { expects: string; wrong: readonly SampleKind[] }>> = {
  risk: { expects: 'risk descriptions', wrong: ['rating', 'money', 'date', 'number', 'code'] },
  action: { expects: 'corrective actions', wrong: ['rating', 'money', 'date', 'number', 'code'] },
  owner: { expects: 'names or job titles', wrong: ['rating', 'money', 'date', 'number', 'code'] },
  dueDate: { expects: 'dates', wrong: ['rating', 'money', 'number', 'code'] },
  likelihood: { expects: 'ratings', wrong: ['money', 'date', 'number', 'code'] },
  impact: { expects: 'ratings', wrong: ['money', 'date', 'number', 'code'] },
};

/** Longest text a rating cell plausibly holds ("3 - Possible (could happen)"). */
const MAX_RATING_CHARS = 30;

export interface FitResult {
  fits: boolean;
  /** Why not, in words ("holds ratings, not risk descriptions"); null when it fits or cannot be judged. */
  problem: string | null;
}

/**
 * Judges a role's column from its sample values: it does not fit when most non-empty samples
 * are of a kind the role cannot hold. Too few samples (under two) are not judged.
 */
export function judgeFit(role: Role, samples: readonly CellValue[]): FitResult {
  const expectation = EXPECTATIONS[role];
  const kinds: SampleKind[] = [];
  for (const v of samples) {
    let kind = sampleKind(v);
    if (kind === null) continue;
    // A sentence in a rating column is not a rating; a due date typed as words may be a timescale.
    if ((role === 'likelihood' || role === 'impact') && kind === 'words' && String(v).trim().length > MAX_RATING_CHARS) kind = 'other';
    if (role === 'dueDate' && kind === 'words' && !TIMESCALE.test(String(v))) kind = 'other';
    kinds.push(kind);
  }
  if (!expectation || kinds.length < 2) return { fits: true, problem: null };
  const counts = new Map<SampleKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  let worst: SampleKind | null = null;
  for (const [kind, n] of counts) {
    const wrong =
      expectation.wrong.includes(kind) || (kind === 'other' && (role === 'dueDate' || role === 'likelihood' || role === 'impact'));
    if (wrong && n * 2 > kinds.length && (worst === null || n > (counts.get(worst) ?? 0))) worst = kind;
  }
  if (worst === null) return { fits: true, problem: null };
  const what = worst === 'other' && role === 'dueDate' ? 'text that is not a date' : worst === 'other' ? 'long text' : KIND_WORDS[worst];
  return { fits: false, problem: `holds ${what}, not ${expectation.expects}` };
}

/** A sample cell as the pane shows it: dates in a date column as YYYY-MM-DD, long text cut short. */
export function displaySample(value: CellValue, role: Role | null, maxChars = 40): string {
  if (value === null) return '';
  if (typeof value === 'number' && (role === 'dueDate' || role === 'completedDate' || role === 'verifiedDate' || role === 'reviewDate')) {
    if (value >= DATE_SERIAL_MIN && value <= DATE_SERIAL_MAX) return serialToIso(value);
  }
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text;
  // Cut at a word end when one is near, so "Shared login used at th…" reads "Shared login used at…".
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space >= maxChars / 2 ? cut.slice(0, space) : cut}…`;
}

/** An Excel serial (1900 date system) as YYYY-MM-DD. */
function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}
