/**
 * Text helpers shared by the register reader. Header and value words are compared
 * in one normalized form so every lookup table is written once, in lower case.
 */
import type { CellValue } from '../grid';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters NFD does not split into base + mark, spelled the way a header is searched for. */
const FOLDED: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ı', 'i'],
  ['º', 'o'],
  ['°', 'o'],
  ['№', 'no'],
]);

/** "Fällig", "Acción", "Sårbarhet" -> "fallig", "accion", "sarbarhet": accents never decide a match. */
function foldAccents(lower: string): string {
  const split = lower.normalize('NFD');
  let plain = '';
  for (let i = 0; i < split.length; i++) {
    const ch = split[i];
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    plain += FOLDED.get(ch) ?? ch;
  }
  return plain;
}

/**
 * Lower case, accents folded, "&" -> "and", punctuation, line breaks and padding -> single spaces:
 * "Risk Owner (POC)" -> "risk owner poc", "Fecha límite " -> "fecha limite".
 */
export function normalizeWords(text: string): string {
  let out = '';
  let space = false;
  let s = text.toLowerCase();
  // Plain ASCII (most headers and values) skips the fold.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      s = foldAccents(s);
      break;
    }
  }
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = ch.charCodeAt(0);
    // Beyond ASCII only letters and digits count: a dash or a box-drawing rule is punctuation.
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && LETTER_OR_DIGIT.test(ch));
    if (alnum) {
      if (space && out.length > 0) out += ' ';
      out += ch;
      space = false;
    } else if (ch === '&') {
      if (out.length > 0) out += ' ';
      out += 'and';
      space = true;
    } else if (ch === '#') {
      // "#" alone is a common ID header; keep it as a word.
      if (out.length > 0) out += ' ';
      out += '#';
      space = true;
    } else {
      space = true;
    }
  }
  return out;
}

/** The cell as trimmed text, or null when blank. Numbers keep their plain form ("12"). */
export function cellText(v: CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  return v ? 'TRUE' : 'FALSE';
}

const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** True for Excel error values as Office.js and ExcelJS report them ("#REF!", "#N/A"...). */
export function isErrorValue(v: CellValue): v is string {
  // charCodeAt: checked for every cell of the sheet, so no one-character string per call. 35 is "#".
  return typeof v === 'string' && v.length > 1 && v.charCodeAt(0) === 35 && EXCEL_ERRORS.has(v.trim().toUpperCase());
}

/** Shortens user text for a message: first 40 characters, quoted. */
export function quoteShort(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > 40 ? one.slice(0, 37) + '...' : one}"`;
}
