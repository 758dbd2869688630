/**
 * Cell value parsing: rating scales, dates, owners, statuses.
 * Lookups over normalized words, not a regex per cell, so 50,000 rows stay fast.
 */
import type { CellValue } from '../grid';
import type { DateValue, ScaleInfo, ScaleValue, Status } from '../model';
import { serialToIso, isIsoDate, type IsoDate } from '../dates';
import { cellText, normalizeWords } from './text';
import { MEMO_LIMIT, remember } from '../memo';

/**
 * The memo of one read, passed down by the reader: a register repeats the same few words ("High",
 * "Open", "TBD"), ratings and dates thousands of times, so each distinct value is parsed once per read.
 * Values read through it are shared and frozen: a 50,000-row register would otherwise hold 300,000
 * small objects that say the same few things, and no reader can change one row's value through another.
 * Each map is bounded, so a column of unique values cannot grow it without limit. Without a memo
 * (a single cell parsed from a test or another module) every function simply computes.
 */
export class ValueMemo {
  readonly ratingWords = new Map<string, RatingWord | null>();
  readonly splits = new Map<string, { n: number | null; words: string }>();
  readonly dateTexts = new Map<string, { iso: IsoDate | null; kind: DateValue['kind'] }>();
  readonly dateOrders = new Map<string, DateOrder | null>();
  readonly ownerPlaceholders = new Map<string, boolean>();
  readonly statuses = new Map<string, Status | null>();
  readonly dates = new Map<CellValue, DateValue | null>();
  readonly ratingsWithoutScale = new Map<CellValue, ScaleValue | string | null>();
  /** Ratings by scale: the same cell reads differently on a 3-step and a 5-step column. */
  readonly ratingsByScale = new Map<ScaleInfo, Map<CellValue, ScaleValue | string | null>>();
  /**
   * Excel serial -> ISO date, indexed by day from MIN_SERIAL (an array lookup, cheaper than a Map's), so it
   * holds at most the 91,311 days of the range; made whole on first use (an array filled at scattered
   * indexes would fall back to a slow dictionary).
   */
  serials: (IsoDate | undefined)[] | null = null;
}

/** `compute(key)` through `cache` when there is one. */
function memoized<K, V>(cache: Map<K, V> | undefined, key: K, compute: (key: K) => V): V {
  return cache === undefined ? compute(key) : remember(cache, key, compute);
}

// ------------------------------------------------------------------ rating words

/** A rating word's step on a 5-step scale and, where it has one, on a 3-step scale. */
interface RatingWord {
  five: number;
  three: number | null;
  /** The label shown back to the user. */
  label: string;
  /** "Critical" is the top step of whatever scale the column uses. */
  top?: boolean;
}

