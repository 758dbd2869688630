#!/usr/bin/env node
/**
 * Renders a workbook the way it prints: LibreOffice converts it to PDF (using the sheets'
 * print setup), pdftoppm turns each page into a PNG. Prints the paths, one a line.
 *   node scripts/render-pdf.mjs OUT.xlsx [outdir]
 * Exit 2 when soffice or pdftoppm is missing (tests skip on that), 1 when a conversion fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const [input, outArg] = process.argv.slice(2);
if (!input) {
  console.error('Usage: node scripts/render-pdf.mjs OUT.xlsx [outdir]');
  process.exit(2);
}
if (!existsSync(input)) {
  console.error(`render-pdf: ${input}: no such file`);
  process.exit(2);
}
const soffice = ['soffice', 'libreoffice'].find(has);
if (!soffice || !has('pdftoppm')) {
  console.error('render-pdf: soffice (LibreOffice) and pdftoppm (poppler) are needed');
  process.exit(2);
}

const outDir = resolve(outArg ?? dirname(input));
mkdirSync(outDir, { recursive: true });
// A private LibreOffice profile: no clash with a running office or another render.
const profile = mkdtempSync(join(tmpdir(), 'riskplan-lo-'));
try {
  const office = spawnSync(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, resolve(input)],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const pdf = join(outDir, `${basename(input, extname(input))}.pdf`);
  if (office.status !== 0 || !existsSync(pdf)) {
    console.error(`render-pdf: LibreOffice could not convert ${input}: ${(office.stderr || office.stdout || '').trim()}`);
    process.exit(1);
  }
  const stem = join(outDir, basename(input, extname(input)));
  const pages = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, stem], { encoding: 'utf8', timeout: 180_000 });
  if (pages.status !== 0) {
    console.error(`render-pdf: pdftoppm failed: ${pages.stderr.trim()}`);
    process.exit(1);
  }
  const prefix = basename(stem);
  const pngs = readdirSync(outDir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(outDir, f));
  console.log(pdf);
  for (const png of pngs) console.log(png);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
