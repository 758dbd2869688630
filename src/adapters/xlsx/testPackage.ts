/**
 * Workbooks written part by part, for tests that need what ExcelJS cannot write: other producers'
 * part names, hostile sizes, parts ExcelJS would drop. Test helper only.
 */
import { deflateRawSync, constants as zlibConstants } from 'zlib';
import { writeZip, type OutputPart, type ZipEntry } from './zip';
import { defaultCodec } from './codec';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface TestSheet {
  name: string;
  /** The part name, e.g. "xl/worksheets/sheet1.xml" or "xl/sheets/Register.xml". */
  part: string;
  /** Everything inside <worksheet>. */
  body: string;
  state?: 'hidden' | 'veryHidden';
}

/** A raw zip entry whose compressed bytes and declared sizes the test chooses (a lying zip bomb). */
export function rawEntry(name: string, compressed: Uint8Array, declaredSize: number, crc = 0): ZipEntry {
  return {
    name,
    method: 8,
    flags: 0,
    crc32: crc,
    compressedSize: compressed.length,
    declaredSize,
    dosTime: 0,
    dosDate: 0x21,
    raw: compressed,
  };
}

/**
 * Raw deflate data that inflates to `prefix`, then `repeat` x `chunk` bytes of `fill`, then `suffix`:
 * the repeated block is compressed once and its bytes repeated, so a 1 GB bomb costs milliseconds.
 */
export function bombDeflate(prefix: string, fill: number, chunk: number, repeat: number, suffix: string): Uint8Array {
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const head = deflateRawSync(Buffer.from(prefix), flush);
  const block = deflateRawSync(Buffer.alloc(chunk, fill), flush);
  const tail = deflateRawSync(Buffer.from(suffix));
  const out = new Uint8Array(head.length + block.length * repeat + tail.length);
  out.set(head, 0);
  for (let i = 0; i < repeat; i++) out.set(block, head.length + i * block.length);
  out.set(tail, head.length + block.length * repeat);
  return out;
}

/** A workbook of the given sheets (plus any extra parts), with its relationships and content types. */
export async function buildPackage(
  sheets: TestSheet[],
  options: {
    extra?: { name: string; data: string | Uint8Array; contentType?: string }[];
    raw?: ZipEntry[];
    sharedStrings?: string[];
    workbookExtra?: string;
  } = {},
): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/${s.part}"/>`);
  if (options.sharedStrings) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  const overrides = sheets.map(
    (s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  for (const e of options.extra ?? [])
    if (e.contentType) overrides.push(`<Override PartName="/${e.name}" ContentType="${e.contentType}"/>`);
  const parts: { name: string; data: string | Uint8Array }[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${R_NS}"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets>${options.workbookExtra ?? ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...sheets.map((s) => ({
      name: s.part,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${R_NS}">${s.body}</worksheet>`,
    })),
  ];
  if (options.sharedStrings) {
    parts.push({
      name: 'xl/sharedStrings.xml',
      data: `<sst xmlns="${NS}" count="${options.sharedStrings.length}">${options.sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    });
  }
  for (const e of options.extra ?? []) parts.push({ name: e.name, data: e.data });
  const out: OutputPart[] = parts.map((p) => ({
    kind: 'new',
    name: p.name,
    data: typeof p.data === 'string' ? enc.encode(p.data) : p.data,
  }));
  for (const entry of options.raw ?? []) out.push({ kind: 'copy', entry });
  return writeZip(out, defaultCodec(), new Date(Date.UTC(2026, 0, 1)));
}
