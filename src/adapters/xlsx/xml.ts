/**
 * A small streaming XML tokenizer for the parts of a workbook: start tags with their raw
 * attribute text, text between tags (entities decoded) and end tags. Namespace prefixes are
 * dropped from element names ("x:c" is "c"), as some producers prefix the main namespace.
 * Text arrives in pieces (each inflated chunk); a tag cut by a chunk boundary waits for the next.
 * Hand-written rather than a SAX library: the sheet reader calls it for every cell, so it does
 * no work a worksheet does not need (no DTDs, no namespace tables), and it runs in a Web Worker.
 */

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

const NAMED_ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
});

/** Decodes XML entities (&amp; &#10; &#x1F;). */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Undoes the OOXML "_xHHHH_" escape of characters XML cannot hold ("_x000D_" is a carriage return). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * `text` as a string holding its own characters. V8 keeps a substring of 13 or more characters as
 * a view into the string it was cut from, so one formula or inline string kept from a 256 KB
 * piece of inflated XML keeps that whole piece alive: a grid with one such cell per row would
 * hold the sheet's entire XML. Shorter substrings are copies already. The concatenation is
 * flattened at once (charCodeAt), which copies the characters and lets the view go.
 */
export function ownString(text: string): string {
  if (text.length < 13) return text;
  const copy = text.slice(0, 1) + text.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/** The value of attribute `name` (its prefix ignored: "r:id" is "id") in a tag's raw attribute text, decoded; null when absent. */
export function attr(attrs: string, name: string): string | null {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && attrs.charCodeAt(i) <= 32) i++;
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return null;
    let nameEnd = eq;
    while (nameEnd > i && attrs.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) <= 32) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") return null;
    const end = attrs.indexOf(quote, q + 1);
    if (end < 0) return null;
    const colon = attrs.lastIndexOf(':', nameEnd - 1);
    const nameStart = colon >= i ? colon + 1 : i;
    if (nameEnd - nameStart === name.length && attrs.startsWith(name, nameStart)) return decodeEntities(attrs.slice(q + 1, end));
    i = end + 1;
  }
  return null;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Feeds text pieces to a handler; call `write` for each piece and `end` once. */
export class XmlScanner {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  write(piece: string): void {
    const text = this.carry === '' ? piece : this.carry + piece;
    const done = this.scan(text);
    this.carry = done < text.length ? text.slice(done) : '';
  }

  end(): void {
    if (this.carry.trim() !== '') throw new Error('The XML ends inside a tag.');
    this.carry = '';
  }

  /** Handles every complete token of `text`; returns how far it got. */
  private scan(text: string): number {
    const h = this.handler;
    let i = 0;
    const n = text.length;
    while (i < n) {
      const lt = text.indexOf('<', i);
      if (lt < 0) {
        // The text goes on in the next piece: hand over what is complete (all but a cut entity),
        // so a 50 MB cell is not copied again with every piece.
        let cut = n;
        const amp = text.lastIndexOf('&');
        if (amp >= i && text.indexOf(';', amp) < 0) cut = amp;
        if (cut > i && h.text) h.text(decodeEntities(text.slice(i, cut)));
        return cut;
      }
      if (lt > i && h.text) h.text(decodeEntities(text.slice(i, lt)));
      const next = text.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (text.startsWith('<!--', lt)) {
          const end = text.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          i = end + 3;
          continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
          const end = text.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (h.text) h.text(text.slice(lt + 9, end));
          i = end + 3;
          continue;
        }
        // <!DOCTYPE ...>: workbooks have none; skip it.
        const end = text.indexOf('>', lt);
        if (end < 0) return lt;
        i = end + 1;
        continue;
      }
      if (next === 63 /* ? */) {
        const end = text.indexOf('?>', lt);
        if (end < 0) return lt;
        i = end + 2;
        continue;
      }
      const gt = this.tagEnd(text, lt);
      if (gt < 0) return lt;
      if (next === 47 /* / */) {
        if (h.close) h.close(localName(text.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = text.charCodeAt(gt - 1) === 47;
        const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
        let sp = 0;
        while (sp < inner.length && inner.charCodeAt(sp) > 32) sp++;
        const name = localName(inner.slice(0, sp));
        h.open(name, sp < inner.length ? inner.slice(sp) : '', selfClosing);
        if (selfClosing && h.close) h.close(name);
      }
      i = gt + 1;
    }
    return n;
  }

  /** Where the next '"' and "'" of the text being scanned are, so each is searched for once, not per tag. */
  private quoteText = '';
  private nextQuote = -1;
  private nextApos = -1;

  /** Index of the ">" closing the tag at `lt` (quotes respected), or -1 if it is not complete yet. */
  private tagEnd(text: string, lt: number): number {
    const gt = text.indexOf('>', lt);
    if (gt < 0) return -1;
    if (this.quoteText !== text) {
      this.quoteText = text;
      this.nextQuote = -1;
      this.nextApos = -1;
    }
    if (this.nextQuote !== Infinity && this.nextQuote < lt) {
      const q = text.indexOf('"', lt);
      this.nextQuote = q < 0 ? Infinity : q;
    }
    if (this.nextApos !== Infinity && this.nextApos < lt) {
      const q = text.indexOf("'", lt);
      this.nextApos = q < 0 ? Infinity : q;
    }
    // Fast path: no quote before the ">" (attribute values with quotes end before it).
    if (this.nextQuote > gt && this.nextApos > gt) return gt;
    let quote = 0;
    for (let i = lt + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) return i;
    }
    return -1;
  }
}

/** Scans a whole document given as one string. */
export function scanXml(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.write(text);
  scanner.end();
}

/** Characters XML 1.0 cannot hold at all. */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Anything xmlText or cellText would change. */
const NEEDS_ESCAPE = /[<>&"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
/**
 * The same characters and "_" alone: a single character class, which V8 tests about twice as fast
 * as the alternation, run first on every cell; the full test follows only where it finds one.
 */
const MAY_NEED_ESCAPE = /[<>&"'_\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/** Text made safe for an XML element or attribute. */
export function xmlText(text: string): string {
  if (!MAY_NEED_ESCAPE.test(text) || !NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '').replace(/[<>&"']/g, (c) => XML_ESCAPES[c]);
}

const NEEDS_TEXT_ESCAPE = /[<>&\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const MAY_NEED_TEXT_ESCAPE = /[<>&_\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/**
 * Cell text for an <is><t> or <si><t> element: XML-escaped, and a literal "_x0041_" in the text
 * escaped as "_x005F_x0041_" so Excel does not read it as the character it would encode.
 */
export function cellText(text: string): string {
  // Element text: quotes need no escaping (the settings JSON is full of them).
  if (!MAY_NEED_TEXT_ESCAPE.test(text) || !NEEDS_TEXT_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(INVALID_XML_CHARS, '')
    .replace(/[<>&]/g, (c) => XML_ESCAPES[c]);
}