/** Maps, not plain objects: "constructor" typed in a cell must find nothing. */
const RATING_WORD_LIST: readonly [names: string[], five: number, three: number | null, label: string, top?: boolean][] = [
  // Generic levels (NIST SP 800-30 style and H/M/L).
  [['very low', 'vl', 'very-low'], 1, null, 'Very Low'],
  [['low', 'l', 'lo'], 2, 1, 'Low'],
  [['medium', 'med', 'm', 'moderate', 'mod'], 3, 2, 'Medium'],
  [['high', 'h', 'hi'], 4, 3, 'High'],
  [['very high', 'vh', 'very-high', 'extreme'], 5, null, 'Very High'],
  [['critical', 'crit'], 5, null, 'Critical', true],
  // Likelihood words.
  [['rare', 'very unlikely', 'remote', 'improbable'], 1, null, 'Rare'],
  [['unlikely'], 2, null, 'Unlikely'],
  [['possible', 'occasional'], 3, null, 'Possible'],
  [['likely', 'probable'], 4, null, 'Likely'],
  [['almost certain', 'very likely', 'certain', 'frequent'], 5, null, 'Almost Certain'],
  // Impact words.
  [['negligible', 'insignificant', 'minimal'], 1, null, 'Negligible'],
  [['minor'], 2, null, 'Minor'],
  [['major', 'significant', 'serious'], 4, null, 'Major'],
  [['severe', 'catastrophic'], 5, null, 'Severe'],
  // The same steps in the registers' other languages (masculine, feminine and neuter forms alike).
  [
    [
      'muy bajo',
      'muy baja',
      'muito baixo',
      'muito baixa',
      'tres faible',
      'molto basso',
      'molto bassa',
      'sehr niedrig',
      'sehr gering',
      'zeer laag',
      'svaert lav',
      'очень низкий',
      'очень низкая',
      'очень низкое',
    ],
    1,
    null,
    'Very Low',
  ],
  [
    [
      'bajo',
      'baja',
      'baixo',
      'baixa',
      'faible',
      'bas',
      'basse',
      'basso',
      'bassa',
      'niedrig',
      'gering',
      'laag',
      'lav',
      'низкий',
      'низкая',
      'низкое',
      'green',
      'verde',
      'vert',
      'grun',
      'groen',
      'gronn',
      'зеленый',
      'зелёный',
    ],
    2,
    1,
    'Low',
  ],
  [
    [
      'medio',
      'media',
      'moderado',
      'moderada',
      'moyen',
      'moyenne',
      'modere',
      'moderato',
      'moderata',
      'mittel',
      'mittlere',
      'mittlerer',
      'gemiddeld',
      'middel',
      'matig',
      'middels',
      'moderat',
      'средний',
      'средняя',
      'среднее',
      'yellow',
      'amber',
      'amarillo',
      'amarelo',
      'jaune',
      'giallo',
      'gelb',
      'geel',
      'gul',
      'желтый',
      'жёлтый',
    ],
    3,
    2,
    'Medium',
  ],
  [
    [
      'alto',
      'alta',
      'eleve',
      'elevee',
      'haut',
      'haute',
      'hoch',
      'hohe',
      'hoher',
      'hoog',
      'hoy',
      'высокий',
      'высокая',
      'высокое',
      'red',
      'rojo',
      'vermelho',
      'rouge',
      'rosso',
      'rot',
      'rood',
      'rod',
      'красный',
    ],
    4,
    3,
    'High',
  ],
  [
    [
      'muy alto',
      'muy alta',
      'muito alto',
      'muito alta',
      'tres eleve',
      'tres elevee',
      'molto alto',
      'molto alta',
      'sehr hoch',
      'zeer hoog',
      'svaert hoy',
      'очень высокий',
      'очень высокая',
      'очень высокое',
    ],
    5,
    null,
    'Very High',
  ],
  [
    ['critico', 'critica', 'critique', 'kritisch', 'kritiek', 'kritisk', 'критический', 'критическая', 'критичный'],
    5,
    null,
    'Critical',
    true,
  ],
  [['raro', 'rara', 'improbable', 'improbavel', 'selten', 'zelden', 'sjelden', 'редко'], 1, null, 'Rare'],
  [['posible', 'possivel', 'possibile', 'moglich', 'mogelijk', 'mulig', 'возможно'], 3, null, 'Possible'],
  [['probable', 'provavel', 'probabile', 'wahrscheinlich', 'waarschijnlijk', 'sannsynlig', 'вероятно'], 4, null, 'Likely'],
  [['menor', 'mineur', 'minore', 'gering', 'klein'], 2, null, 'Minor'],
  [['mayor', 'grave', 'majeur', 'maggiore', 'erheblich', 'groot', 'alvorlig'], 4, null, 'Major'],
];
const RATING_WORDS: ReadonlyMap<string, RatingWord> = new Map(
  RATING_WORD_LIST.flatMap(([names, five, three, label, top = false]) =>
    names.map((n): [string, RatingWord] => [normalizeWords(n), { five, three, label, top }]),
  ),
);

/** Words that only exist on 5-step scales: seeing one means the column is a 5-step scale. */
function ratingWord(words: string, memo?: ValueMemo): RatingWord | null {
  return memoized(memo?.ratingWords, words, ratingWordOnce);
}
function ratingWordOnce(words: string): RatingWord | null {
  return RATING_WORDS.get(normalizeWords(words)) ?? null;
}

/** True for a rating word such as "High", "Very Low", "Likely", "4 - Major" (not for a bare number). */
export function isRatingText(text: string, memo?: ValueMemo): boolean {
  const { n, words } = splitNumberAndWords(text.trim(), memo);
  return words !== '' && ratingWord(words, memo) !== null && (n === null || n >= 0);
}

