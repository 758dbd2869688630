/**
 * A minimal, strict XML reader for checking manifest.xml offline. It keeps what the checks need (element
 * names with their prefix, attributes, text, order) and rejects what would make Office refuse the file:
 * mismatched or unclosed tags, duplicate attributes, unquoted values, a raw "<" or "&" in text.
 * Not supported, on purpose: DTDs and custom entities (a manifest has neither).
 */

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image" or "OfficeApp". */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element, entities decoded. */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isNameChar(ch: string): boolean {
  return /[A-Za-z0-9_.:-]/.test(ch);
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;

  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, line);
  };
  const advance = (count: number) => {
    for (let i = 0; i < count; i++) if (source[pos + i] === '\n') line++;
    pos += count;
  };
  const startsWithAt = (text: string) => source.startsWith(text, pos);
  const skipPast = (terminator: string, what: string) => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    advance(end + terminator.length - pos);
  };
  const skipWhitespace = () => {
    while (pos < source.length && ' \t\r\n'.includes(source[pos])) advance(1);
  };
  const readName = (): string => {
    const start = pos;
    while (pos < source.length && isNameChar(source[pos])) pos++;
    if (pos === start) fail(`expected a name, found "${source[pos] ?? 'end of file'}"`);
    return source.slice(start, pos);
  };
  const decode = (raw: string): string =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (match, entity: string | undefined) => {
      if (!entity) return fail('a raw "&" must be written as &amp;');
      if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
      const named = NAMED_ENTITIES[entity];
      return named ?? fail(`unknown entity &${entity};`);
    });

  /** Comments, processing instructions and whitespace between elements. */
  const skipMisc = (allowDoctype: boolean) => {
    for (;;) {
      skipWhitespace();
      if (startsWithAt('<!--')) {
        advance(4);
        const end = source.indexOf('-->', pos);
        if (end < 0) fail('unterminated comment');
        if (source.slice(pos, end).includes('--')) fail('"--" is not allowed inside a comment');
        advance(end + 3 - pos);
      } else if (startsWithAt('<?')) {
        skipPast('?>', 'processing instruction');
      } else if (allowDoctype && startsWithAt('<!DOCTYPE')) {
        fail('a DOCTYPE is not expected in a manifest');
      } else {
        return;
      }
    }
  };

  const readElement = (): XmlElement => {
    if (!startsWithAt('<')) fail('expected "<"');
    const element: XmlElement = { name: '', attributes: {}, children: [], text: '', line };
    advance(1);
    element.name = readName();
    for (;;) {
      const before = pos;
      skipWhitespace();
      if (startsWithAt('/>')) {
        advance(2);
        return element;
      }
      if (startsWithAt('>')) {
        advance(1);
        break;
      }
      if (pos === before) fail(`expected whitespace before an attribute in <${element.name}>`);
      const attribute = readName();
      skipWhitespace();
      if (source[pos] !== '=') fail(`attribute ${attribute} has no value`);
      advance(1);
      skipWhitespace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`the value of ${attribute} must be quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`unterminated value of ${attribute}`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" is not allowed in the value of ${attribute}`);
      if (attribute in element.attributes) fail(`duplicate attribute ${attribute} on <${element.name}>`);
      element.attributes[attribute] = decode(raw);
      advance(end + 1 - pos);
    }
    // Content: text, children, comments, CDATA, until the matching end tag.
    for (;;) {
      if (pos >= source.length) fail(`<${element.name}> is never closed`);
      if (startsWithAt('</')) {
        advance(2);
        const closing = readName();
        if (closing !== element.name) fail(`</${closing}> closes <${element.name}>`);
        skipWhitespace();
        if (source[pos] !== '>') fail(`expected ">" after </${closing}`);
        advance(1);
        return element;
      }
      if (startsWithAt('<!--') || startsWithAt('<?')) {
        skipMisc(false);
        continue;
      }
      if (startsWithAt('<![CDATA[')) {
        advance(9);
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('unterminated CDATA section');
        element.text += source.slice(pos, end);
        advance(end + 3 - pos);
        continue;
      }
      if (startsWithAt('<')) {
        element.children.push(readElement());
        continue;
      }
      const next = source.indexOf('<', pos);
      const end = next < 0 ? source.length : next;
      element.text += decode(source.slice(pos, end));
      advance(end - pos);
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1; // byte order mark
  skipMisc(true);
  if (pos >= source.length) fail('the document has no root element');
  const root = readElement();
  skipMisc(false);
  if (pos < source.length) fail('content after the root element');
  return root;
}

/** The local part of a qualified name: "bt:Image" -> "Image". */
export function localName(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

/** Direct children with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => localName(child) === name);
}

/** The first direct child with this local name, if any. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return childrenNamed(element, name)[0];
}

/** Every element below (and including) this one, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  const all: XmlElement[] = [element];
  for (const child of element.children) all.push(...descendants(child));
  return all;
}
