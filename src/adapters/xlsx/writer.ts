/**
 * Saves by patching, not rebuilding: every part the save does not change is copied as its
 * original compressed bytes. What may change is a short list (LIMITATIONS.md):
 * - new parts: the generated sheets and the settings sheet (inline strings, so sharedStrings.xml
 *   is untouched), and styles.xml only when the file had none;
 * - edited parts: xl/workbook.xml (the sheet list, print names, the active tab), its
 *   relationships, [Content_Types].xml, styles.xml (formats appended), docProps/app.xml (sheet
 *   titles), the worksheets that get or lose our highlight rules, and the settings sheet;
 * - removed parts: our own earlier generated sheets the placement replaces.
 */
import { quoteSheetName, parseRangeAddress, columnLetter } from '../../core/grid';
import type { HighlightRule } from '../../core/highlight';
import type { SheetSpec } from '../../core/sheetSpec';
import { generatedSheetXml, storeSheetXml } from './generatedSheet';
import { mainPrefix, patchHighlights } from './highlights';
import type { FileSheet, XlsxPackage } from './open';
import { CT_STYLES, CT_WORKSHEET, REL_STYLES, REL_WORKSHEET, relKind, relsPartOf } from './package';
import { MINIMAL_STYLES_XML, StylesPatch } from './styles';
import { deflatePieces, inflateEntry, InflateBudget, writeZip, type OutputPart } from './zip';
import { concatBytes } from './codec';
import { attr, decodeEntities, xmlText } from './xml';

/** A sheet of the workbook as the port sees it now. */
export interface SheetState {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's entry in the file; null for a sheet added in this session. */
  file: FileSheet | null;
  /** A generated sheet, rendered when it was written. */
  generated: GeneratedSheet | null;
  /** The settings sheet's JSON, when it is to be (re)written. */
  storeJson: string | null;
  /** Our rules to leave on the sheet at save (ours already there are removed); null: leave it alone. */
  highlights: HighlightRule[] | null;
}

/**
 * A generated sheet as the port keeps it: its worksheet XML made and deflated when the sheet was
 * written (its styles registered in the port's StylesPatch), and the little the save and a later
 * read still need, so the SheetSpec (a few objects per cell) is gone before the save.
 */
export interface GeneratedSheet {
  body: Uint8Array;
  crc: number;
  size: number;
  print: SheetSpec['print'];
  marker: string;
}

/** The styles part to patch: the file's own, or a minimal one when it has none. */
export async function openStylesPatch(pkg: XlsxPackage): Promise<StylesPatch> {
  const stylesPart = pkg.relatedPart('styles');
  const stylesXml = stylesPart ? await pkg.textForSave(stylesPart) : null;
  return new StylesPatch(stylesXml ?? MINIMAL_STYLES_XML);
}

/** Renders a generated sheet's worksheet XML now, its styles into `styles`, and deflates it. */
export async function renderGeneratedSheet(
  spec: SheetSpec,
  styles: StylesPatch,
  pkg: XlsxPackage,
): Promise<Pick<GeneratedSheet, 'body' | 'crc' | 'size'>> {
  const part = await deflatePieces('', generatedSheetXml(spec, styles, pkg.date1904), pkg.codec);
  if (part.kind !== 'deflated') throw new Error('A generated sheet was not deflated.');
  return { body: part.body, crc: part.crc, size: part.size };
}

const RELS_NS_TRANSITIONAL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const encoder = new TextEncoder();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "A1:J120" -> "$A$1:$J$120". */
function absoluteRange(area: string): string | null {
  const r = parseRangeAddress(area);
  if (!r) return null;
  return `$${columnLetter(r.left)}$${r.top + 1}:$${columnLetter(r.right)}$${r.bottom + 1}`;
}

interface FinalSheet {
  state: SheetState;
  sheetId: number;
  relId: string;
  part: string;
  /** Index in the file's sheet list, or -1 for a new sheet. */
  oldIndex: number;
}