function isFiveOnly(w: RatingWord): boolean {
  return w.three === null && !w.top;
}

/** Splits "4 - Major", "High (4)", "3: Possible" into number and words (memoized). */
function splitNumberAndWords(text: string, memo?: ValueMemo): { n: number | null; words: string } {
  return memoized(memo?.splits, text, splitNumberAndWordsOnce);
}
function splitNumberAndWordsOnce(text: string): { n: number | null; words: string } {
  const m = /^(\d+(?:\.\d+)?)\s*[-–—:.)]?\s*(.*)$/.exec(text);
  if (m) return { n: Number(m[1]), words: m[2] };
  const t = /^(.*?)\s*[([]\s*(\d+(?:\.\d+)?)\s*[)\]]$/.exec(text);
  if (t) return { n: Number(t[2]), words: t[1] };
  return { n: null, words: text };
}

const RANGE_HINT = /(\d+)\s*(?:-|–|—|to)\s*(\d+)/;

/** A "(1-5)" or "1 to 10" in a header: the scale's top step, or null. */
export function scaleHintFromHeader(header: string): number | null {
  const m = RANGE_HINT.exec(header);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  if ((lo === 0 || lo === 1) && hi >= 2 && hi <= 100) return hi;
  return null;
}

const NUMERIC_STEPS = [3, 4, 5, 10, 25];

/**
 * Decides a rating column's scale from its header hint and its values.
 * Numbers: the header's "(1-N)" wins; else the smallest usual scale (3, 4, 5, 10, 25) holding the largest value.
 * Words: 5 steps when a 5-step-only word appears (Very High, Rare, Major...), else 3 (+1 when "Critical" tops it).
 */
export function detectScale(values: CellValue[], header: string): ScaleInfo | null {
  const tally = new ScaleTally();
  for (const v of values) tally.add(v);
  return tally.scale(header);
}

/**
 * What `detectScale` counts, one cell at a time: the reader feeds every rating column in one pass over
 * the rows (and can pause between slices) instead of copying each column into an array first.
 */
export class ScaleTally {
  constructor(private readonly memo?: ValueMemo) {}
  private maxNumber = 0;
  private numbers = 0;
  private words = 0;
  private fiveOnly = false;
  private critical = false;

  add(v: CellValue): void {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return;
      this.numbers++;
      if (v > this.maxNumber) this.maxNumber = v;
      return;
    }
    const t = cellText(v);
    if (t === null) return;
    const { n, words: rest } = splitNumberAndWords(t, this.memo);
    if (n !== null && Number.isFinite(n)) {
      this.numbers++;
      if (n > this.maxNumber) this.maxNumber = n;
      // "2 - Minor": the words tell the scale's length even when the numbers stay low.
      const labelled = rest ? ratingWord(rest, this.memo) : null;
      if (labelled && isFiveOnly(labelled)) this.fiveOnly = true;
      return;
    }
    const w = ratingWord(rest, this.memo);
    if (w) {
      this.words++;
      if (isFiveOnly(w)) this.fiveOnly = true;
      if (w.top) this.critical = true;
    }
  }

  /** The scale the cells seen so far (and the header's hint) point to; null when nothing tells. */
  scale(header: string): ScaleInfo | null {
    const hint = scaleHintFromHeader(header);
    const { maxNumber, numbers, words, fiveOnly, critical } = this;
    if (numbers === 0 && words === 0) {
      return hint ? { steps: hint, form: 'numeric', reason: `header says "1-${hint}"` } : null;
    }
    if (numbers >= words) {
      if (hint && maxNumber <= hint) return { steps: hint, form: 'numeric', reason: `header says "1-${hint}"` };
      const atLeast = fiveOnly ? 5 : 0;
      const steps = NUMERIC_STEPS.find((s) => maxNumber <= s && s >= atLeast) ?? Math.ceil(maxNumber);
      return { steps, form: 'numeric', reason: `largest value is ${maxNumber}, read as a 1-${steps} scale` };
    }
    if (fiveOnly) return { steps: 5, form: 'text', reason: 'words of a five-step scale (e.g. Very High, Rare, Major)' };
    if (critical) return { steps: 4, form: 'text', reason: 'Low / Medium / High with Critical as the top step' };
    return { steps: 3, form: 'text', reason: 'Low / Medium / High words' };
  }
}

