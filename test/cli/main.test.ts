/** The runner in-process (main with a fake terminal): progress bar, default date, kept copies. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { openXlsx } from '../../src/adapters/xlsx';
import { analysisJsonSchema } from '../../src/cli/json';
import { main, workbooksIn, type CliIo } from '../../src/cli/main';
import { registerWithCap } from './workbooks';

function fakeIo(isTTY: boolean, today = '2026-11-22') {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), isTTY, today: () => today };
  return { io, out };
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'riskplan-main-'));
  writeFileSync(path.join(dir, 'register.xlsx'), await registerWithCap());
});

it('defaults --as-of to today as the shell gives it', async () => {
  const { io, out } = fakeIo(false, '2027-03-04');
  expect(await main(['analyze', path.join(dir, 'register.xlsx'), '--json'], io)).toBe(0);
  expect(analysisJsonSchema.parse(JSON.parse(out.stdout)).asOf).toBe('2027-03-04');
});

it('draws a progress bar on a terminal and plain lines otherwise', async () => {
  const folder = path.join(dir, 'two');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'a.xlsx'), await registerWithCap());
  writeFileSync(path.join(folder, 'b.xlsx'), await registerWithCap());
  const tty = fakeIo(true);
  expect(await main(['analyze', folder], tty.io)).toBe(0);
  expect(tty.out.stderr).toContain('\r');
  expect(tty.out.stderr).toContain('[####################] 2/2 b.xlsx');
  expect(tty.out.stdout).toContain('2 workbooks, 0 failed.');
  const plain = fakeIo(false);
  expect(await main(['analyze', folder], plain.io)).toBe(0);
  expect(plain.out.stderr).toBe('[1/2] a.xlsx: ok\n[2/2] b.xlsx: ok\n');
});

it('keeps the previous plan as a dated copy with --keep-previous', async () => {
  const file = path.join(dir, 'keep.xlsx');
  writeFileSync(file, await registerWithCap());
  expect(await main(['generate', file, '--in-place', '--plan', '--as-of', '2026-11-01'], fakeIo(false).io)).toBe(0);
  expect(await main(['generate', file, '--in-place', '--plan', '--keep-previous', '--as-of', '2026-11-22'], fakeIo(false).io)).toBe(0);
  const sheets = await (await openXlsx(readFileSync(file))).listSheets();
  const ours = sheets.filter((s) => s.marker);
  expect(ours).toHaveLength(2);
  expect(ours.map((s) => s.name)).toContain('Risk Management Plan');
});

it('reports the register actions as the CAP when there is no CAP sheet', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await registerWithCap()) as unknown as ExcelJS.Buffer);
  wb.removeWorksheet(wb.getWorksheet('Corrective Action Plan')!.id);
  const file = path.join(dir, 'nocap.xlsx');
  writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { io, out } = fakeIo(false);
  expect(await main(['analyze', file, '--json'], io)).toBe(0);
  const json = analysisJsonSchema.parse(JSON.parse(out.stdout));
  expect(json.cap).toMatchObject({ sheet: 'Risk Register', fromRegister: true });
  expect(json.cap?.items.length).toBeGreaterThan(0);
});

it('lists only .xlsx workbooks of a folder, without lock files', async () => {
  const folder = path.join(dir, 'mixed');
  mkdirSync(folder);
  for (const name of ['b.XLSX', 'a.xlsx', '~$a.xlsx', 'c.xls', 'd.csv']) writeFileSync(path.join(folder, name), 'x');
  mkdirSync(path.join(folder, 'sub.xlsx'));
  expect(await workbooksIn(folder)).toEqual(['a.xlsx', 'b.XLSX']);
});
