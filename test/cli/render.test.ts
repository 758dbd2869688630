/**
 * scripts/render-pdf.mjs on a workbook the runner generated: the generated sheets print
 * (LibreOffice uses their print setup) and become PNG pages. Skipped without soffice/pdftoppm.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { registerWithCap } from './workbooks';

const root = path.join(__dirname, '..', '..');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = (has('soffice') || has('libreoffice')) && has('pdftoppm') && has('pdftotext');

(canRender ? describe : describe.skip)('render-pdf', () => {
  it('turns a generated workbook into a PDF and PNG pages that show both reports', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
    const dir = mkdtempSync(path.join(tmpdir(), 'riskplan-render-'));
    writeFileSync(path.join(dir, 'register.xlsx'), await registerWithCap());
    execFileSync(
      process.execPath,
      [path.join(root, 'bin', 'riskplan.js'), 'generate', 'register.xlsx', '-o', 'out.xlsx', '--as-of', '2026-11-22'],
      { cwd: dir },
    );
    const printed = execFileSync(process.execPath, [path.join(root, 'scripts', 'render-pdf.mjs'), 'out.xlsx', 'pages'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 180_000,
    });
    const paths = printed.trim().split('\n');
    expect(paths[0]).toBe(path.join(dir, 'pages', 'out.pdf'));
    expect(paths.length).toBeGreaterThan(1);
    for (const p of paths) expect(statSync(p).size).toBeGreaterThan(0);
    expect(paths.slice(1).every((p) => p.endsWith('.png') && existsSync(p))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', paths[0], '-'], { encoding: 'utf8' });
    expect(text).toContain('Risk Management Plan');
    expect(text).toContain('CAP Progress Report');
  });
});

it('render-pdf exits 2 with a message for a missing file', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'render-pdf.mjs'), '/nonexistent/x.xlsx'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('no such file');
});
