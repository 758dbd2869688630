/**
 * Hostile or broken inputs, through openXlsx and through the runner (`node bin/riskplan.js`):
 * each gives a clear error or a correct result, never a crash, and the input file is left
 * byte-identical.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx, WorkbookOpenError } from '../../src/adapters/xlsx';
import { MAX_READ_BYTES } from '../../src/adapters/xlsx/open';
import { MAX_CELL_CHARS } from '../../src/core/grid';
import { generatePlan, generateProgressReport, highlightGaps, loadWorkbook } from '../../src/app/workflow';
import { installOfficeStub } from '../fakes/excel-fake';
import { FIXTURES, fixtureBytes } from '../fixtures/workbooks';
import {
  AS_OF,
  bytesOf,
  diffSheet,
  fakeFromGrids,
  fakeSheetContent,
  gridsOfBytes,
  loadExcelJs,
  officePortOn,
  recordSheets,
  runWholeWorkflow,
  sha256,
} from './helpers';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'riskplan.js');
/** Past Excel's 32,767 characters a cell, three times over: the smallest text that must be cut. */
const HUGE_CELL_CHARS = 3 * MAX_CELL_CHARS;
let dir: string;

function riskplan(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, bytes: Uint8Array): string {
  writeFileSync(path.join(dir, name), bytes);
  return sha256(readFileSync(path.join(dir, name)));
}

function hashOf(name: string): string {
  return sha256(readFileSync(path.join(dir, name)));
}

/** Runs openXlsx on a copy of the bytes and checks the bytes were not touched. */
async function openUntouched(bytes: Uint8Array): Promise<unknown> {
  const before = sha256(bytes);
  try {
    return await openXlsx(bytes);
  } catch (error) {
    return error;
  } finally {
    expect(sha256(bytes)).toBe(before);
  }
}

// ---------------------------------------------------------------- crafted files

/**
 * A minimal, well-formed Compound File (CFB v3, 512-byte sectors) holding the two streams of an
 * Office-encrypted package, "EncryptionInfo" and "EncryptedPackage" (both empty): what Excel
 * saves when a workbook has an open password.
 */
function encryptedWorkbook(): Uint8Array {
  const SECTOR = 512;
  const buf = Buffer.alloc(SECTOR * 3, 0);
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  // Header
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3
  buf.writeUInt16LE(0xfffe, 28); // byte order
  buf.writeUInt16LE(9, 30); // sector shift: 512
  buf.writeUInt16LE(6, 32); // mini sector shift: 64
  buf.writeUInt32LE(1, 44); // FAT sectors
  buf.writeUInt32LE(1, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(END, 60); // first mini FAT sector
  buf.writeUInt32LE(0, 64); // mini FAT sectors
  buf.writeUInt32LE(END, 68); // first DIFAT sector
  buf.writeUInt32LE(0, 72); // DIFAT sectors
  buf.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(FREE, 76 + i * 4);
  // Sector 0 (file offset 512): the FAT
  const fat = SECTOR;
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(FREE, fat + i * 4);
  buf.writeUInt32LE(FATSECT, fat);
  buf.writeUInt32LE(END, fat + 4);
  // Sector 1 (file offset 1024): the directory
  const entry = (index: number, name: string, type: number, left: number, right: number, child: number) => {
    const at = SECTOR * 2 + index * 128;
    Buffer.from(`${name}\u0000`, 'utf16le').copy(buf, at);
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf.writeUInt8(type, at + 66);
    buf.writeUInt8(1, at + 67); // black
    buf.writeUInt32LE(left, at + 68);
    buf.writeUInt32LE(right, at + 72);
    buf.writeUInt32LE(child, at + 76);
    buf.writeUInt32LE(END, at + 116); // start sector (empty stream)
    buf.writeUInt32LE(0, at + 120); // size
  };
  entry(0, 'Root Entry', 5, FREE, FREE, 1);
  entry(1, 'EncryptionInfo', 2, FREE, 2, FREE);
  entry(2, 'EncryptedPackage', 2, FREE, FREE, FREE);
  for (let i = 3; i < 4; i++) {
    const at = SECTOR * 2 + i * 128;
    buf.writeUInt32LE(FREE, at + 68);
    buf.writeUInt32LE(FREE, at + 72);
    buf.writeUInt32LE(FREE, at + 76);
  }
  return new Uint8Array(buf);
}

async function zipThatIsNotAWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('notes.txt', 'Minutes of the security committee, nothing tabular.');
  zip.file('photos/front-desk.jpg', Buffer.alloc(2048, 7));
  return zip.generateAsync({ type: 'uint8array' });
}

async function hugeStringRegister(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.addRow(['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Plan', 'Owner', 'Target Date', 'Status']);
  ws.addRow([
    'R-1',
    `Laptops ${'x'.repeat(HUGE_CELL_CHARS)}`,
    4,
    5,
    'Encrypt all laptops with BitLocker',
    'IT Vendor',
    new Date(Date.UTC(2026, 1, 1)),
    'Open',
  ]);
  ws.addRow([
    'R-2',
    'Phishing leads to mailbox compromise',
    3,
    4,
    'Enable MFA for all Microsoft 365 accounts',
    'Security Officer',
    new Date(Date.UTC(2026, 5, 1)),
    'Open',
  ]);
  return bytesOf(wb);
}

