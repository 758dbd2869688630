/**
 * JSON with one big array, read and written in slices. After a plan of a 50,000-row register the
 * settings hold a snapshot of 50,000 risks (~8.6 MB of JSON): one JSON.parse or JSON.stringify of
 * it holds the pane's thread for 50 ms or more. Here the array's elements are parsed and written
 * ROWS_PER_SLICE at a time, and the result is exactly what one JSON.parse / JSON.stringify gives.
 *
 * Reading finds the array with a small scanner (strings, escapes, depth) that does not validate:
 * JSON.parse checks every piece, and when a piece fails, or the text does not have the expected
 * shape, the whole text goes through one plain JSON.parse, so a bad text fails exactly as before.
 */
import { ROWS_PER_SLICE, type Sliced } from './slices';

/** A path of object keys from the root value to the array, e.g. ['snapshot', 'risks']: the code's own keys, never workbook text. */
export type ArrayPath = readonly string[];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isJsonSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Index after the string whose opening quote is at `at`, or -1 when it never closes. */
function stringEnd(text: string, at: number): number {
  let close = text.indexOf('"', at + 1);
  for (;;) {
    if (close < 0) return -1;
    // A quote preceded by an odd number of backslashes is escaped.
    let slashes = 0;
    while (text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
}

/**
 * Index after the value that starts at `at` (not validated: JSON.parse does that), or -1 when the
 * text ends first. Stops at depth 0 on `,` `}` `]` (a number, true, false, null) or after a closing bracket.
 */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      if (depth === 0) return i;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === COMMA || isJsonSpace(c))) return i;
    i++;
  }
  return depth === 0 ? i : -1;
}

/** The key of an object member whose quote is at `at`, and where its value starts; null when malformed. */
function memberAt(text: string, at: number): { key: string; value: number } | null {
  const end = stringEnd(text, at);
  if (end < 0) return null;
  const raw = text.slice(at + 1, end - 1);
  let key = raw;
  if (raw.includes('\\')) {
    try {
      key = JSON.parse(text.slice(at, end)) as string;
    } catch {
      return null;
    }
  }
  const colon = skipSpace(text, end);
  if (text.charCodeAt(colon) !== COLON) return null;
  return { key, value: skipSpace(text, colon + 1) };
}

/**
 * Index of the `[` of the array at `path` in the object that opens at `at`, or -1 when the text
 * does not have that shape. With `whole`, the scan reads every member after it too and fails on a
 * second member with the same key on the path (JSON.parse keeps the last one; we keep to one);
 * without, it stops at the first match (the array itself is not scanned).
 */
function arrayIn(text: string, at: number, path: ArrayPath, whole: boolean): number {
  if (text.charCodeAt(at) !== OPEN_BRACE) return -1;
  let found = -1;
  let i = skipSpace(text, at + 1);
  if (text.charCodeAt(i) === CLOSE_BRACE) return -1;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const member = memberAt(text, i);
    if (!member) return -1;
    if (member.key === path[0]) {
      if (found >= 0) return -1;
      if (path.length === 1) found = text.charCodeAt(member.value) === OPEN_BRACKET ? member.value : -1;
      else found = arrayIn(text, member.value, path.slice(1), whole);
      if (found < 0 || !whole) return found;
    }
    const end = valueEnd(text, member.value);
    if (end < 0) return -1;
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) return found;
    if (c !== COMMA) return -1;
    i = skipSpace(text, i + 1);
  }
}

/**
 * Scans at most `count` elements of an array from `at` (just after its `[` or after a `,` between
 * two elements); returns the index of the `,` or `]` after the last one scanned, or -1 when malformed.
 */
function elementsEnd(text: string, at: number, count: number): number {
  let i = at;
  for (let n = 0; n < count; n++) {
    const end = valueEnd(text, skipSpace(text, i));
    if (end < 0) return -1;
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACKET) return i;
    if (c !== COMMA) return -1;
    if (n < count - 1) i++;
  }
  return i;
}