/** The workbook.xml with the new sheet list, defined names and views. */
function patchWorkbookXml(xml: string, final: FinalSheet[], newRelsPrefix: string | null): string {
  const p = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? '';
  const ep = escapeRegExp(p);
  const oldToNew = new Map<number, number>();
  final.forEach((f, i) => {
    if (f.oldIndex >= 0) oldToNew.set(f.oldIndex, i);
  });

  // The original <sheet> elements, in order, so kept sheets keep their exact element.
  const sheetElements = xml.match(new RegExp(`<${ep}sheet\\b[^>]*?/>|<${ep}sheet\\b[^>]*>[\\s\\S]*?</${ep}sheet>`, 'g')) ?? [];
  const relAttr = newRelsPrefix ? `${newRelsPrefix}:id` : 'r:id';
  const relNsDecl = newRelsPrefix ? '' : ` xmlns:r="${RELS_NS_TRANSITIONAL}"`;
  const sheetsXml = final
    .map((f) => {
      const original = f.oldIndex >= 0 ? sheetElements[f.oldIndex] : undefined;
      if (original && f.state.file) {
        return f.state.name === f.state.file.name ? original : original.replace(/\bname="[^"]*"/, `name="${xmlText(f.state.name)}"`);
      }
      const state = f.state.visibility === 'visible' ? '' : ` state="${f.state.visibility}"`;
      return `<${p}sheet name="${xmlText(f.state.name)}" sheetId="${f.sheetId}"${state} ${relAttr}="${f.relId}"${relNsDecl}/>`;
    })
    .join('');
  let out = xml.replace(
    new RegExp(`<${ep}sheets\\b[^>]*>[\\s\\S]*?</${ep}sheets>|<${ep}sheets\\b[^>]*/>`),
    `<${p}sheets>${sheetsXml}</${p}sheets>`,
  );

  // Defined names: drop those scoped to removed sheets, renumber the rest, follow renames.
  const renames = final
    .filter((f) => f.state.file && f.state.file.name !== f.state.name)
    .map((f) => [f.state.file!.name, f.state.name] as const);
  const nameRe = new RegExp(`<${ep}definedName\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${ep}definedName>)`, 'g');
  out = out.replace(nameRe, (whole, attrs: string, body: string | undefined) => {
    const local = attr(attrs, 'localSheetId');
    let result = whole;
    if (local !== null) {
      const moved = oldToNew.get(Number(local));
      if (moved === undefined) return '';
      result = result.replace(/\blocalSheetId="[^"]*"/, `localSheetId="${moved}"`);
    }
    if (body !== undefined && renames.length > 0) {
      let text = decodeEntities(body);
      for (const [from, to] of renames) text = text.split(`${quoteSheetName(from)}!`).join(`${quoteSheetName(to)}!`);
      if (text !== decodeEntities(body)) result = result.replace(`>${body}<`, `>${xmlText(text)}<`);
    }
    return result;
  });

  // Print area and print titles of the new sheets.
  const names: string[] = [];
  final.forEach((f, i) => {
    const spec = f.state.generated;
    if (!spec || f.oldIndex >= 0) return;
    const sheet = quoteSheetName(f.state.name);
    const area = absoluteRange(spec.print.area);
    if (area) names.push(`<${p}definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${sheet}!${area}`)}</${p}definedName>`);
    const t = spec.print.titleRows;
    if (t)
      names.push(
        `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${sheet}!$${t.first}:$${t.last}`)}</${p}definedName>`,
      );
  });
  const emptyNames = new RegExp(`<${ep}definedNames\\b[^>]*>\\s*</${ep}definedNames>|<${ep}definedNames\\b[^>]*/>`);
  if (names.length > 0) {
    const close = `</${p}definedNames>`;
    if (out.includes(close)) out = out.replace(close, `${names.join('')}${close}`);
    else {
      out = out.replace(emptyNames, '');
      const block = `<${p}definedNames>${names.join('')}${close}`;
      // Schema order: sheets, functionGroups, externalReferences, definedNames.
      const anchor = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].find((a) => out.includes(a))!;
      out = out.replace(anchor, `${anchor}${block}`);
    }
  }
  out = out.replace(emptyNames, '');

  // The active and first visible tab follow their sheet; a removed one falls back to the first.
  out = out.replace(new RegExp(`<${ep}workbookView\\b[^>]*>`, 'g'), (view) =>
    view.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (_, key: string, n: string) => `${key}="${oldToNew.get(Number(n)) ?? 0}"`),
  );
  return out;
}

