/**
 * styles.xml: read which cell styles show dates, and append the few styles a save needs (cell
 * formats of the generated sheets, differential formats of our highlights) without touching the
 * user's own: every existing index keeps its meaning, and the default font stays the workbook's.
 */
import type { CellStyle, SpecCell } from '../../core/sheetSpec';
import { attr, scanXml, xmlText } from './xml';

/** Built-in number formats that show dates or times (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** True when a number format code shows a date or time. */
export function isDateFormat(code: string): boolean {
  const plain = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/General/gi, '');
  return /[dmyhs]/i.test(plain.split(';')[0]);
}

/** For each cell style index (cellXfs), whether it shows a date. */
export function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  let inCellXfs = false;
  let depth = 0;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId'));
        custom.set(id, attr(attrs, 'formatCode') ?? '');
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
        depth = 0;
        return;
      }
      if (inCellXfs) {
        if (depth === 0 && name === 'xf') {
          const id = Number(attr(attrs, 'numFmtId') ?? 0);
          const code = custom.get(id);
          out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
        }
        depth++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (inCellXfs) depth--;
    },
  });
  return out;
}

/** The number format each generated cell type is written with (none: General). */
const NUM_FMT: Record<SpecCell['type'], string | null> = {
  // Text is shown as text, so a value like "1-2" or "=X" stays what the user typed.
  text: '@',
  number: null,
  percent: '0%',
  date: 'yyyy-mm-dd',
};
const BUILTIN_CODES = new Map<string, number>([
  ['@', 49],
  ['0%', 9],
]);