/**
 * One rating cell on its column's scale; null when blank. `error` says why a non-blank cell could not be read.
 */
export function parseRating(v: CellValue, scale: ScaleInfo | null): { value: ScaleValue | null; error: string | null } {
  const r = readRating(v, scale);
  return typeof r === 'string' ? { value: null, error: r } : { value: r, error: null };
}

/**
 * `parseRating` without the wrapper object (the row reader calls it for every rating cell):
 * the value, null when there is none, or a string saying why the cell could not be read.
 * Equal cells on one scale give the same (frozen) object.
 */
export function readRating(v: CellValue, scale: ScaleInfo | null, memo?: ValueMemo): ScaleValue | string | null {
  if (memo === undefined) return frozen(readRatingOnce(v, scale));
  let cache = memo.ratingsWithoutScale;
  if (scale) {
    const known = memo.ratingsByScale.get(scale);
    if (known) cache = known;
    else memo.ratingsByScale.set(scale, (cache = new Map()));
  }
  // Looked up here rather than through `memoized` with a closure: this runs for every rating cell.
  const known = cache.get(v);
  if (known !== undefined || cache.has(v)) return known as ScaleValue | string | null;
  const value = frozen(readRatingOnce(v, scale, memo));
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(v, value);
  return value;
}

function frozen<V>(value: V): V {
  if (value !== null && typeof value === 'object') Object.freeze(value);
  return value;
}

function readRatingOnce(v: CellValue, scale: ScaleInfo | null, memo?: ValueMemo): ScaleValue | string | null {
  if (typeof v === 'number') return numericRating(v, v, '', null, scale);
  const t = cellText(v);
  if (t === null) return null;
  const { n, words: rest } = splitNumberAndWords(t, memo);
  const wordHit = rest ? ratingWord(rest, memo) : null;
  if (n !== null) return numericRating(v, n, rest, wordHit, scale);
  if (!wordHit) return `"${t}" is not a rating this column uses (expected e.g. Low / Medium / High or a number)`;
  const steps = scale && scale.form === 'text' ? scale.steps : wordHit.three !== null ? 3 : 5;
  let ordinal: number;
  if (wordHit.top) ordinal = steps;
  else if (steps === 5 || wordHit.three === null) ordinal = Math.min(wordHit.five, steps);
  else ordinal = wordHit.three;
  return { raw: v, ordinal, steps, label: wordHit.label };
}

function numericRating(
  raw: CellValue,
  n: number,
  rest: string,
  wordHit: RatingWord | null,
  scale: ScaleInfo | null,
): ScaleValue | string | null {
  if (!Number.isFinite(n)) return null;
  const steps = scale?.form === 'numeric' ? scale.steps : Math.max(5, Math.ceil(n));
  if (n < 1 || n > steps) return `${n} is outside the 1-${steps} scale of this column`;
  const ordinal = Math.max(1, Math.round(n));
  return { raw, ordinal, steps, label: wordHit ? wordHit.label : rest.trim() || null };
}

// ------------------------------------------------------------------ dates

/** Month names and abbreviations (accents folded), in the registers' languages; a Map, so no cell text finds Object's keys. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'jan january enero ene janeiro janvier gennaio gen januar januari январь января'],
      [2, 'feb february febrero fevereiro fev fevrier fevr febbraio februar februari февраль февраля'],
      [3, 'mar march marzo marco mars marz maart март марта'],
      [4, 'apr april abril abr avril avr aprile апрель апреля'],
      [5, 'may mayo maio mai maggio mag mei май мая'],
      [6, 'jun june junio junho juin giugno giu juni июнь июня'],
      [7, 'jul july julio julho juillet juil luglio lug juli июль июля'],
      [8, 'aug august agosto ago aout augustus август августа'],
      [9, 'sep sept september septiembre setiembre setembro set septembre settembre sett сентябрь сентября'],
      [10, 'oct october octubre outubro out octobre ottobre ott oktober okt октябрь октября'],
      [11, 'nov november noviembre novembro novembre ноябрь ноября'],
      [12, 'dec december diciembre dic dezembro dez decembre dicembre dezember desember des декабрь декабря'],
    ] as [number, string][]
  ).flatMap(([n, names]) => names.split(' ').map((name): [string, number] => [name, n])),
);

/** Placeholders that mean "no date yet". */
const DATE_PLACEHOLDERS: ReadonlySet<string> = new Set(['tbd', 'tba', 'n a', 'na', 'none', 'unknown', 'pending', 'to be determined']);

