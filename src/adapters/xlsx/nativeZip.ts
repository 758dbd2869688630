/**
 * Builds the .xlsx zip with Node's native zlib instead of ExcelJS's JSZip.
 *
 * Why: JSZip deflates and checksums in JavaScript, one part after another, after every part
 * has been rendered. Saving a 10,000-risk workbook packs some 20 MB of XML. Here each part is
 * checksummed and deflated by zlib on libuv's thread pool as soon as ExcelJS hands it over,
 * so compression runs in parallel with rendering the next sheet, several times faster.
 * Only in Node: the browser build (file mode in the task pane) has no zlib and keeps JSZip.
 */

/** The zlib functions we use, looked up at run time. */
export interface NativeZlib {
  deflateRaw(data: Uint8Array, callback: (error: Error | null, result: Uint8Array) => void): void;
  crc32(data: Uint8Array): number;
}

/**
 * Node's zlib, or null outside Node (or on a Node without zlib.crc32, before 20.15). Found
 * through process.getBuiltinModule so that bundlers for the browser see no import of "zlib".
 */
export function nativeZlib(): NativeZlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = proc?.getBuiltinModule?.('node:zlib') as Partial<NativeZlib> | undefined;
  if (typeof zlib?.deflateRaw !== 'function' || typeof zlib.crc32 !== 'function') return null;
  return zlib as NativeZlib;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const METHOD_DEFLATE = 8;
/** General-purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
/** Version 2.0 of the zip format: deflate, no ZIP64. */
const VERSION = 20;
/** Zip32 limits: beyond them ZIP64 would be needed (far beyond any register). */
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

interface Part {
  name: Uint8Array;
  crc: number;
  size: number;
  compressed: Promise<Uint8Array>;
}

/** MS-DOS date and time, as zip headers store them (local time, two-second steps). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** Collects parts (compressing each at once, off the main thread) and writes the zip. */
export class ZipBuilder {
  private readonly parts: Part[] = [];
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly zlib: NativeZlib,
    private readonly modified: Date,
  ) {}

  /** Adds a part: text is stored as UTF-8. Compression starts now, on zlib's thread pool. */
  add(name: string, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? this.encoder.encode(data) : data;
    const compressed = new Promise<Uint8Array>((resolve, reject) => {
      this.zlib.deflateRaw(bytes, (error, result) => (error ? reject(error) : resolve(result)));
    });
    // A failure is reported by finish(); do not let it go unhandled in between.
    compressed.catch(() => undefined);
    this.parts.push({ name: this.encoder.encode(name), crc: this.zlib.crc32(bytes) >>> 0, size: bytes.length, compressed });
  }

  /** The zip file: every part deflated, in the order added. */
  async finish(): Promise<Uint8Array> {
    const bodies = await Promise.all(this.parts.map((p) => p.compressed));
    if (this.parts.length > MAX_ENTRIES) throw new Error('zip: too many parts');
    const { date, time } = dosDateTime(this.modified);
    let localTotal = 0;
    let centralTotal = 0;
    this.parts.forEach((p, i) => {
      if (p.size > MAX_SIZE || bodies[i].length > MAX_SIZE) throw new Error('zip: part too large');
      localTotal += 30 + p.name.length + bodies[i].length;
      centralTotal += 46 + p.name.length;
    });
    if (localTotal + centralTotal > MAX_SIZE) throw new Error('zip: file too large');

    const out = new Uint8Array(localTotal + centralTotal + 22);
    const view = new DataView(out.buffer);
    const offsets: number[] = [];
    let at = 0;
    this.parts.forEach((p, i) => {
      offsets.push(at);
      view.setUint32(at, LOCAL_SIGNATURE, true);
      view.setUint16(at + 4, VERSION, true);
      view.setUint16(at + 6, FLAG_UTF8, true);
      view.setUint16(at + 8, METHOD_DEFLATE, true);
      view.setUint16(at + 10, time, true);
      view.setUint16(at + 12, date, true);
      view.setUint32(at + 14, p.crc, true);
      view.setUint32(at + 18, bodies[i].length, true);
      view.setUint32(at + 22, p.size, true);
      view.setUint16(at + 26, p.name.length, true);
      out.set(p.name, at + 30);
      out.set(bodies[i], at + 30 + p.name.length);
      at += 30 + p.name.length + bodies[i].length;
    });
    const centralStart = at;
    this.parts.forEach((p, i) => {
      view.setUint32(at, CENTRAL_SIGNATURE, true);
      view.setUint16(at + 4, VERSION, true);
      view.setUint16(at + 6, VERSION, true);
      view.setUint16(at + 8, FLAG_UTF8, true);
      view.setUint16(at + 10, METHOD_DEFLATE, true);
      view.setUint16(at + 12, time, true);
      view.setUint16(at + 14, date, true);
      view.setUint32(at + 16, p.crc, true);
      view.setUint32(at + 20, bodies[i].length, true);
      view.setUint32(at + 24, p.size, true);
      view.setUint16(at + 28, p.name.length, true);
      // Extra field, comment, disk number, attributes: none.
      view.setUint32(at + 42, offsets[i], true);
      out.set(p.name, at + 46);
      at += 46 + p.name.length;
    });
    view.setUint32(at, END_SIGNATURE, true);
    view.setUint16(at + 8, this.parts.length, true);
    view.setUint16(at + 10, this.parts.length, true);
    view.setUint32(at + 12, at - centralStart, true);
    view.setUint32(at + 16, centralStart, true);
    return out;
  }
}
