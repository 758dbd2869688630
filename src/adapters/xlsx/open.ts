/**
 * Opens workbook bytes as a package: the zip's directory, the workbook and its relationships,
 * styles and shared strings, and sheets read on demand. Failures become a WorkbookOpenError whose
 * message a practice manager can act on. We sniff the bytes first because a zip library's own
 * errors ("Can't find end of central directory") mean nothing to a user.
 */
import { InflateBudget, inflateEntry, inflateToBytes, readZipEntries, BudgetExceededError, ZipFormatError, type ZipEntry } from './zip';
import { defaultCodec, type ZipCodec } from './codec';
import { isOfficeDocument, parseRelationships, parseWorkbookXml, relKind, relsPartOf, type Relationship, type SheetEntry } from './package';
import { readDateStyles } from './styles';
import { GridTooLargeError, SheetReader, type ParsedSheet } from './sheetReader';
import { attr, decodeOoxmlEscapes, ownString, XmlScanner } from './xml';

/** A file we cannot open as an .xlsx workbook; `message` is a plain-words sentence. */
export class WorkbookOpenError extends Error {
  constructor(
    message: string,
    /** Why, for callers that branch on it. */
    readonly reason: 'not-a-workbook' | 'encrypted' | 'old-xls' | 'corrupt' | 'too-large',
  ) {
    super(message);
    this.name = 'WorkbookOpenError';
  }
}

export const OPEN_MESSAGES = {
  'not-a-workbook': 'This file is not an Excel workbook (.xlsx).',
  encrypted: 'This workbook is password-protected; remove the password in Excel and try again.',
  'old-xls': 'This is an old .xls workbook; save it as .xlsx in Excel.',
  corrupt: 'This workbook is damaged or incomplete and cannot be read; open it in Excel, save it again and retry.',
  'too-large':
    'This workbook is too large to read: its sheets hold over 160 MB of cell data (about three million filled cells), far more than a risk register. Delete unused rows or move the register to its own workbook, and try again.',
} as const;

/**
 * Inflated bytes the reader accepts from one file, counted as they really come out of every part
 * it reads (never the sizes the zip declares): the sheets, shared strings, styles and the rest.
 */
export const MAX_READ_BYTES = 160 * 1024 * 1024;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** CFB directory entries store names in UTF-16LE, so search for that spelling. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function openError(reason: WorkbookOpenError['reason']): WorkbookOpenError {
  return new WorkbookOpenError(OPEN_MESSAGES[reason], reason);
}

/** Any failure while reading -> the WorkbookOpenError a user sees. */
export function asOpenError(error: unknown): unknown {
  if (error instanceof WorkbookOpenError) return error;
  if (error instanceof BudgetExceededError || error instanceof GridTooLargeError) return openError('too-large');
  if (error instanceof ZipFormatError || error instanceof Error) return openError('corrupt');
  return error;
}

/** A worksheet of the file, as the workbook lists it. */
export interface FileSheet extends SheetEntry {
  /** The worksheet part, or null when the relationship leads nowhere (a chart sheet, a dialog sheet). */
  part: string | null;
}

const utf8 = new TextDecoder('utf-8');
/**
 * Inflated text goes to the parsers in pieces of at most this many bytes. A string of a whole
 * 256 KB inflated chunk (and its joining with the last piece's tail) lands in V8's large-object
 * space, a page mapped and unmapped per string; small pieces are plain young strings. Measured on
 * a 200,000-row sheet: the same parse, with less system time and about 10 MB less RSS.
 */
const TEXT_PIECE_BYTES = 32 * 1024;