const RELATIVE_WORDS = [
  'asap',
  'ongoing',
  'immediate',
  'immediately',
  'continuous',
  'continual',
  'annual',
  'annually',
  'quarterly',
  'monthly',
  'weekly',
  'as needed',
  'next quarter',
  'next year',
  'this year',
  'this quarter',
  'next month',
  'short term',
  'medium term',
  'long term',
  'in progress',
  'q1',
  'q2',
  'q3',
  'q4',
  'h1',
  'h2',
  'fy',
];
const RELATIVE_UNITS = /\b(day|days|week|weeks|month|months|year|years|quarter|quarters|qtr)\b/;

function ymd(y: number, m: number, d: number): IsoDate | null {
  if (y < 100) y += 2000;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Serial numbers Excel can display as dates between 1950 and 2200. */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 109574;

/**
 * A date cell: Excel serials, ISO text, m/d/yyyy, d/m/yyyy when the day exceeds 12, "Jan 5, 2026",
 * "5 January 2026". A slash date readable both ways is `ambiguous` (never guessed); timescales like
 * "1-6 months", "Q3 2026", "ASAP" are `relative`.
 */
export function parseDate(v: CellValue, memo?: ValueMemo): DateValue | null {
  if (memo === undefined) return frozen(parseDateOnce(v));
  let value = memo.dates.get(v);
  if (value === undefined && !memo.dates.has(v)) {
    value = frozen(parseDateOnce(v, memo));
    if (memo.dates.size >= MEMO_LIMIT) memo.dates.clear();
    memo.dates.set(v, value);
  }
  return value as DateValue | null;
}

function parseDateOnce(v: CellValue, memo?: ValueMemo): DateValue | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    if (v >= MIN_SERIAL && v <= MAX_SERIAL) {
      const iso = serialIso(v, memo);
      return { raw: v, text: iso, iso, kind: 'date' };
    }
    return { raw: v, text: String(v), iso: null, kind: 'invalid' };
  }
  const text = cellText(v);
  if (text === null) return null;
  if (typeof v === 'boolean') return { raw: v, text, iso: null, kind: 'invalid' };
  const { iso, kind } = memoized(memo?.dateTexts, text, parseDateTextOnce);
  return { raw: v, text, iso, kind };
}