/**
 * A register whose sheet part inflates to just past the read limit (MAX_READ_BYTES, about a million
 * filled rows): blank space between two XML elements pads it, so it compresses to almost nothing and
 * takes seconds to build instead of writing a million rows.
 */
async function overLimitFile(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fixtureBytes('titleRowsRegister'));
  const sheet = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))!;
  const xml = await zip.file(sheet)!.async('string');
  const padded = xml.replace('<sheetData', `${' '.repeat(MAX_READ_BYTES + 1 - Buffer.byteLength(xml))}<sheetData`);
  expect(Buffer.byteLength(padded)).toBe(MAX_READ_BYTES + 1);
  zip.file(sheet, padded);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A register on a sheet whose name uses all 31 characters, next to user sheets that take our names. */
async function longNamesAndLookalikes(): Promise<Uint8Array> {
  const wb = FIXTURES.titleRowsRegister();
  wb.getWorksheet('Risk Register')!.name = 'Risk Register FY2026 - Clinic A';
  wb.addWorksheet('Risk Management Plan').getCell('A1').value = 'Our own notes';
  wb.addWorksheet('Risk Management Plan (2)').getCell('A1').value = 'More notes';
  wb.addWorksheet('risk management plan (3)').getCell('A1').value = 'Lower-case notes';
  wb.addWorksheet('CAP Progress Report').getCell('A1').value = 'Board summary';
  wb.addWorksheet(`Plan ${AS_OF}`).getCell('A1').value = 'Not ours';
  wb.addWorksheet('ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234').getCell('A1').value = 31;
  return bytesOf(wb);
}

async function protectedRegister(): Promise<Uint8Array> {
  const wb = FIXTURES.multiSheetWorkbook();
  await wb.getWorksheet('Risk Register')!.protect('secret', { selectLockedCells: true });
  return bytesOf(wb);
}

function expectValidDistinctNames(names: string[]): void {
  for (const n of names) {
    expect(n.length).toBeGreaterThan(0);
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[:\\/?*[\]]/);
    expect(n).not.toMatch(/^'|'$/);
    expect(n.toLowerCase()).not.toBe('history');
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(path.join(tmpdir(), 'riskplan-trust-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('files that are not a readable workbook', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, WorkbookOpenError['reason']][] = [
    ['a zip that is not a workbook', zipThatIsNotAWorkbook, 'not-a-workbook'],
    ['a truncated workbook', async () => (await fixtureBytes('titleRowsRegister')).subarray(0, 3000), 'corrupt'],
    ['an encrypted workbook (CFB with EncryptionInfo)', encryptedWorkbook, 'encrypted'],
    ['an old .xls (CFB without EncryptionInfo)', () => encryptedWorkbook().map((b, i) => (i >= 1152 && i < 1152 + 28 ? 0 : b)), 'old-xls'],
    ['plain text', () => new TextEncoder().encode('Risk ID,Risk\nR-1,Laptops\n'), 'not-a-workbook'],
    ['an empty file', () => new Uint8Array(0), 'not-a-workbook'],
  ];

  it.each(cases)('%s: openXlsx throws a WorkbookOpenError with a plain sentence', async (_label, make, reason) => {
    const err = await openUntouched(await make());
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as WorkbookOpenError).reason).toBe(reason);
    expect((err as WorkbookOpenError).message).toMatch(/^[A-Z][^\n]+\.$/);
  });

  it.each(cases)('%s: the runner exits 2 with one line naming the file, and leaves it untouched', async (label, make) => {
    const name = `${label.replace(/[^a-z]+/gi, '-')}.xlsx`;
    const before = write(name, await make());
    for (const args of [
      ['analyze', name, '--json'],
      ['generate', name, '-o', 'out.xlsx', '--as-of', AS_OF],
    ]) {
      const r = riskplan(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(name);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+|TypeError|RangeError/);
    }
    expect(hashOf(name)).toBe(before);
  });
});

describe('very large inputs', () => {
  it('a sheet just past the read limit (about a million rows): a clear "too large" error at once, from openXlsx and from the runner', async () => {
    const file = path.join(dir, 'million.xlsx');
    await overLimitFile(file);
    const before = hashOf('million.xlsx');
    const err = await openUntouched(readFileSync(file));
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as WorkbookOpenError).reason).toBe('too-large');
    const r = riskplan('generate', 'million.xlsx', '-o', 'million-out.xlsx', '--as-of', AS_OF);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/million\.xlsx: This workbook is too large/);
    expect(hashOf('million.xlsx')).toBe(before);
  }, 60_000);

  it("a cell three times longer than Excel allows: reported as an issue; generated cells stay within Excel's 32,767-character limit", async () => {
    const bytes = await hugeStringRegister();
    const before = write('huge-string.xlsx', bytes);

    const port = (await openUntouched(bytes)) as Awaited<ReturnType<typeof openXlsx>>;
    const state = await loadWorkbook(port, { asOf: AS_OF });
    const issue = state.read.issues.find((i) => i.sheet === 'Risk Register' && i.cell === 'B2');
    expect(issue?.message).toMatch(/32,767/);
    await generatePlan(port, state);
    await generateProgressReport(port, state);
    const saved = await loadExcelJs(await port.save());
    for (const name of ['Risk Management Plan', 'CAP Progress Report']) {
      let longest = 0;
      saved.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') longest = Math.max(longest, cell.value.length);
        }),
      );
      expect(longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(longest).toBeGreaterThan(30_000); // the long text is there, cut, not dropped
    }

    const r = riskplan('generate', 'huge-string.xlsx', '-o', 'huge-out.xlsx', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(hashOf('huge-string.xlsx')).toBe(before);
  }, 60_000);
});