/** "#1F4E79" -> "FF1F4E79". */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, '0')}`;
}

const THIN_COLOR = 'FFA6A6A6';

interface Collection {
  name: string;
  /** Existing direct children. */
  count: number;
  added: string[];
}

/** The minimal styles part for a workbook that has none. */
export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Where each collection goes when the part lacks it (the schema's order). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Appends cell formats and differential formats to a styles part; `finish` gives the new XML. */
export class StylesPatch {
  private readonly prefix: string;
  private collections = new Map<string, Collection>();
  private numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly defaultFont: { name: string | null; size: number; family: string | null };
  private xfIds = new Map<string, number>();
  private partIds = new Map<string, number>();
  private dxfIds = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      this.collections.set(name, { name, count: this.countChildren(name), added: [] });
    }
    let fontName: string | null = null;
    let fontSize = 11;
    let family: string | null = null;
    let inFonts = false;
    let fonts = 0;
    scanXml(xml, {
      open: (name, attrs) => {
        if (name === 'numFmt') {
          const id = Number(attr(attrs, 'numFmtId'));
          const code = attr(attrs, 'formatCode');
          if (Number.isFinite(id)) {
            if (code !== null && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
            this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
          }
        } else if (name === 'fonts') inFonts = true;
        else if (inFonts && name === 'font') fonts++;
        else if (inFonts && fonts === 1) {
          if (name === 'name') fontName = attr(attrs, 'val');
          if (name === 'sz') fontSize = Number(attr(attrs, 'val')) || 11;
          if (name === 'family') family = attr(attrs, 'val');
        }
      },
      close: (name) => {
        if (name === 'fonts') inFonts = false;
      },
    });
    this.defaultFont = { name: fontName, size: fontSize, family };
  }

  /** An independent copy: what is added to either later leaves the other as it is. */
  clone(): StylesPatch {
    const copy = Object.assign(Object.create(StylesPatch.prototype) as StylesPatch, this);
    copy.collections = new Map([...this.collections].map(([name, c]) => [name, { ...c, added: [...c.added] }]));
    copy.numFmtIds = new Map(this.numFmtIds);
    copy.xfIds = new Map(this.xfIds);
    copy.partIds = new Map(this.partIds);
    copy.dxfIds = new Map(this.dxfIds);
    return copy;
  }

  /** The workbook's default font size, for row heights. */
  get defaultFontSize(): number {
    return this.defaultFont.size;
  }

  private tag(name: string): string {
    return `${this.prefix}${name}`;
  }

  private span(name: string): { start: number; openEnd: number; close: number; selfClosing: boolean } | null {
    const open = new RegExp(`<${this.prefix}${name}(?=[\\s/>])[^>]*>`).exec(this.xml);
    if (!open) return null;
    const openEnd = open.index + open[0].length;
    const selfClosing = open[0].endsWith('/>');
    const close = selfClosing ? openEnd : this.xml.indexOf(`</${this.prefix}${name}>`, openEnd);
    return { start: open.index, openEnd, close: close < 0 ? openEnd : close, selfClosing };
  }

  private countChildren(name: string): number {
    const s = this.span(name);
    if (!s || s.selfClosing) return 0;
    let depth = 0;
    let count = 0;
    scanXml(this.xml.slice(s.openEnd, s.close), {
      open() {
        if (depth === 0) count++;
        depth++;
      },
      close() {
        depth--;
      },
    });
    return count;
  }

  private add(collection: string, xml: string, key: string, ids: Map<string, number>): number {
    const known = ids.get(key);
    if (known !== undefined) return known;
    const c = this.collections.get(collection)!;
    const id = c.count + c.added.length;
    c.added.push(xml);
    ids.set(key, id);
    return id;
  }

  private numFmtId(code: string | null): number {
    if (code === null) return 0;
    const builtin = BUILTIN_CODES.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.collections.get('numFmts')!.added.push(`<${this.tag('numFmt')} numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    }
    return id;
  }

  private fontXml(style: CellStyle | undefined, color?: string): string {
    const t = (n: string) => this.tag(n);
    const f = this.defaultFont;
    return (
      `<${t('font')}>${style?.bold ? `<${t('b')}/>` : ''}${style?.italic ? `<${t('i')}/>` : ''}` +
      `<${t('sz')} val="${style?.size ?? f.size}"/>` +
      (color ? `<${t('color')} rgb="${argb(color)}"/>` : `<${t('color')} theme="1"/>`) +
      (f.name ? `<${t('name')} val="${xmlText(f.name)}"/>` : '') +
      (f.family ? `<${t('family')} val="${xmlText(f.family)}"/>` : '') +
      `</${t('font')}>`
    );
  }

  private borderXml(border: CellStyle['border']): string {
    const t = (n: string) => this.tag(n);
    const thin = (side: string) => `<${t(side)} style="thin"><${t('color')} rgb="${THIN_COLOR}"/></${t(side)}>`;
    const none = (side: string) => `<${t(side)}/>`;
    const sides =
      border === 'all' ? ['left', 'right', 'top', 'bottom'].map(thin) : ['left', 'right', 'top'].map(none).concat(thin('bottom'));
    return `<${t('border')}>${sides.join('')}<${t('diagonal')}/></${t('border')}>`;
  }

  /** The cell format index for a generated cell of this spec style and type. */
  cellXf(style: CellStyle | undefined, type: SpecCell['type']): number {
    const key = `${JSON.stringify(style ?? null)}|${type}`;
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const t = (n: string) => this.tag(n);
    const numFmtId = this.numFmtId(NUM_FMT[type]);
    const hasFont = !!style && (style.bold || style.italic || style.size !== undefined || style.color !== undefined);
    const fontId = hasFont
      ? this.add(
          'fonts',
          this.fontXml(style, style!.color),
          `font|${style!.bold}|${style!.italic}|${style!.size}|${style!.color}`,
          this.partIds,
        )
      : 0;
    const fillId = style?.fill
      ? this.add(
          'fills',
          `<${t('fill')}><${t('patternFill')} patternType="solid"><${t('fgColor')} rgb="${argb(style.fill)}"/><${t('bgColor')} indexed="64"/></${t('patternFill')}></${t('fill')}>`,
          `fill|${style.fill}`,
          this.partIds,
        )
      : 0;
    const borderId = style?.border ? this.add('borders', this.borderXml(style.border), `border|${style.border}`, this.partIds) : 0;
    const align: string[] = [];
    if (style?.hAlign) align.push(`horizontal="${style.hAlign}"`);
    if (style?.vAlign) align.push(`vertical="${style.vAlign === 'middle' ? 'center' : style.vAlign}"`);
    if (style?.wrap) align.push('wrapText="1"');
    const applies =
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
      `${borderId ? ' applyBorder="1"' : ''}${align.length ? ' applyAlignment="1"' : ''}`;
    const xf =
      `<${t('xf')} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}` +
      (align.length ? `><${t('alignment')} ${align.join(' ')}/></${t('xf')}>` : '/>');
    const c = this.collections.get('cellXfs')!;
    const id = c.count + c.added.length;
    c.added.push(xf);
    this.xfIds.set(key, id);
    return id;
  }

  /** The differential format index for a highlight (fill and font colour). */
  dxf(fill: string, fontColor: string): number {
    const t = (n: string) => this.tag(n);
    const xml =
      `<${t('dxf')}><${t('font')}><${t('color')} rgb="${argb(fontColor)}"/></${t('font')}>` +
      `<${t('fill')}><${t('patternFill')} patternType="solid"><${t('fgColor')} rgb="${argb(fill)}"/><${t('bgColor')} rgb="${argb(fill)}"/></${t('patternFill')}></${t('fill')}></${t('dxf')}>`;
    return this.add('dxfs', xml, `${fill}|${fontColor}`, this.dxfIds);
  }

  get changed(): boolean {
    for (const c of this.collections.values()) if (c.added.length > 0) return true;
    return false;
  }

  /** The styles part with everything added: each collection's new children after its own, counts updated. */
  finish(): string {
    let xml = this.xml;
    // From the last collection in the file to the first, so earlier offsets stay valid.
    const edits: { at: number; end: number; text: string }[] = [];
    for (const c of this.collections.values()) {
      if (c.added.length === 0) continue;
      const total = c.count + c.added.length;
      const s = this.span(c.name);
      const tag = this.tag(c.name);
      if (!s) {
        edits.push({
          at: this.insertionPoint(c.name),
          end: this.insertionPoint(c.name),
          text: `<${tag} count="${total}">${c.added.join('')}</${tag}>`,
        });
        continue;
      }
      const openTag = xml.slice(s.start, s.openEnd);
      const attrs = openTag.slice(1 + tag.length, s.selfClosing ? -2 : -1).replace(/\s+count="[^"]*"/, '');
      edits.push({
        at: s.start,
        end: s.selfClosing ? s.openEnd : s.close + tag.length + 3,
        text: `<${tag}${attrs} count="${total}">${s.selfClosing ? '' : xml.slice(s.openEnd, s.close)}${c.added.join('')}</${tag}>`,
      });
    }
    // At the same place, the replaced collection first, so a missing one inserted there lands before it.
    edits.sort((a, b) => b.at - a.at || b.end - a.end);
    for (const e of edits) xml = xml.slice(0, e.at) + e.text + xml.slice(e.end);
    return xml;
  }

  /** Where a missing collection goes: before the first collection that follows it in the schema, or before the end. */
  private insertionPoint(name: string): number {
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const s = this.span(later);
      if (s) return s.start;
    }
    return this.xml.lastIndexOf('</');
  }
}
