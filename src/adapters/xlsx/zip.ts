/**
 * The zip container of a workbook, read from its central directory and written back with every
 * untouched entry copied as its original compressed bytes (same method, CRC, sizes and time).
 * Only parts we read are inflated, and the bytes they really inflate to are counted against a
 * budget: the sizes a zip declares are never trusted.
 */
import { concatBytes, InflateLimitError, type ZipCodec } from './codec';

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  /** The name as stored, e.g. "xl/workbook.xml" (a leading "/" some producers write is removed). */
  name: string;
  method: number;
  flags: number;
  crc32: number;
  /** Sizes as declared: used only to copy the entry, never to judge how much it holds. */
  compressedSize: number;
  declaredSize: number;
  dosTime: number;
  dosDate: number;
  /** The entry's compressed data, a view into the original file. */
  raw: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const EOCD_SEARCH = 22 + 0xffff;

const utf8 = new TextDecoder('utf-8');
/** Names without the UTF-8 flag are CP437; for the ASCII names of any real workbook the same. */
const latin1 = new TextDecoder('latin1');

function findEocd(view: DataView, length: number): number {
  for (let i = length - 22; i >= Math.max(0, length - EOCD_SEARCH); i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

function readZip64Extra(view: DataView, at: number, end: number, need: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const len = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      const take = () => {
        const v = Number(view.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (need.size && p + 8 <= at + 4 + len) out.size = take();
      if (need.compressed && p + 8 <= at + 4 + len) out.compressed = take();
      if (need.offset && p + 8 <= at + 4 + len) out.offset = take();
      return out;
    }
    at += 4 + len;
  }
  return out;
}

/** Every entry of the zip, in the order of its central directory. Throws ZipFormatError for a damaged zip. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view, bytes.length);
  if (eocd < 0) throw new ZipFormatError('No end of central directory.');
  let count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const z = Number(view.getBigUint64(eocd - 12, true));
    if (z + 56 > bytes.length || view.getUint32(z, true) !== ZIP64_EOCD) throw new ZipFormatError('Bad ZIP64 directory.');
    count = Number(view.getBigUint64(z + 32, true));
    at = Number(view.getBigUint64(z + 48, true));
  }
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError('Bad central directory entry.');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let offset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) throw new ZipFormatError('Truncated central directory.');
    const rawName = bytes.subarray(at + 46, nameEnd);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || offset === 0xffffffff) {
      const z = readZip64Extra(view, nameEnd, nameEnd + extraLength, {
        size: declaredSize === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: offset === 0xffffffff,
      });
      declaredSize = z.size ?? declaredSize;
      compressedSize = z.compressed ?? compressedSize;
      offset = z.offset ?? offset;
    }
    if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL) throw new ZipFormatError('Bad local header.');
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError('Truncated entry.');
    entries.push({
      name: ((flags & FLAG_UTF8) !== 0 ? utf8 : latin1).decode(rawName).replace(/^\/+/, ''),
      method,
      flags,
      crc32: view.getUint32(at + 16, true),
      compressedSize,
      declaredSize,
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Shared by every part read from one file: the inflated bytes still allowed. */
export class InflateBudget {
  constructor(public remaining: number) {}
}

/** Thrown when the parts read inflate to more than the budget allows. */
export class BudgetExceededError extends Error {
  constructor() {
    super('The parts read hold more data than allowed.');
    this.name = 'BudgetExceededError';
  }
}

/**
 * Inflates an entry piece by piece into `onChunk`, charging the real bytes to `budget` and
 * checking the CRC. Throws BudgetExceededError past the budget, ZipFormatError for bad data.
 */
export async function inflateEntry(
  entry: ZipEntry,
  codec: ZipCodec,
  budget: InflateBudget,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  if (entry.flags & FLAG_ENCRYPTED) throw new ZipFormatError(`${entry.name} is encrypted.`);
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    budget.remaining -= chunk.length;
    if (budget.remaining < 0) throw new BudgetExceededError();
    crc = codec.crc32(chunk, crc);
    onChunk(chunk);
  };
  if (entry.method === METHOD_STORED) {
    take(entry.raw);
  } else if (entry.method === METHOD_DEFLATE) {
    try {
      await codec.inflate(entry.raw, Math.max(0, budget.remaining), take);
    } catch (error) {
      if (error instanceof InflateLimitError || error instanceof BudgetExceededError) throw new BudgetExceededError();
      throw new ZipFormatError(`${entry.name} cannot be inflated.`);
    }
  } else {
    throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}.`);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipFormatError(`${entry.name} is damaged (checksum).`);
}

/** The whole entry as bytes (for small parts). */
export async function inflateToBytes(entry: ZipEntry, codec: ZipCodec, budget: InflateBudget): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await inflateEntry(entry, codec, budget, (c) => chunks.push(c));
  return concatBytes(chunks);
}

/** A part of the zip being written: an original entry copied as is, or new content to deflate. */
export type OutputPart =
  | { kind: 'copy'; entry: ZipEntry }
  | { kind: 'new'; name: string; data: Uint8Array }
  /** Deflated already, piece by piece (deflateParts). */
  | { kind: 'deflated'; name: string; body: Uint8Array; crc: number; size: number };

/**
 * Text written piece by piece into a deflate stream, in batches of about a megabyte: the whole
 * text never exists at once, only its compressed form.
 */
export async function deflatePieces(name: string, pieces: Iterable<string>, codec: ZipCodec): Promise<OutputPart> {
  const sink = codec.deflateStream();
  let crc = 0;
  let size = 0;
  let batch: string[] = [];
  let batchLength = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const bytes = encoder.encode(batch.join(''));
    batch = [];
    batchLength = 0;
    crc = codec.crc32(bytes, crc);
    size += bytes.length;
    await sink.write(bytes);
  };
  for (const piece of pieces) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= 1 << 20) await flush();
  }
  await flush();
  return { kind: 'deflated', name, body: await sink.end(), crc: crc >>> 0, size };
}

const encoder = new TextEncoder();

function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

interface Prepared {
  name: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  size: number;
  body: Uint8Array;
  time: number;
  date: number;
}

/**
 * Writes the zip. Copied entries keep their compressed bytes, method, CRC, sizes and time; new
 * parts are deflated (all at once, on the thread pool in Node). Entries needing ZIP64 are refused.
 */
export async function writeZip(parts: OutputPart[], codec: ZipCodec, modified: Date): Promise<Uint8Array> {
  const now = dosDateTime(modified);
  const prepared: Prepared[] = await Promise.all(
    parts.map(async (p): Promise<Prepared> => {
      if (p.kind === 'copy') {
        const e = p.entry;
        return {
          name: encoder.encode(e.name),
          method: e.method,
          // Sizes go in the headers, so no data descriptor follows; names are written as UTF-8.
          flags: (e.flags & ~FLAG_DESCRIPTOR) | FLAG_UTF8,
          crc: e.crc32 >>> 0,
          size: e.declaredSize,
          body: e.raw,
          time: e.dosTime,
          date: e.dosDate,
        };
      }
      if (p.kind === 'deflated') {
        return {
          name: encoder.encode(p.name),
          method: METHOD_DEFLATE,
          flags: FLAG_UTF8,
          crc: p.crc,
          size: p.size,
          body: p.body,
          time: now.time,
          date: now.date,
        };
      }
      const body = await codec.deflate(p.data);
      return {
        name: encoder.encode(p.name),
        method: METHOD_DEFLATE,
        flags: FLAG_UTF8,
        crc: codec.crc32(p.data) >>> 0,
        size: p.data.length,
        body,
        time: now.time,
        date: now.date,
      };
    }),
  );
  if (prepared.length > 0xffff) throw new ZipFormatError('Too many parts.');
  let total = 22;
  for (const p of prepared) {
    if (p.size > 0xfffffffe || p.body.length > 0xfffffffe) throw new ZipFormatError('A part is too large.');
    total += 30 + 46 + 2 * p.name.length + p.body.length;
  }
  if (total > 0xfffffffe) throw new ZipFormatError('The file is too large.');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, p.flags, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, p.time, true);
    view.setUint16(at + 12, p.date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.body.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    out.set(p.name, at + 30);
    out.set(p.body, at + 30 + p.name.length);
    at += 30 + p.name.length + p.body.length;
  }
  const centralStart = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, p.flags, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, p.time, true);
    view.setUint16(at + 14, p.date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.body.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