describe('sheet names', () => {
  it('31-character names and user sheets named like ours: generated names are valid and never collide', async () => {
    const bytes = await longNamesAndLookalikes();
    const before = write('names.xlsx', bytes);
    const userSheets = recordSheets(await loadExcelJs(bytes));

    const port = (await openUntouched(bytes)) as Awaited<ReturnType<typeof openXlsx>>;
    expect(await runWholeWorkflow(port)).toEqual([]);
    const saved = await loadExcelJs(await port.save());
    const names = saved.worksheets.map((ws) => ws.name);
    expectValidDistinctNames(names);
    expect(names).toEqual(expect.arrayContaining(['Risk Management Plan (4)', 'CAP Progress Report (2)']));
    const after = recordSheets(saved);
    for (const [name, sheet] of userSheets) expect(diffSheet(name, sheet, after.get(name))).toEqual([]);

    const r = riskplan('generate', 'names.xlsx', '-o', 'names-out.xlsx', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(hashOf('names.xlsx')).toBe(before);
    expectValidDistinctNames((await loadExcelJs(readFileSync(path.join(dir, 'names-out.xlsx')))).worksheets.map((ws) => ws.name));
  });

  it('the same through the Office.js adapter (the fake rejects invalid or duplicate names like Excel)', async () => {
    const restore = installOfficeStub('1.17');
    try {
      const fake = fakeFromGrids(await gridsOfBytes(await longNamesAndLookalikes()));
      expect(await runWholeWorkflow(officePortOn(fake))).toEqual([]);
      expectValidDistinctNames(fake.sheets.map((s) => s.name));
      expect(fake.sheets.map((s) => s.name)).toContain('Risk Management Plan (4)');
    } finally {
      restore();
    }
  });
});

describe('a protected register sheet', () => {
  it('highlights are skipped with a sentence naming the sheet; nothing else changes; generation works', async () => {
    const bytes = await protectedRegister();
    const before = write('protected.xlsx', bytes);
    const userSheets = recordSheets(await loadExcelJs(bytes));

    const port = (await openUntouched(bytes)) as Awaited<ReturnType<typeof openXlsx>>;
    const state = await loadWorkbook(port, { asOf: AS_OF });
    expect(state.read.register?.sheet).toBe('Risk Register');
    const result = await highlightGaps(port, state);
    expect(result.skipped).toEqual([
      expect.objectContaining({ sheet: 'Risk Register', reason: expect.stringMatching(/"Risk Register" is protected/) }),
    ]);
    await expect(generatePlan(port, state)).resolves.toMatchObject({ sheet: 'Risk Management Plan' });
    await generateProgressReport(port, state);
    const saved = await loadExcelJs(await port.save());
    const after = recordSheets(saved);
    for (const [name, sheet] of userSheets) expect(diffSheet(name, sheet, after.get(name))).toEqual([]);
    const ws = saved.getWorksheet('Risk Register') as unknown as {
      sheetProtection?: { sheet?: boolean };
      conditionalFormattings?: unknown[];
    };
    expect(ws.sheetProtection?.sheet).toBe(true);
    expect(ws.conditionalFormattings ?? []).toEqual([]);

    const r = riskplan('generate', 'protected.xlsx', '-o', 'protected-out.xlsx', '--as-of', AS_OF);
    expect(r.code).toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toMatch(/The sheet "Risk Register" is protected/);
    expect(hashOf('protected.xlsx')).toBe(before);
  });

  it('the same through the Office.js adapter: the protected sheet is reported and left exactly as it was', async () => {
    const restore = installOfficeStub('1.17');
    try {
      const fake = fakeFromGrids(await gridsOfBytes(await protectedRegister()));
      expect(fake.sheet('Risk Register').protected).toBe(true);
      const before = fakeSheetContent(fake, 'Risk Register');
      const port = officePortOn(fake);
      const state = await loadWorkbook(port, { asOf: AS_OF });
      const result = await highlightGaps(port, state);
      expect(result.skipped.map((s) => s.sheet)).toContain('Risk Register');
      expect(result.skipped.find((s) => s.sheet === 'Risk Register')?.reason).toMatch(/Risk Register/);
      await generatePlan(port, state);
      expect(fakeSheetContent(fake, 'Risk Register')).toEqual(before);
      expect(fake.sheet('Risk Register').conditionalFormats).toEqual([]);
    } finally {
      restore();
    }
  });
});
