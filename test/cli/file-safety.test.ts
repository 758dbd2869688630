/**
 * The runner never writes over its input unless asked, judged by the file's identity; --in-place
 * keeps the file's mode and symlink, and leaves no temporary file behind on failure or a signal;
 * folder runs say what they skip; odd paths get one clean line; printed names are safe.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { createHash } from 'crypto';
import { openXlsx } from '../../src/adapters/xlsx';
import { printable, printableJson, sameFile } from '../../src/cli/files';
import { registerWithCap } from './workbooks';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'riskplan.js');
const AS_OF = '2026-11-22';
let dir: string;
let register: Uint8Array;

function riskplan(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hash = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(dir, file)))
    .digest('hex');
const temps = (folder: string) => readdirSync(path.join(dir, folder)).filter((n) => n.startsWith('.riskplan-'));

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(path.join(tmpdir(), 'riskplan-safety-'));
  register = await registerWithCap();
});

describe('the output is never the input without --in-place', () => {
  it('-o through a symlinked folder names the input: refused, input untouched', () => {
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'reg.xlsx'), register);
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    const before = hash('real/reg.xlsx');
    const r = riskplan('generate', 'real/reg.xlsx', '-o', 'alias/reg.xlsx', '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the input workbook');
    expect(hash('real/reg.xlsx')).toBe(before);
  });

  it('a hard link to the input is the input too', () => {
    writeFileSync(path.join(dir, 'linked.xlsx'), register);
    execFileSync('ln', [path.join(dir, 'linked.xlsx'), path.join(dir, 'hard.xlsx')]);
    const r = riskplan('generate', 'linked.xlsx', '-o', 'hard.xlsx', '--as-of', AS_OF);
    expect(r.code).toBe(2);
  });

  it('a folder run into a symlink of its own folder: refused before anything is written', () => {
    mkdirSync(path.join(dir, 'batch'));
    writeFileSync(path.join(dir, 'batch', 'a.xlsx'), register);
    symlinkSync(path.join(dir, 'batch'), path.join(dir, 'batch-alias'));
    const before = hash('batch/a.xlsx');
    const r = riskplan('generate', 'batch', '-o', 'batch-alias', '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the input folder');
    expect(hash('batch/a.xlsx')).toBe(before);
  });

  it('sameFile compares identities, and real paths for files not written yet', async () => {
    expect(await sameFile(path.join(dir, 'alias', 'reg.xlsx'), path.join(dir, 'real', 'reg.xlsx'))).toBe(true);
    expect(await sameFile(path.join(dir, 'alias', 'new.xlsx'), path.join(dir, 'real', 'new.xlsx'))).toBe(true);
    expect(await sameFile(path.join(dir, 'real', 'new.xlsx'), path.join(dir, 'real', 'reg.xlsx'))).toBe(false);
  });
});

describe('--in-place', () => {
  it('keeps a 0600 workbook 0600', async () => {
    writeFileSync(path.join(dir, 'private.xlsx'), register);
    chmodSync(path.join(dir, 'private.xlsx'), 0o600);
    expect(riskplan('generate', 'private.xlsx', '--in-place', '--as-of', AS_OF).code).toBe(0);
    expect(statSync(path.join(dir, 'private.xlsx')).mode & 0o777).toBe(0o600);
    expect((await (await openXlsx(readFileSync(path.join(dir, 'private.xlsx')))).listSheets()).some((s) => s.marker)).toBe(true);
  });

  it("replaces a symlink's target and keeps the link", async () => {
    mkdirSync(path.join(dir, 'store'));
    writeFileSync(path.join(dir, 'store', 'target.xlsx'), register);
    symlinkSync(path.join(dir, 'store', 'target.xlsx'), path.join(dir, 'link.xlsx'));
    expect(riskplan('generate', 'link.xlsx', '--in-place', '--as-of', AS_OF).code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect((await (await openXlsx(readFileSync(path.join(dir, 'store', 'target.xlsx')))).listSheets()).some((s) => s.marker)).toBe(true);
    expect(temps('store')).toEqual([]);
  });

  it('leaves no temporary file, and the original as it was, when the write fails', () => {
    mkdirSync(path.join(dir, 'fail'));
    writeFileSync(path.join(dir, 'fail', 'in.xlsx'), register);
    const before = hash('fail/in.xlsx');
    // A file-size limit of 4 KB: writing the result fails with EFBIG half way.
    const r = spawnSync(
      'sh',
      ['-c', `ulimit -f 4; exec "${process.execPath}" "${bin}" generate fail/in.xlsx --in-place --as-of ${AS_OF}`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('could not be written');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(temps('fail')).toEqual([]);
    expect(hash('fail/in.xlsx')).toBe(before);
  });

  it('removes its temporary file when interrupted (SIGINT while writing)', async () => {
    mkdirSync(path.join(dir, 'signal'));
    writeFileSync(path.join(dir, 'signal', 'book.xlsx'), 'original');
    // A small program that writes 64 MB through writeAtomically and interrupts itself as soon as
    // the temporary file exists, bundled the way the runner is.
    const script = path.join(dir, 'interrupt.ts');
    writeFileSync(
      script,
      `import { readdirSync } from 'fs';
import { writeAtomically } from ${JSON.stringify(path.join(root, 'src', 'cli', 'files'))};
const folder = process.argv[2];
const timer = setInterval(() => {
  if (readdirSync(folder).some((n) => n.startsWith('.riskplan-'))) { clearInterval(timer); process.kill(process.pid, 'SIGINT'); }
}, 0);
writeAtomically(folder + '/book.xlsx', new Uint8Array(64 * 1024 * 1024)).then(() => { clearInterval(timer); console.log('finished'); });
`,
    );
    const bundle = path.join(dir, 'interrupt.js');
    execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), [
      script,
      '--bundle',
      '--platform=node',
      `--outfile=${bundle}`,
      '--log-level=warning',
    ]);
    const child = spawn(process.execPath, [bundle, path.join(dir, 'signal')], { stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    if (signal === null) {
      // The write won the race (a very fast disk): then it must have finished cleanly.
      expect(out).toContain('finished');
    } else {
      expect(signal).toBe('SIGINT');
      expect(readFileSync(path.join(dir, 'signal', 'book.xlsx'), 'utf8')).toBe('original');
    }
    expect(temps('signal')).toEqual([]);
  }, 30_000);
});

describe('odd paths and names get one clean line', () => {
  it('a FIFO is refused at once instead of blocking', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.xlsx')]);
    const r = riskplan('analyze', 'pipe.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not a regular file');
  });

  it('a device path is refused', () => {
    const r = riskplan('analyze', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a name longer than the system allows', () => {
    const r = riskplan('analyze', `${'x'.repeat(300)}.xlsx`);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('longer than the system allows');
  });

  it('a long output name still gets its temporary file (the temp name is short)', () => {
    writeFileSync(path.join(dir, 'short.xlsx'), register);
    const long = `${'y'.repeat(250)}.xlsx`;
    expect(riskplan('generate', 'short.xlsx', '-o', long, '--as-of', AS_OF).code).toBe(0);
    expect(existsSync(path.join(dir, long))).toBe(true);
  });

  it('control characters and bidi overrides in a file name are not printed', () => {
    const name = 'evil\u001b[2J\u202Egpj.xlsx';
    writeFileSync(path.join(dir, name), 'not a workbook');
    const r = riskplan('analyze', name);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\u001b\u202E]/);
    expect(r.stderr).toContain('evil[2Jgpj.xlsx');
  });

  it('printable and printableJson', () => {
    expect(printable('a\u0007b\u202Ec\u2066d\ne\tf\u009B')).toBe('abcd\ne\tf');
    const json = printableJson(JSON.stringify({ name: 'x\u202Ey' }));
    expect(json).toBe('{"name":"x\\u202ey"}');
    expect(JSON.parse(json).name).toBe('x\u202Ey');
  });
});

describe('folder runs never skip silently', () => {
  it('follows symlinked workbooks, takes .xlsm, and names each look-alike it skips', () => {
    const folder = path.join(dir, 'mixed');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.xlsx'), register);
    writeFileSync(path.join(folder, 'b.xlsm'), register);
    symlinkSync(path.join(folder, 'a.xlsx'), path.join(folder, 'c-link.xlsx'));
    writeFileSync(path.join(folder, '~$a.xlsx'), 'lock');
    mkdirSync(path.join(folder, 'd.xlsx'));
    execFileSync('mkfifo', [path.join(folder, 'e.xlsx')]);
    symlinkSync(path.join(folder, 'missing.xlsx'), path.join(folder, 'f.xlsx'));
    const r = riskplan('analyze', 'mixed', '--as-of', AS_OF);
    expect(r.stdout).toContain('3 workbooks, 0 failed.');
    for (const [name, why] of [
      ['~$a.xlsx', 'lock file'],
      ['d.xlsx', 'a folder'],
      ['e.xlsx', 'not a regular file'],
      ['f.xlsx', 'leads nowhere'],
    ]) {
      expect(r.stderr).toMatch(new RegExp(`${name.replace(/[$.]/g, '\\$&')}: skipped: [^\\n]*${why}`));
    }
    expect(realpathSync(folder)).toBeTruthy();
  });
});

describe('macro workbooks', () => {
  async function macroWorkbook(): Promise<Uint8Array> {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(register);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file(
      '[Content_Types].xml',
      types
        .replace(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        )
        .replace('</Types>', '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('an .xlsm stays an .xlsm with its VBA project; an .xlsx name for it is refused in one line', async () => {
    writeFileSync(path.join(dir, 'macros.xlsm'), await macroWorkbook());
    const refused = riskplan('generate', 'macros.xlsm', '-o', 'macros-out.xlsx', '--as-of', AS_OF);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('must be an .xlsm file');
    expect(existsSync(path.join(dir, 'macros-out.xlsx'))).toBe(false);
    expect(riskplan('generate', 'macros.xlsm', '--in-place', '--as-of', AS_OF).code).toBe(0);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'macros.xlsm')));
    expect(Array.from(await zip.file('xl/vbaProject.bin')!.async('uint8array'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('macroEnabled.main+xml');
    expect((await (await openXlsx(readFileSync(path.join(dir, 'macros.xlsm')))).listSheets()).some((s) => s.marker)).toBe(true);
  });
});