/** The array's elements parsed in slices, and the index of its `]`; null when a piece is not JSON. */
function* parseElements(text: string, open: number): Sliced<{ elements: unknown[]; close: number } | null> {
  const first = skipSpace(text, open + 1);
  if (text.charCodeAt(first) === CLOSE_BRACKET) return { elements: [], close: first };
  const elements: unknown[] = [];
  let from = open + 1;
  for (;;) {
    const cut = elementsEnd(text, from, ROWS_PER_SLICE);
    if (cut < 0) return null;
    const slice = parseSlice(text, from, cut);
    // Each slice holds at least one element, or joining them with commas would not be the same text.
    if (!slice || slice.length === 0) return null;
    for (const element of slice) elements.push(element);
    if (text.charCodeAt(cut) === CLOSE_BRACKET) return { elements, close: cut };
    from = cut + 1;
    yield;
  }
}

function parseSlice(text: string, from: number, to: number): unknown[] | null {
  try {
    return JSON.parse(`[${text.slice(from, to)}]`) as unknown[];
  } catch {
    return null;
  }
}

/**
 * JSON.parse(text), with the array at `path` (keys from the root object) parsed ROWS_PER_SLICE
 * elements at a time. Same value, same key order; throws where JSON.parse throws. Any other shape
 * (no such array, a key repeated on the path, a root that is not an object) is one JSON.parse.
 */
export function* parseJsonSliced(text: string, path: ArrayPath): Sliced<unknown> {
  const open = path.length ? arrayIn(text, skipSpace(text, 0), path, false) : -1;
  const array = open >= 0 ? yield* parseElements(text, open) : null;
  if (array) {
    // The rest of the document, with the array left empty: small, parsed at once.
    const rest = `${text.slice(0, open)}[]${text.slice(array.close + 1)}`;
    if (arrayIn(rest, skipSpace(rest, 0), path, true) === open) {
      try {
        const value = JSON.parse(rest) as unknown;
        setAt(value, path, array.elements);
        return value;
      } catch {
        // Not JSON after all: the plain parse below throws as it would have.
      }
    }
  }
  return JSON.parse(text) as unknown;
}

/** Replaces the value at `path` in a parsed document (the key exists there: arrayIn found it). */
function setAt(root: unknown, path: ArrayPath, value: unknown): void {
  let node = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

/**
 * JSON.stringify(value) for plain data (no toJSON, no undefined elements), with the array at `path`
 * written ROWS_PER_SLICE elements at a time and joined: byte for byte the same text. When `path`
 * does not lead to an array, one JSON.stringify.
 */
export function* stringifyJsonSliced(value: unknown, path: ArrayPath): Sliced<string> {
  const array = valueAt(value, path);
  if (!Array.isArray(array) || array.length <= ROWS_PER_SLICE) return JSON.stringify(value);
  const outline = JSON.stringify(withEmptyArray(value, path));
  const open = arrayIn(outline, 0, path, true);
  if (open < 0) return JSON.stringify(value);
  // Joined once at the end: one copy of the whole text, not one per slice.
  const parts: string[] = [outline.slice(0, open + 1)];
  for (let from = 0; from < array.length; from += ROWS_PER_SLICE) {
    if (from > 0) {
      yield;
      parts.push(',');
    }
    const slice = JSON.stringify(array.slice(from, from + ROWS_PER_SLICE));
    parts.push(slice.slice(1, -1));
  }
  parts.push(outline.slice(open + 1));
  return parts.join('');
}

function valueAt(root: unknown, path: ArrayPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A shallow copy of the objects on `path` with the array emptied; every key keeps its place. */
function withEmptyArray(node: unknown, path: ArrayPath): unknown {
  if (path.length === 0) return [];
  const copy = { ...(node as Record<string, unknown>) };
  copy[path[0]] = withEmptyArray(copy[path[0]], path.slice(1));
  return copy;
}