function parseDateTextOnce(text: string): { iso: IsoDate | null; kind: DateValue['kind'] } {
  const s = text.toLowerCase();
  // ISO, optionally with a time: 2026-01-05 or 2026-01-05T00:00:00.
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$/.exec(s);
  if (m) {
    const iso = ymd(+m[1], +m[2], +m[3]);
    return { iso, kind: iso ? 'date' : 'invalid' };
  }
  // 03/04/2026, 3-4-26, 13.04.2026
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const y = +m[3];
    if (a > 12 && b <= 12) return withIso(ymd(y, b, a));
    if (b > 12 && a <= 12) return withIso(ymd(y, a, b));
    if (a === b) return withIso(ymd(y, a, b));
    // 03.04.2026: dots are the day-first writing (German, Dutch, Norwegian, Russian); no month-first locale uses them.
    if (a <= 12 && b <= 12 && s.includes('.')) return withIso(ymd(y, b, a));
    if (a <= 12 && b <= 12) return { iso: null, kind: 'ambiguous' };
    return { iso: null, kind: 'invalid' };
  }
  // Jan 5, 2026 / January 5th 2026 / 5 January 2026 / 5-Jan-2026 / Jan-5-2026
  m = /^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/.exec(s);
  if (m && MONTHS.has(m[1])) return withIso(ymd(+m[3], MONTHS.get(m[1])!, +m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/.exec(s);
  if (m && MONTHS.has(m[2])) return withIso(ymd(+m[3], MONTHS.get(m[2])!, +m[1]));
  const words = normalizeWords(s);
  // "15 de marzo de 2026", "15. März 2026", "1er avril 2026", "15 марта 2026": day, month name, year.
  const parts = words
    .split(' ')
    .filter((w) => w !== 'de' && w !== 'del' && w !== 'di' && w !== 'do' && w !== 'da' && w !== 'er' && w !== 'г');
  const day = parts.length === 3 ? /^(\d{1,2})(?:er|st|nd|rd|th|o)?$/.exec(parts[0]) : null;
  if (day && MONTHS.has(parts[1]) && /^\d{4}$/.test(parts[2])) return withIso(ymd(+parts[2], MONTHS.get(parts[1])!, +day[1]));
  if (DATE_PLACEHOLDERS.has(words) || words === '') return { iso: null, kind: 'invalid' };
  if (isRelative(words)) return { iso: null, kind: 'relative' };
  return { iso: null, kind: 'invalid' };
}

export type DateOrder = 'day-first' | 'month-first';

/** What a slash date says about its column's order: "13/04/2026" is day-first, "1/15/2026" month-first. */
export function dateOrderOf(text: string, memo?: ValueMemo): DateOrder | null {
  return memoized(memo?.dateOrders, text, dateOrderOnce);
}

function dateOrderOnce(text: string): DateOrder | null {
  const m = /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const a = +m[1];
  const b = +m[2];
  if (a > 12 && b <= 12) return 'day-first';
  if (b > 12 && a <= 12) return 'month-first';
  return null;
}

/**
 * An ambiguous slash date read in the order the rest of its column shows (a column where "28/02/2026"
 * appears writes "03/04/2026" day-first); null when the text is not such a date.
 */
export function resolveDate(text: string, order: DateOrder): IsoDate | null {
  const m = /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  return order === 'day-first' ? ymd(+m[3], +m[2], +m[1]) : ymd(+m[3], +m[1], +m[2]);
}

/** Registers repeat the same few hundred dates; converting each once per read keeps big sheets fast. */
function serialIso(serial: number, memo?: ValueMemo): IsoDate {
  const day = Math.floor(serial);
  if (memo === undefined) return serialToIso(day);
  const serials = (memo.serials ??= new Array<IsoDate | undefined>(MAX_SERIAL - MIN_SERIAL + 1));
  let iso = serials[day - MIN_SERIAL];
  if (iso === undefined) {
    iso = serialToIso(day);
    serials[day - MIN_SERIAL] = iso;
  }
  return iso;
}

function withIso(iso: IsoDate | null): { iso: IsoDate | null; kind: DateValue['kind'] } {
  return { iso, kind: iso ? 'date' : 'invalid' };
}

function isRelative(words: string): boolean {
  const padded = ` ${words} `;
  if (RELATIVE_WORDS.some((w) => padded.includes(` ${w} `))) return true;
  if (/^q[1-4]\s?\d{2,4}$/.test(words.replace(/\s/g, ''))) return true;
  if (RELATIVE_UNITS.test(words) && /\d|next|within|few|several/.test(words)) return true;
  // "Jan 2026", "March 2027": a month, not a day.
  const parts = words.split(' ');
  return parts.length === 2 && MONTHS.has(parts[0]) && /^\d{4}$/.test(parts[1]);
}

/** True when the date placeholder means "not set" (TBD, N/A...), so no issue is needed beyond the gap itself. */
export function isDatePlaceholder(d: DateValue): boolean {
  return d.kind === 'invalid' && DATE_PLACEHOLDERS.has(normalizeWords(d.text));
}

// ------------------------------------------------------------------ owners

const OWNER_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'tbd',
  'tba',
  'tbc',
  'n a',
  'na',
  'none',
  'unassigned',
  'not assigned',
  'nobody',
  'no one',
  'unknown',
  'to be determined',
  'to be assigned',
  'pending',
  'vacant',
  'nil',
  'null',
]);

