/**
 * The committed icons are real, decodable PNGs of the sizes Office asks for, and they are exactly what
 * scripts/make-icons.mjs draws (so nobody hand-edits one and forgets the generator).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inflateSync } from 'zlib';
import { pngSize } from './checkManifest';

const ROOT = join(__dirname, '..', '..');
const ICONS: Array<[string, number]> = [
  ['icon-16.png', 16],
  ['icon-32.png', 32],
  ['icon-64.png', 64],
  ['icon-80.png', 80],
  ['logo-filled.png', 128],
];

/** CRC-32 written independently of the generator's, so a wrong table there would show up here. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

interface Chunk {
  type: string;
  data: Buffer;
}

function readChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    expect(crc32(typeAndData)).toBe(crc);
    chunks.push({ type: typeAndData.subarray(0, 4).toString('ascii'), data: Buffer.from(typeAndData.subarray(4)) });
    at += 12 + length;
  }
  return chunks;
}

describe.each(ICONS)('assets/%s', (file, size) => {
  const png = readFileSync(join(ROOT, 'assets', file));

  it(`is a valid ${size}x${size} RGBA PNG with intact chunks`, () => {
    expect(pngSize(png)).toEqual({ width: size, height: size });
    const chunks = readChunks(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0].data;
    expect([header[8], header[9], header[10], header[11], header[12]]).toEqual([8, 6, 0, 0, 0]);
  });

  it('decodes to a drawn glyph on a transparent background', () => {
    const raw = inflateSync(readChunks(png).find((chunk) => chunk.type === 'IDAT')!.data);
    expect(raw.length).toBe(size * (size * 4 + 1));
    const alphas: number[] = [];
    const whites: number[] = [];
    for (let y = 0; y < size; y++) {
      expect(raw[y * (size * 4 + 1)]).toBe(0); // filter type None
      for (let x = 0; x < size; x++) {
        const at = y * (size * 4 + 1) + 1 + x * 4;
        alphas.push(raw[at + 3]);
        if (raw[at + 3] === 255 && raw[at] > 230 && raw[at + 1] > 230 && raw[at + 2] > 230) whites.push(at);
      }
    }
    expect(alphas[0]).toBe(0); // corner is transparent
    expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(size * size * 0.4); // the shield
    expect(whites.length).toBeGreaterThan(0); // the check mark
  });
});

describe('scripts/make-icons.mjs', () => {
  it('redraws exactly the committed icons', () => {
    const out = mkdtempSync(join(tmpdir(), 'riskplan-icons-'));
    try {
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-icons.mjs'), out], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      for (const [file] of ICONS) {
        expect(readFileSync(join(out, file)).equals(readFileSync(join(ROOT, 'assets', file)))).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