function patchRelsXml(xml: string, removeIds: Set<string>, add: { id: string; type: string; target: string }[]): string {
  let out = xml.replace(/<(\w+:)?Relationship\b[^>]*?(?:\/>|>\s*<\/(\w+:)?Relationship>)/g, (el) =>
    removeIds.has(attr(el, 'Id') ?? '') ? '' : el,
  );
  const added = add.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join('');
  out = out.replace(/<\/(\w+:)?Relationships>/, (close) => `${added}${close}`);
  return out;
}

function patchContentTypes(xml: string, removeParts: Set<string>, add: { part: string; type: string }[]): string {
  let out = xml.replace(/<(\w+:)?Override\b[^>]*?(?:\/>|>\s*<\/(\w+:)?Override>)/g, (el) => {
    const name = (attr(el, 'PartName') ?? '').replace(/^\//, '').toLowerCase();
    return removeParts.has(name) ? '' : el;
  });
  const added = add.map((o) => `<Override PartName="/${xmlText(o.part)}" ContentType="${o.type}"/>`).join('');
  out = out.replace(/<\/(\w+:)?Types>/, (close) => `${added}${close}`);
  return out;
}

/**
 * docProps/app.xml lists the sheet names under the first heading ("Worksheets", in the
 * language Excel ran in). Rewritten only when that list matches the file's sheets; otherwise
 * left as it is (Excel rewrites it on its next save; nothing reads it to open the file).
 */
function patchAppXml(xml: string, oldNames: string[], newNames: string[]): string | null {
  const heading =
    /<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>(\d+)<\/vt:i4>/.exec(
      xml,
    );
  const titles = /<TitlesOfParts>\s*<vt:vector\b([^>]*)>([\s\S]*?)<\/vt:vector>/.exec(xml);
  if (!heading || !titles || Number(heading[1]) !== oldNames.length) return null;
  const items = titles[2].match(/<vt:lpstr>[\s\S]*?<\/vt:lpstr>|<vt:lpstr\/>/g) ?? [];
  const first = items.slice(0, oldNames.length).map((i) => decodeEntities(i.replace(/<[^>]*>/g, '')));
  if (first.join('\u0000') !== oldNames.join('\u0000')) return null;
  const rest = items.slice(oldNames.length);
  const all = [...newNames.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`), ...rest];
  const vectorAttrs = titles[1].replace(/\bsize="\d+"/, `size="${all.length}"`);
  let out = xml.replace(titles[0], `<TitlesOfParts><vt:vector${vectorAttrs}>${all.join('')}</vt:vector>`);
  out = out.replace(heading[0], heading[0].replace(/<vt:i4>\d+<\/vt:i4>$/, `<vt:i4>${newNames.length}</vt:i4>`));
  return out;
}

/**
 * The workbook as bytes with the port's changes applied. `styles` holds the styles of the
 * generated sheets (registered when they were rendered); the save adds the rest to it.
 */
export async function savePackage(pkg: XlsxPackage, sheets: SheetState[], styles: StylesPatch, modified: Date): Promise<Uint8Array> {
  const codec = pkg.codec;
  const stylesPart = pkg.relatedPart('styles');
  const replaced = new Map<string, string>();
  /** Parts the file did not have, in the order they are written. */
  const added: OutputPart[] = [];
  /** Parts written piece by piece, deflated as they are made. */
  const streamed = new Map<string, OutputPart>();
  const taken = new Set(pkg.entries.map((e) => e.name.toLowerCase()));
  const relIds = new Set(pkg.workbookRels.map((r) => r.id));
  let nextSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const workbookDir = pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf('/') + 1);
  const newRels: { id: string; type: string; target: string }[] = [];
  const newOverrides: { part: string; type: string }[] = [];

  const firstFree = (make: (n: number) => string, used: (candidate: string) => boolean): string => {
    for (let n = 1; ; n++) {
      const candidate = make(n);
      if (!used(candidate)) return candidate;
    }
  };
  /** A part the file does not have yet (`name(1)`, `name(2)`...; names compare ignoring case) and a new relationship id for it. */
  const newWorkbookPart = (name: (n: number) => string): { part: string; relId: string } => {
    const part = firstFree(name, (c) => taken.has(c.toLowerCase()));
    taken.add(part.toLowerCase());
    const relId = firstFree(
      (n) => `rId${n}`,
      (c) => relIds.has(c),
    );
    relIds.add(relId);
    return { part, relId };
  };

  const final: FinalSheet[] = [];
  for (const state of sheets) {
    if (state.file) {
      const f = state.file;
      final.push({ state, sheetId: f.sheetId, relId: f.relId, part: f.part ?? '', oldIndex: pkg.sheets.indexOf(f) });
      if (!f.part) continue;
      if (state.storeJson !== null) streamed.set(f.part, await deflatePieces(f.part, storeSheetXml(state.storeJson, styles), codec));
      else if (state.highlights !== null) {
        const part = await patchSheetStreaming(pkg, f.part, state.highlights, styles);
        if (part) {
          streamed.set(f.part, part);
          continue;
        }
        const xml = await pkg.textForSave(f.part);
        if (xml === null) continue;
        const patched = patchHighlights(xml, state.highlights, styles);
        if (patched.xml !== xml) replaced.set(f.part, patched.xml);
      }
      continue;
    }
    const { part, relId } = newWorkbookPart((n) => `${workbookDir}worksheets/sheet${n}.xml`);
    nextSheetId++;
    final.push({ state, sheetId: nextSheetId, relId, part, oldIndex: -1 });
    const g = state.generated;
    if (g) streamed.set(part, { kind: 'deflated', name: part, body: g.body, crc: g.crc, size: g.size });
    else added.push(await deflatePieces(part, storeSheetXml(state.storeJson ?? '', styles), codec));
    newRels.push({ id: relId, type: REL_WORKSHEET, target: part.slice(workbookDir.length) });
    newOverrides.push({ part, type: CT_WORKSHEET });
  }

  // Sheets of the file that are gone (our earlier generated sheets): their parts and relationships go too.
  const kept = new Set(sheets.map((s) => s.file).filter((f): f is FileSheet => f !== null));
  const removedSheets = pkg.sheets.filter((f) => !kept.has(f));
  const removedParts = new Set<string>();
  const removedRelIds = new Set<string>();
  for (const f of removedSheets) {
    removedRelIds.add(f.relId);
    if (f.part) {
      removedParts.add(f.part.toLowerCase());
      removedParts.add(relsPartOf(f.part).toLowerCase());
    }
  }

  if (styles.changed) {
    if (stylesPart) replaced.set(stylesPart, styles.finish());
    else {
      const { part, relId } = newWorkbookPart((n) => `${workbookDir}styles${n === 1 ? '' : n}.xml`);
      added.push({ kind: 'new', name: part, data: encoder.encode(styles.finish()) });
      newRels.push({ id: relId, type: REL_STYLES, target: part.slice(workbookDir.length) });
      newOverrides.push({ part, type: CT_STYLES });
    }
  }

  const structureChanged =
    newRels.length > 0 || removedSheets.length > 0 || final.some((f) => f.state.file && f.state.file.name !== f.state.name);
  if (structureChanged) {
    const xml = pkg.workbookXml;
    const relsPrefix =
      new RegExp(`xmlns:(\\w+)="(?:${escapeRegExp(RELS_NS_TRANSITIONAL)}|${escapeRegExp(RELS_NS_STRICT)})"`).exec(xml)?.[1] ?? null;
    replaced.set(pkg.workbookPart, patchWorkbookXml(xml, final, relsPrefix));
    const relsPart = relsPartOf(pkg.workbookPart);
    const relsXml =
      (await pkg.textForSave(relsPart)) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const patchedRels = patchRelsXml(relsXml, removedRelIds, newRels);
    if (pkg.entry(relsPart)) replaced.set(relsPart, patchedRels);
    else added.push({ kind: 'new', name: relsPart, data: encoder.encode(patchedRels) });
    const ct = await pkg.textForSave('[Content_Types].xml');
    if (ct !== null) replaced.set('[Content_Types].xml', patchContentTypes(ct, removedParts, newOverrides));
    await patchDocProps(pkg, final, replaced);
  }

  const parts: OutputPart[] = [];
  const replacedByKey = new Map([...replaced].map(([k, v]) => [k.toLowerCase(), v]));
  const streamedByKey = new Map([...streamed].map(([k, v]) => [k.toLowerCase(), v]));
  for (const entry of pkg.entries) {
    const key = entry.name.toLowerCase();
    if (removedParts.has(key)) continue;
    const streamedPart = streamedByKey.get(key);
    if (streamedPart) {
      parts.push(streamedPart);
      streamedByKey.delete(key);
      continue;
    }
    const text = replacedByKey.get(key);
    if (text !== undefined) {
      parts.push({ kind: 'new', name: entry.name, data: encoder.encode(text) });
      replacedByKey.delete(key);
    } else parts.push({ kind: 'copy', entry });
  }
  parts.push(...added);
  for (const part of streamedByKey.values()) parts.push(part);
  return writeZip(parts, codec, modified);
}

async function patchDocProps(pkg: XlsxPackage, final: FinalSheet[], replaced: Map<string, string>): Promise<void> {
  const rootRels = await pkg.relationships('');
  const app = rootRels.find((r) => relKind(r.type) === 'extended-properties' && r.part && pkg.entry(r.part));
  if (!app?.part) return;
  const part = pkg.entry(app.part)!.name;
  const xml = await pkg.textForSave(part);
  if (xml === null) return;
  const oldNames = pkg.sheets.map((s) => s.name);
  const patched = patchAppXml(
    xml,
    oldNames,
    final.map((f) => f.state.name),
  );
  if (patched !== null && patched !== xml) replaced.set(part, patched);
}

const SHEET_DATA = encoder.encode('sheetData');

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function isNameByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95 || b === 45 || b === 46;
}

/** Where the cells end: the "<" of "</sheetData>" (any prefix) or of a self-closing "<sheetData/>"; -1 if not in `bytes`. */
function sheetDataEnd(bytes: Uint8Array): number {
  for (let k = indexOfBytes(bytes, SHEET_DATA, 0); k >= 0; k = indexOfBytes(bytes, SHEET_DATA, k + 1)) {
    let j = k - 1;
    if (bytes[j] === 58 /* : */) {
      j--;
      while (j >= 0 && isNameByte(bytes[j])) j--;
    }
    if (bytes[j] === 47 /* / */ && bytes[j - 1] === 60 /* < */) return j - 1;
    if (bytes[j] === 60 && bytes[k + 9] === 47 && bytes[k + 10] === 62) return j;
  }
  return -1;
}

/**
 * A worksheet with our highlight rules replaced, streamed: the cells (everything before the end
 * of <sheetData>) go from the inflater to the deflater as bytes, never decoded; only the short
 * rest of the sheet is patched as text. Null when the sheet has no <sheetData> to go by.
 */
export async function patchSheetStreaming(
  pkg: XlsxPackage,
  part: string,
  rules: HighlightRule[],
  styles: StylesPatch,
): Promise<OutputPart | null> {
  const entry = pkg.entry(part);
  if (!entry) return null;
  const codec = pkg.codec;
  const sink = codec.deflateStream();
  let crc = 0;
  let size = 0;
  let writing: Promise<void> = Promise.resolve();
  const emit = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    crc = codec.crc32(bytes, crc);
    size += bytes.length;
    writing = writing.then(() => sink.write(bytes));
  };
  const KEEP = 32;
  let carry = new Uint8Array(0);
  let head = '';
  const tail: Uint8Array[] = [];
  let inTail = false;
  await inflateEntry(entry, codec, new InflateBudget(Infinity), (chunk) => {
    if (inTail) {
      tail.push(chunk);
      return;
    }
    if (head.length < 4096) head += new TextDecoder().decode(chunk.subarray(0, 4096));
    const window = carry.length === 0 ? chunk : concatBytes([carry, chunk]);
    const end = sheetDataEnd(window);
    if (end >= 0) {
      emit(window.subarray(0, end));
      tail.push(window.slice(end));
      inTail = true;
      return;
    }
    const keep = Math.min(KEEP, window.length);
    emit(window.subarray(0, window.length - keep));
    carry = window.slice(window.length - keep);
  });
  if (!inTail) {
    await writing;
    await sink.end().catch(() => undefined);
    return null;
  }
  const tailXml = new TextDecoder().decode(concatBytes(tail));
  const patched = patchHighlights(tailXml, rules, styles, mainPrefix(head));
  emit(encoder.encode(patched.xml));
  await writing;
  return { kind: 'deflated', name: entry.name, body: await sink.end(), crc: crc >>> 0, size };
}
