#!/usr/bin/env node
/**
 * Renders a workbook the way it prints: LibreOffice converts it to PDF (using the sheets'
 * print setup), pdftoppm turns each page into a PNG. Prints the paths, one a line.
 *   node scripts/render-pdf.mjs OUT.xlsx [outdir] [--sheet NAME] [--dpi N]
 * --sheet prints that sheet alone (the others are hidden in a temporary copy), so its footer's
 * "Page X of Y" counts only its own pages, as when Excel prints the active sheet.
 * Exit 2 when soffice or pdftoppm is missing (tests skip on that), 1 when a conversion fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const positional = [];
let onlySheet = null;
let dpi = '60';
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--sheet') onlySheet = process.argv[++i];
  else if (a === '--dpi') dpi = process.argv[++i];
  else positional.push(a);
}
const [input, outArg] = positional;
if (!input || (onlySheet !== null && !onlySheet) || !/^\d+$/.test(dpi)) {
  console.error('Usage: node scripts/render-pdf.mjs OUT.xlsx [outdir] [--sheet NAME] [--dpi N]');
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

/** A copy of the workbook in which only `name` is visible (LibreOffice prints visible sheets only). */
async function copyWithOnlySheet(file, name) {
  const ExcelJS = createRequire(import.meta.url)('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const target = wb.getWorksheet(name);
  if (!target) {
    console.error(`render-pdf: ${file}: no sheet named "${name}"`);
    process.exit(2);
  }
  for (const ws of wb.worksheets) if (ws !== target && ws.state === 'visible') ws.state = 'hidden';
  target.state = 'visible';
  wb.views = [{ activeTab: wb.worksheets.indexOf(target), firstSheet: 0, visibility: 'visible' }];
  const slug = name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  const copy = join(profile, `${basename(file, extname(file))}-${slug}.xlsx`);
  await wb.xlsx.writeFile(copy);
  return copy;
}

try {
  const source = onlySheet ? await copyWithOnlySheet(resolve(input), onlySheet) : resolve(input);
  const office = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      source,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const pdf = join(outDir, `${basename(source, extname(source))}.pdf`);
  if (office.status !== 0 || !existsSync(pdf)) {
    console.error(`render-pdf: LibreOffice could not convert ${input}: ${(office.stderr || office.stdout || '').trim()}`);
    process.exit(1);
  }
  const stem = join(outDir, basename(source, extname(source)));
  const pages = spawnSync('pdftoppm', ['-png', '-r', dpi, pdf, stem], { encoding: 'utf8', timeout: 180_000 });
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