/** Owner text: null owner when blank or a placeholder ("TBD", "N/A", "?", "-"), the typed text kept. */
export function parseOwner(v: CellValue): { owner: string | null; ownerText: string | null } {
  const text = cellText(v);
  if (text === null) return { owner: null, ownerText: null };
  return { owner: isOwnerPlaceholder(text) ? null : text, ownerText: text };
}

/** True for owner text that names nobody ("TBD", "N/A", "?", "-"); `text` is already trimmed and non-blank. */
export function isOwnerPlaceholder(text: string, memo?: ValueMemo): boolean {
  return memoized(memo?.ownerPlaceholders, text, isOwnerPlaceholderOnce);
}

function isOwnerPlaceholderOnce(text: string): boolean {
  const words = normalizeWords(text);
  return words === '' || OWNER_PLACEHOLDERS.has(words);
}

// ------------------------------------------------------------------ statuses

const STATUS_LIST: readonly [status: Status, names: string[]][] = [
  [
    'Complete',
    [
      'complete',
      'completed',
      'done',
      'closed',
      'resolved',
      'implemented',
      'finished',
      'fixed',
      'remediated',
      'closed verified',
      'completed verified',
      'verified',
      'cleared',
    ],
  ],
  ['Mitigated', ['mitigated', 'risk mitigated', 'treated', 'controlled']],
  [
    'In Progress',
    [
      'in progress',
      'wip',
      'ongoing',
      'on going',
      'underway',
      'under way',
      'started',
      'in process',
      'partially complete',
      'partially completed',
      'partial',
      'partially implemented',
      'in review',
      'under review',
      'monitoring',
      'being implemented',
      'work in progress',
      'active',
    ],
  ],
  [
    'Open',
    [
      'open',
      'new',
      'identified',
      'reopened',
      're opened',
      'outstanding',
      'overdue',
      'past due',
      'late',
      'behind schedule',
      'not complete',
      'incomplete',
    ],
  ],
  ['Not Started', ['not started', 'to do', 'todo', 'not begun', 'not yet started', 'pending']],
  ['Planned', ['planned', 'scheduled', 'approved']],
  ['Accepted', ['accepted', 'risk accepted', 'accept']],
  ['Transferred', ['transferred', 'risk transferred', 'transfer', 'insured']],
  ['Deferred', ['deferred', 'on hold', 'postponed', 'paused', 'delayed']],
  // Tracker words, and the same statuses in the registers' other languages.
  [
    'In Progress',
    [
      'in remediation',
      'remediating',
      'remediation in progress',
      'en progreso',
      'en curso',
      'en proceso',
      'em andamento',
      'em curso',
      'en cours',
      'in corso',
      'in bearbeitung',
      'in arbeit',
      'laufend',
      'in uitvoering',
      'lopend',
      'pagaende',
      'under arbeid',
      'в работе',
      'в процессе',
    ],
  ],
  [
    'Open',
    [
      'abierto',
      'abierta',
      'pendiente',
      'aberto',
      'aberta',
      'pendente',
      'ouvert',
      'ouverte',
      'en attente',
      'aperto',
      'aperta',
      'offen',
      'apen',
      'открыт',
      'открыта',
      'открыто',
      'vencido',
      'atrasado',
      'en retard',
      'in ritardo',
      'uberfallig',
      'achterstallig',
      'forfalt',
      'просрочен',
    ],
  ],
  [
    'Complete',
    [
      'cerrado',
      'cerrada',
      'completado',
      'completada',
      'terminado',
      'fechado',
      'concluido',
      'concluida',
      'ferme',
      'fermee',
      'termine',
      'terminee',
      'chiuso',
      'chiusa',
      'completato',
      'completata',
      'geschlossen',
      'erledigt',
      'abgeschlossen',
      'gesloten',
      'afgerond',
      'voltooid',
      'lukket',
      'fullfort',
      'закрыт',
      'закрыта',
      'закрыто',
      'выполнено',
    ],
  ],
  ['Planned', ['proposed', 'planificado', 'planejado', 'planifie', 'pianificato', 'geplant', 'gepland', 'planlagt', 'запланировано']],
  [
    'Not Started',
    ['no iniciado', 'nao iniciado', 'non commence', 'non iniziato', 'nicht begonnen', 'niet gestart', 'ikke startet', 'не начато'],
  ],
  ['Accepted', ['aceptado', 'riesgo aceptado', 'aceito', 'accepte', 'accettato', 'akzeptiert', 'geaccepteerd', 'akseptert', 'принят']],
];
const STATUS_WORDS: ReadonlyMap<string, Status> = new Map(
  STATUS_LIST.flatMap(([status, names]) => names.map((n): [string, Status] => [normalizeWords(n), status])),
);

