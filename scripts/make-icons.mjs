#!/usr/bin/env node
/**
 * Draws the Risk Plan icon (a shield with a check mark) and writes it as real PNG files.
 *
 * No image library is installed, so the PNG is encoded by hand: signature, IHDR, one IDAT
 * (zlib-deflated scanlines, filter 0) and IEND, each chunk with its CRC-32. Drawing is done in
 * unit coordinates and supersampled, so every size is anti-aliased and the output is
 * deterministic (same bytes on every run and every machine): the committed PNGs can be checked
 * against a fresh run.
 *
 * Usage: node scripts/make-icons.mjs [outputDir]   (default: assets/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** Sizes Office asks for: 16/32/80 ribbon button, 32 IconUrl, 64 HighResolutionIconUrl. */
export const ICON_SIZES = [16, 32, 64, 80];
/** A larger copy for the README and the task pane header. */
export const LOGO = { file: 'logo-filled.png', size: 128 };

const SHIELD_RGB = [0x1f, 0x5c, 0x99]; // dark blue: reads on both light and dark ribbons
const RIM_RGB = [0x14, 0x3d, 0x66];
const CHECK_RGB = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

/** Half the shield's width at height y (unit square, y down); 0 outside the shield. */
function shieldHalfWidth(y) {
  const top = 0.08;
  const shoulder = 0.5; // straight sides down to here, then a curve to the point
  const tip = 0.96;
  const half = 0.4;
  if (y < top || y > tip) return 0;
  if (y <= shoulder) return half;
  const t = (y - shoulder) / (tip - shoulder);
  return half * Math.sqrt(Math.max(0, 1 - t * t * t));
}

function insideShield(x, y, inset) {
  const half = shieldHalfWidth(y) - inset;
  return y >= 0.08 + inset && y <= 0.96 - inset * 1.6 && Math.abs(x - 0.5) <= half;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK_POINTS = [
  [0.3, 0.5],
  [0.45, 0.66],
  [0.71, 0.34],
];

function onCheck(x, y, size) {
  // Thicker at small sizes so the mark survives at 16 px.
  const halfStroke = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  return (
    distanceToSegment(x, y, CHECK_POINTS[0], CHECK_POINTS[1]) <= halfStroke ||
    distanceToSegment(x, y, CHECK_POINTS[1], CHECK_POINTS[2]) <= halfStroke
  );
}

/** The colour of one sample point, or null when it is background (transparent). */
function sampleColor(x, y, size) {
  if (!insideShield(x, y, 0)) return null;
  const rim = Math.max(1 / size, 0.045);
  if (!insideShield(x, y, rim)) return RIM_RGB;
  return onCheck(x, y, size) ? CHECK_RGB : SHIELD_RGB;
}

/** Renders the icon as straight (non-premultiplied) RGBA, row by row. */
export function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const color = sampleColor((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((255 * covered) / samples);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42). */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const scanlines = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    scanlines[y * (stride + 1)] = 0; // filter type None for each row
    rgba.copy(scanlines, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes icon-16/32/64/80.png and logo-filled.png into outputDir; returns the paths written. */
export function writeIcons(outputDir) {
  mkdirSync(outputDir, { recursive: true });
  const targets = [...ICON_SIZES.map((size) => ({ file: `icon-${size}.png`, size })), LOGO];
  return targets.map(({ file, size }) => {
    const path = join(outputDir, file);
    writeFileSync(path, encodePng(size, size, renderIcon(size)));
    return path;
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const outputDir = resolve(process.argv[2] ?? join(root, 'assets'));
  for (const path of writeIcons(outputDir)) console.log(`wrote ${path}`);
}
