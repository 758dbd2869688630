/**
 * Calibration against real public registers in /work/shared/fixtures/registers (not part of the repo).
 * Skips itself on a clean clone. Prints, per workbook, the chosen sheet, header row, data rows and mapping.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openXlsx } from '../src/adapters/xlsx';
import { readWorkbook } from '../src/core/register';
import type { TableRead, WorkbookRead } from '../src/core/model';

const CANDIDATE_DIRS = process.env.RISKPLAN_CALIBRATION_DIR
  ? [process.env.RISKPLAN_CALIBRATION_DIR]
  : ['/work/shared/fixtures/registers', path.resolve(__dirname, '../../shared/fixtures/registers')];
const dir = CANDIDATE_DIRS.find((d) => fs.existsSync(d));
const files = dir ? fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort() : [];

function describeTable(t: TableRead): string {
  const mapping = Object.values(t.columns)
    .filter((c): c is NonNullable<typeof c> => !!c)
    .sort((a, b) => a.col - b.col)
    .map((c) => `${c.role}=${c.letter}`)
    .join(' ');
  return `  ${t.kind} "${t.sheet}" header row ${t.headerRows.join('+')}, data rows ${t.firstRow}-${t.lastRow}, ${t.entries.length} entries\n    ${mapping}` +
    (t.ambiguities.length ? `\n    ambiguities: ${t.ambiguities.join(' | ')}` : '');
}

export function summarize(file: string, read: WorkbookRead): string {
  const lines = [`${file}`];
  if (read.register) lines.push(describeTable(read.register));
  for (const c of read.caps) lines.push(describeTable(c));
  if (!read.register && read.caps.length === 0) lines.push('  nothing recognized');
  lines.push(`  candidates: ${read.candidates.map((c) => `${c.sheet}=${c.kind}:${c.score}`).join(', ')}`);
  lines.push(`  issues: ${read.issues.length}${read.issues.length ? ' e.g. ' + read.issues.slice(0, 3).map((i) => `${i.cell} ${i.message}`).join(' | ') : ''}`);
  return lines.join('\n');
}

if (files.length === 0) {
  it.skip('calibration workbooks are not available on this machine (no shared/fixtures/registers)', () => {});
} else describe('calibration workbooks (shared, not in repo)', () => {
  const report: string[] = [];
  afterAll(() => {
    if (report.length) console.log(report.join('\n\n'));
  });

  it.each(files)('%s: a register is found and every entry has a description or action', async (file) => {
    const port = await openXlsx(fs.readFileSync(path.join(dir!, file)));
    const read = readWorkbook(await port.readGrids());
    report.push(summarize(file, read));
    expect(read.register).not.toBeNull();
    expect(read.register!.entries.length).toBeGreaterThan(0);
    for (const e of read.register!.entries) expect(e.risk ?? e.action ?? e.threat).not.toBeNull();
  });
});
