/**
 * The runner as a user runs it: `node bin/riskplan.js ...` in a child process, after the
 * real build (scripts/build-cli.mjs). Exit codes, stdout/stderr separation and files written.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { analysisJsonSchema, batchJsonSchema } from '../../src/cli/json';
import { MARKER_PREFIX } from '../../src/core/grid';
import { encryptedLookalike, registerWithCap, unrelatedWorkbook } from './workbooks';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'riskplan.js');
let dir: string;

function riskplan(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(path.join(tmpdir(), 'riskplan-cli-'));
  writeFileSync(path.join(dir, 'register.xlsx'), await registerWithCap());
  writeFileSync(path.join(dir, 'lunch.xlsx'), await unrelatedWorkbook());
  writeFileSync(path.join(dir, 'random.xlsx'), Buffer.from('definitely not a spreadsheet, just some words'));
  const good = await registerWithCap();
  writeFileSync(path.join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(path.join(dir, 'locked.xlsx'), encryptedLookalike());
});

describe('riskplan analyze', () => {
  it('prints only the JSON contract on stdout with --json', () => {
    const r = riskplan('analyze', 'register.xlsx', '--as-of', '2026-11-22', '--json');
    expect(r.code).toBe(0);
    const json = analysisJsonSchema.parse(JSON.parse(r.stdout));
    expect(json.file).toBe('register.xlsx');
    expect(json.asOf).toBe('2026-11-22');
    expect(json.register).toMatchObject({ sheet: 'Risk Register', headerRow: 2, firstRow: 3, lastRow: 6 });
    expect(json.register?.columns).toMatchObject({ id: 'A', likelihood: 'C', impact: 'D', owner: 'H', dueDate: 'I' });
    expect(json.register?.risks.map((r) => r.id).sort()).toEqual(['R-001', 'R-002', 'R-003', 'R-004']);
    const r002 = json.register?.risks.find((r) => r.id === 'R-002');
    expect(r002?.findings).toContain('missing-owner');
    expect(json.cap?.sheet).toBe('Corrective Action Plan');
    expect(json.cap?.fromRegister).toBe(false);
    expect(json.cap?.items.find((i) => i.id === 'F-1')).toMatchObject({ dueDate: '2026-10-01', completed: false });
    expect(json.cap?.summary.total).toBe(3);
    expect(json.findings.some((f) => f.kind === 'missing-owner' && f.sheet === 'Risk Register' && f.cell === 'H4')).toBe(true);
  });

  it('prints a human summary by default', () => {
    const r = riskplan('analyze', 'register.xlsx', '--as-of', '2026-11-22');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Risk register: sheet "Risk Register", header row 2, rows 3-6, 4 risks.');
    expect(r.stdout).toContain('Findings:');
    expect(r.stderr).toBe('');
  });

  it('honours --matrix', () => {
    const r = riskplan('analyze', 'register.xlsx', '--as-of', '2026-11-22', '--matrix', '3x3', '--json');
    expect(r.code).toBe(0);
    expect(analysisJsonSchema.parse(JSON.parse(r.stdout)).matrix.name).toBe('3x3');
  });

  it.each([
    ['random.xlsx', 'This file is not an Excel workbook (.xlsx).'],
    ['truncated.xlsx', 'damaged'],
    ['locked.xlsx', 'password-protected'],
    ['missing.xlsx', 'No such file'],
    ['lunch.xlsx', 'No risk register or corrective action plan was found'],
  ])('exits 2 with one line naming %s', (file, words) => {
    const r = riskplan('analyze', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain(words);
  });

  it('exits 2 on a usage mistake', () => {
    const r = riskplan('analyze', 'register.xlsx', '--as-of', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YYYY-MM-DD');
  });
});

describe('riskplan generate', () => {
  it('writes a copy holding both generated sheets and leaves the input alone', async () => {
    const before = readFileSync(path.join(dir, 'register.xlsx'));
    const r = riskplan('generate', 'register.xlsx', '-o', 'out.xlsx', '--as-of', '2026-11-22', '--practice', 'Acme Dental');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'register.xlsx')).equals(before)).toBe(true);
    const port = await openXlsx(readFileSync(path.join(dir, 'out.xlsx')));
    const sheets = await port.listSheets();
    const generated = sheets.filter((s) => s.marker?.startsWith(MARKER_PREFIX));
    expect(generated).toHaveLength(2);
    expect(JSON.parse((await port.readStore()) ?? '{}')).toMatchObject({ practiceName: 'Acme Dental', planVersion: 1 });
    // The user's sheets read back the same as in the input.
    const source = await openXlsx(before);
    const names = (await source.listSheets()).map((s) => s.name);
    expect(await port.readGrids(names)).toEqual(await source.readGrids(names));
  });

  it('writes only the plan with --plan, and no highlight rules with --no-highlights', async () => {
    const r = riskplan('generate', 'register.xlsx', '-o', 'plan-only.xlsx', '--as-of', '2026-11-22', '--plan', '--no-highlights');
    expect(r.code).toBe(0);
    const port = await openXlsx(readFileSync(path.join(dir, 'plan-only.xlsx')));
    expect((await port.listSheets()).filter((s) => s.marker)).toHaveLength(1);
    expect(await port.clearHighlights()).toBe(0);
  });

  it('refuses to write over the input without --in-place', () => {
    const r = riskplan('generate', 'register.xlsx', '-o', './register.xlsx', '--as-of', '2026-11-22');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--in-place');
  });

  it('updates the workbook itself with --in-place, replacing its own sheets on a second run', async () => {
    writeFileSync(path.join(dir, 'inplace.xlsx'), await registerWithCap());
    expect(riskplan('generate', 'inplace.xlsx', '--in-place', '--as-of', '2026-11-22').code).toBe(0);
    expect(riskplan('generate', 'inplace.xlsx', '--in-place', '--as-of', '2026-11-23').code).toBe(0);
    const port = await openXlsx(readFileSync(path.join(dir, 'inplace.xlsx')));
    expect((await port.listSheets()).filter((s) => s.marker)).toHaveLength(2);
  });

  it('exits 2 when there is no register', () => {
    const r = riskplan('generate', 'lunch.xlsx', '-o', 'lunch-out.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^riskplan: lunch\.xlsx: .*register/);
    expect(existsSync(path.join(dir, 'lunch-out.xlsx'))).toBe(false);
  });
});

describe('a folder of workbooks', () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, 'batch');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.xlsx'), await registerWithCap());
    writeFileSync(path.join(folder, 'b-corrupt.xlsx'), Buffer.from('PK\u0003\u0004 broken'));
    writeFileSync(path.join(folder, 'c.xlsx'), await registerWithCap());
    writeFileSync(path.join(folder, '~$a.xlsx'), Buffer.from('lock file'));
    writeFileSync(path.join(folder, 'notes.txt'), 'not a workbook');
  });

  it('analyze finishes the others, reports the failure and exits 1', () => {
    const r = riskplan('analyze', 'batch', '--as-of', '2026-11-22', '--json');
    expect(r.code).toBe(1);
    const json = batchJsonSchema.parse(JSON.parse(r.stdout));
    expect(json.map((j) => j.file)).toEqual(['a.xlsx', 'b-corrupt.xlsx', 'c.xlsx']);
    expect(json[1]).toMatchObject({ error: expect.stringContaining('damaged') });
    // Not a TTY: plain progress lines on stderr.
    expect(r.stderr).toContain('[3/3] c.xlsx: ok');
  });

  it('generate writes each workbook into the output folder with a summary table', () => {
    const r = riskplan('generate', 'batch', '-o', 'batch-out', '--as-of', '2026-11-22');
    expect(r.code).toBe(1);
    expect(statSync(path.join(dir, 'batch-out', 'a.xlsx')).size).toBeGreaterThan(0);
    expect(statSync(path.join(dir, 'batch-out', 'c.xlsx')).size).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'batch-out', 'b-corrupt.xlsx'))).toBe(false);
    expect(r.stdout).toMatch(/b-corrupt\.xlsx\s+FAILED/);
    expect(r.stdout).toContain('3 workbooks, 1 failed.');
  });

  it('refuses an output folder equal to the input folder', () => {
    const r = riskplan('generate', 'batch', '-o', 'batch/');
    expect(r.code).toBe(2);
  });
});