/** True for a status word or phrase we know ("Open", "In Remediation", "Pendiente "). */
export function isStatusText(text: string, memo?: ValueMemo): boolean {
  return statusOf(text.trim(), memo) !== null;
}

/** Treatment decisions in the registers' languages: a column of these is the strategy, not the action. */
const STRATEGY_WORDS: ReadonlySet<string> = new Set([
  'mitigate',
  'mitigation',
  'accept',
  'acceptance',
  'transfer',
  'avoid',
  'avoidance',
  'reduce',
  'share',
  'retain',
  'treat',
  'tolerate',
  'terminate',
  'exploit',
  'enhance',
  'contingency',
  'mitigated',
  'accepted',
  'transferred',
  'avoided',
  'reduced',
  'mitigar',
  'aceptar',
  'asumir',
  'transferir',
  'evitar',
  'reducir',
  'ignorar',
  'contingencia',
  'prevenir',
  'aceitar',
  'eliminar',
  'explotar',
  'mejorar',
  'attenuer',
  'accepter',
  'transferer',
  'eviter',
  'reduire',
  'mitigare',
  'accettare',
  'trasferire',
  'evitare',
  'ridurre',
  'reduzieren',
  'reduzierung',
  'vermeiden',
  'vermeidung',
  'akzeptieren',
  'akzeptanz',
  'ubertragen',
  'ubertragung',
  'ergreifen',
  'steigern',
  'verminderung',
  'verminderen',
  'accepteren',
  'overdragen',
  'vermijden',
  'redusere',
  'akseptere',
  'overfore',
  'unnga',
  'смягчение',
  'принятие',
  'перенос',
  'уклонение',
  'предотвращение',
  'предотвращени',
  'избегание',
  'передача',
]);

/** True for a bare treatment decision ("Mitigate", "Mitigar ", "Akzeptieren/Übertragen"). */
export function isStrategyText(text: string): boolean {
  const words = normalizeWords(text)
    .split(' ')
    .filter((w) => w !== 'and' && w !== 'or' && w !== 'y' && w !== 'e' && w !== 'und' && w !== 'the' && w !== 'risk');
  return words.length > 0 && words.length <= 3 && words.every((w) => STRATEGY_WORDS.has(w));
}

/** A status word -> one of STATUSES; null (and the caller reports it) for a word we do not know. */
export function parseStatus(v: CellValue): { status: Status | null; statusText: string | null } {
  const text = cellText(v);
  if (text === null) return { status: null, statusText: null };
  return { status: statusOf(text), statusText: text };
}

/** The status a typed (trimmed, non-blank) status text means; null for a word we do not know. */
export function statusOf(text: string, memo?: ValueMemo): Status | null {
  return memoized(memo?.statuses, text, statusOfOnce);
}

function statusOfOnce(text: string): Status | null {
  const words = normalizeWords(text);
  const s = STATUS_WORDS.get(words);
  if (s) return s;
  // Progress trackers type a percentage: 0% not started, 100% complete, anything between in progress.
  const pct = /^(\d{1,3})\s*%$/.exec(text.trim());
  if (pct) return Number(pct[1]) >= 100 ? 'Complete' : Number(pct[1]) === 0 ? 'Not Started' : 'In Progress';
  // "Closed - verified 3/2", "In progress (50%)": try the words before the first separator.
  const head = STATUS_WORDS.get(normalizeWords(text.split(/[-–—(:;,/]/)[0] ?? ''));
  if (head) return head;
  // "Completed 1/5/2026", "Open pending vendor": the longest leading phrase we know.
  const list = words.split(' ');
  for (let n = Math.min(3, list.length - 1); n >= 1; n--) {
    const hit = STATUS_WORDS.get(list.slice(0, n).join(' '));
    if (hit) return hit;
  }
  return null;
}