/** The opened file: its parts, and the reading of them. Nothing here changes the file. */
export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private sharedStrings: string[] | null = null;
  /** Parts inflated whole already (and charged to the budget). */
  private readonly streamed = new Set<string>();
  private dateStyles: boolean[] | null = null;

  private constructor(
    readonly entries: ZipEntry[],
    readonly codec: ZipCodec,
    private readonly budget: InflateBudget,
  ) {
    for (const e of entries) {
      const key = e.name.toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, e);
    }
  }

  workbookPart = '';
  workbookXml = '';
  workbookRels: Relationship[] = [];
  sheets: FileSheet[] = [];
  date1904 = false;
  /** The workbook's content type is the macro-enabled one (an .xlsm): it must be saved under that extension. */
  macroEnabled = false;

  static async open(data: ArrayBuffer | Uint8Array, codec: ZipCodec = defaultCodec()): Promise<XlsxPackage> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (startsWith(bytes, CFB_SIGNATURE)) {
      // Excel saves password-protected .xlsx files as an encrypted CFB container.
      throw openError(containsUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'old-xls');
    }
    if (!startsWith(bytes, ZIP_SIGNATURE)) throw openError('not-a-workbook');
    try {
      const pkg = new XlsxPackage(readZipEntries(bytes), codec, new InflateBudget(MAX_READ_BYTES));
      await pkg.readStructure();
      return pkg;
    } catch (error) {
      throw asOpenError(error);
    }
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  async text(part: string): Promise<string | null> {
    const e = this.entry(part);
    return e ? utf8.decode(await inflateToBytes(e, this.codec, this.budget)) : null;
  }

  /** Inflates a part for rewriting at save time; not charged to the reading budget (it was read before). */
  async textForSave(part: string): Promise<string | null> {
    const e = this.entry(part);
    return e ? utf8.decode(await inflateToBytes(e, this.codec, new InflateBudget(Infinity))) : null;
  }

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPartOf(part));
    return xml ? parseRelationships(xml, part) : [];
  }

  private async readStructure(): Promise<void> {
    const root = (await this.relationships('')).find((r) => isOfficeDocument(r.type) && r.part);
    const workbookPart = root?.part ?? (this.entry('xl/workbook.xml') ? 'xl/workbook.xml' : null);
    const workbookXml = workbookPart ? await this.text(workbookPart) : null;
    // A readable zip without a workbook in it (a .docx renamed, for instance).
    if (!workbookPart || workbookXml === null || !/<(\w+:)?workbook\b/.test(workbookXml)) throw openError('not-a-workbook');
    this.workbookPart = this.entry(workbookPart)!.name;
    this.workbookXml = workbookXml;
    this.workbookRels = await this.relationships(this.workbookPart);
    const info = parseWorkbookXml(workbookXml);
    this.date1904 = info.date1904;
    const relById = new Map(this.workbookRels.map((r) => [r.id, r]));
    this.sheets = info.sheets.map((s) => {
      const rel = relById.get(s.relId);
      const part = rel && relKind(rel.type) === 'worksheet' && rel.part && this.entry(rel.part) ? this.entry(rel.part)!.name : null;
      return { ...s, part };
    });
    if (!this.sheets.some((s) => s.part)) throw openError('not-a-workbook');
    const types = (await this.text('[Content_Types].xml')) ?? '';
    const override =
      new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/?${this.workbookPart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`, 'i').exec(
        types,
      )?.[0] ?? '';
    this.macroEnabled = /macroEnabled/i.test(attr(override, 'ContentType') ?? '');
    // Refuse at once what is declared too large to read: no need to inflate it to find out.
    let declared = 0;
    for (const s of this.sheets) if (s.part) declared += this.entry(s.part)!.declaredSize;
    const sst = this.relatedPart('sharedStrings');
    if (sst) declared += this.entry(sst)?.declaredSize ?? 0;
    if (declared > MAX_READ_BYTES) throw openError('too-large');
  }

  /** The part the workbook relates to with this kind ("styles", "sharedStrings"), if it exists. */
  relatedPart(kind: string): string | null {
    const rel = this.workbookRels.find((r) => relKind(r.type) === kind && r.part && this.entry(r.part));
    return rel ? this.entry(rel.part!)!.name : null;
  }

  private async loadSharedStrings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const strings: string[] = [];
    const part = this.relatedPart('sharedStrings');
    if (part) {
      let current: string | null = null;
      let inText = false;
      let phonetic = 0;
      const scanner = new XmlScanner({
        open(name, _attrs, selfClosing) {
          if (name === 'si') current = '';
          else if (name === 'rPh') phonetic++;
          else if (name === 't' && !selfClosing && phonetic === 0) inText = true;
        },
        text(text) {
          if (inText && current !== null) current += text;
        },
        close(name) {
          if (name === 't') inText = false;
          else if (name === 'rPh') phonetic--;
          else if (name === 'si') {
            strings.push(ownString(decodeOoxmlEscapes(current ?? '')));
            current = null;
          }
        },
      });
      await this.stream(part, (text) => scanner.write(text));
      scanner.end();
    }
    this.sharedStrings = strings;
    return strings;
  }

  private async loadDateStyles(): Promise<boolean[]> {
    if (this.dateStyles) return this.dateStyles;
    const part = this.relatedPart('styles');
    const xml = part ? await this.text(part) : null;
    this.dateStyles = xml ? readDateStyles(xml) : [];
    return this.dateStyles;
  }

  /** Inflates a part piece by piece as text. */
  private async stream(part: string, onText: (text: string) => void): Promise<void> {
    const decoder = new TextDecoder('utf-8');
    // A part read again (the port lets a sheet's cells go once handed out) was charged, and checked, the first time.
    const budget = this.streamed.has(part) ? new InflateBudget(Infinity) : this.budget;
    await inflateEntry(this.entry(part)!, this.codec, budget, (chunk) => {
      for (let at = 0; at < chunk.length; at += TEXT_PIECE_BYTES)
        onText(decoder.decode(chunk.subarray(at, at + TEXT_PIECE_BYTES), { stream: true }));
    });
    this.streamed.add(part);
    const rest = decoder.decode();
    if (rest) onText(rest);
  }

  /** Reads one worksheet part into its cells, merges, protection and marker. */
  async readSheet(part: string): Promise<ParsedSheet> {
    try {
      const reader = new SheetReader({
        sharedStrings: await this.loadSharedStrings(),
        dateStyles: await this.loadDateStyles(),
        date1904: this.date1904,
      });
      await this.stream(part, (text) => reader.write(text));
      return reader.finish();
    } catch (error) {
      throw asOpenError(error);
    }
  }

  /** The tables a worksheet part lists, read from their own parts. */
  async readTables(part: string, relIds: string[]): Promise<{ name: string; ref: string; headerRowCount: number; columns: string[] }[]> {
    if (relIds.length === 0) return [];
    const rels = await this.relationships(part);
    const out: { name: string; ref: string; headerRowCount: number; columns: string[] }[] = [];
    for (const id of relIds) {
      const rel = rels.find((r) => r.id === id);
      const xml = rel?.part ? await this.text(rel.part) : null;
      if (!xml) continue;
      const table = { name: '', ref: '', headerRowCount: 1, columns: [] as string[] };
      new XmlScanner({
        open(name, attrs) {
          if (name === 'table') {
            table.name = attr(attrs, 'displayName') ?? attr(attrs, 'name') ?? '';
            table.ref = attr(attrs, 'ref') ?? '';
            const header = attr(attrs, 'headerRowCount');
            table.headerRowCount = header === null ? 1 : Number(header);
          } else if (name === 'tableColumn') {
            table.columns.push(decodeOoxmlEscapes(attr(attrs, 'name') ?? ''));
          }
        },
      }).write(xml);
      out.push(table);
    }
    return out;
  }
}
