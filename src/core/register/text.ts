/**
 * Text helpers shared by the register reader. Header and value words are compared
 * in one normalized form so every lookup table is written once, in lower case.
 */
import type { CellValue } from '../grid';

/** Lower case, "&" -> "and", punctuation -> spaces, single spaces: "Risk Owner (POC)" -> "risk owner poc". */
export function normalizeWords(text: string): string {
  let out = '';
  let space = false;
  const s = text.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = ch.charCodeAt(0);
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127;
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

const EXCEL_ERRORS = new Set([
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
