/**
 * Deflate, inflate and CRC-32 for the zip layer, injected so the reader and writer run in Node
 * (native zlib on the thread pool) and in a browser or Web Worker (DecompressionStream and
 * CompressionStream 'deflate-raw') alike. Nothing here imports a Node module: Node's zlib is
 * found at run time through process.getBuiltinModule, so webpack sees no "zlib" import.
 */

/** Thrown when a part inflates to more bytes than the caller allowed (a zip bomb, or far too much data). */
export class InflateLimitError extends Error {
  constructor() {
    super('A part inflates to more bytes than allowed.');
    this.name = 'InflateLimitError';
  }
}

/** A deflate stream: write pieces in order (each awaited, so input never piles up), then end. */
export interface DeflateSink {
  write(chunk: Uint8Array): Promise<void>;
  /** The raw deflate data of everything written. */
  end(): Promise<Uint8Array>;
}

export interface ZipCodec {
  /**
   * Inflates raw deflate data, handing each piece to `onChunk` as it comes out. Throws
   * InflateLimitError as soon as more than `limit` bytes came out, whatever the zip declared.
   */
  inflate(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<void>;
  deflate(data: Uint8Array): Promise<Uint8Array>;
  /** A deflate stream, for parts written piece by piece (a long generated sheet). */
  deflateStream(): DeflateSink;
  /** CRC-32 of `data`, continuing from `previous` (0 to start). */
  crc32(data: Uint8Array, previous?: number): number;
}

/** The slice of Node's zlib we use. */
interface NodeZlib {
  createInflateRaw(options?: { chunkSize?: number }): NodeInflateStream;
  createDeflateRaw(options?: { level?: number; chunkSize?: number }): NodeDeflateStream;
  deflateRaw(data: Uint8Array, options: { level?: number }, callback: (error: Error | null, result: Uint8Array) => void): void;
  crc32?(data: Uint8Array, value?: number): number;
}
interface NodeDeflateStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'end', listener: () => void): this;
  write(chunk: Uint8Array, callback: (error?: Error | null) => void): boolean;
  end(): void;
}
interface NodeInflateStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'end', listener: () => void): this;
  end(data: Uint8Array): void;
  destroy(): void;
}

/**
 * The parts we write (generated sheets, a register sheet with highlights) are deflated at zlib's level 3,
 * its fastest level that still packs well. Measured on the sheets of a 200,000-row run (642 MB of XML):
 * level 4 packs them 0.9% smaller for 44% more CPU, level 6 12% smaller for 2.8x the CPU, level 2 is
 * 7% larger. The file is written once and is small either way.
 */
const DEFLATE_LEVEL = 3;

let crcTable: Uint32Array | null = null;

/** Table-driven CRC-32 (the zip polynomial), for hosts without zlib.crc32. */
export function crc32Js(data: Uint8Array, previous = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

function nodeZlib(): NodeZlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = proc?.getBuiltinModule?.('node:zlib') as Partial<NodeZlib> | undefined;
  return typeof zlib?.createInflateRaw === 'function' && typeof zlib.deflateRaw === 'function' ? (zlib as NodeZlib) : null;
}

function nodeCodec(zlib: NodeZlib): ZipCodec {
  return {
    inflate: (data, limit, onChunk) =>
      new Promise<void>((resolve, reject) => {
        const stream = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
        let total = 0;
        let failed = false;
        stream.on('data', (chunk) => {
          if (failed) return;
          total += chunk.length;
          if (total > limit) {
            failed = true;
            stream.destroy();
            reject(new InflateLimitError());
            return;
          }
          try {
            onChunk(chunk);
          } catch (error) {
            failed = true;
            stream.destroy();
            reject(error);
          }
        });
        stream.on('error', (error) => {
          if (failed) return;
          failed = true;
          reject(error);
        });
        stream.on('end', () => {
          if (!failed) resolve();
        });
        stream.end(data);
      }),
    deflate: (data) =>
      new Promise((resolve, reject) =>
        zlib.deflateRaw(data, { level: DEFLATE_LEVEL }, (error, result) => (error ? reject(error) : resolve(result))),
      ),
    deflateStream() {
      const stream = zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: 256 * 1024 });
      const out: Uint8Array[] = [];
      let failure: Error | null = null;
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk) => out.push(chunk));
        stream.on('error', (error) => {
          failure = error;
          reject(error);
        });
        stream.on('end', () => resolve());
      });
      ended.catch(() => undefined);
      return {
        write: (chunk) =>
          new Promise<void>((resolve, reject) => {
            if (failure) reject(failure);
            else stream.write(chunk, (error) => (error ? reject(error) : resolve()));
          }),
        async end() {
          stream.end();
          await ended;
          return concatBytes(out);
        },
      };
    },
    crc32: typeof zlib.crc32 === 'function' ? (data, previous = 0) => zlib.crc32!(data, previous) >>> 0 : crc32Js,
  };
}

async function pump(readable: ReadableStream<Uint8Array>, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const reader = readable.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new InflateLimitError();
    }
    onChunk(value);
  }
}

/** Writes `data` into a transform stream's writable side; errors surface on the readable side. */
function feed(stream: { writable: WritableStream<BufferSource> }, data: Uint8Array): void {
  const writer = stream.writable.getWriter();
  writer.write(data as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
}

function browserCodec(): ZipCodec {
  return {
    async inflate(data, limit, onChunk) {
      const stream = new DecompressionStream('deflate-raw');
      feed(stream, data);
      await pump(stream.readable, limit, onChunk);
    },
    async deflate(data) {
      const stream = new CompressionStream('deflate-raw');
      feed(stream, data);
      const chunks: Uint8Array[] = [];
      await pump(stream.readable, Infinity, (c) => chunks.push(c));
      return concatBytes(chunks);
    },
    deflateStream() {
      const stream = new CompressionStream('deflate-raw');
      const writer = stream.writable.getWriter();
      const chunks: Uint8Array[] = [];
      // Read while writing, or the stream's queue backs up and writes never resolve.
      const drained = pump(stream.readable, Infinity, (c) => chunks.push(c));
      drained.catch(() => undefined);
      return {
        write: (chunk) => writer.write(chunk as BufferSource),
        async end() {
          await writer.close();
          await drained;
          return concatBytes(chunks);
        },
      };
    },
    crc32: crc32Js,
  };
}

export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Node's zlib when there is one, else the browser's compression streams. */
export function defaultCodec(): ZipCodec {
  const zlib = nodeZlib();
  if (zlib) return nodeCodec(zlib);
  if (typeof DecompressionStream === 'function' && typeof CompressionStream === 'function') return browserCodec();
  throw new Error('This environment can neither inflate nor deflate (no zlib, no DecompressionStream).');
}

/** The browser codec, for tests that check it behaves like Node's. */
export const browserCodecForTests = browserCodec;
