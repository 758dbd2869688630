/**
 * Highlights as the user meets them: the rules the .xlsx adapter writes for a real register,
 * read back with ExcelJS (bounded ranges, our marker), and, where LibreOffice is installed,
 * printed: the "TBD" owner cell is filled red, and once the user types an owner and the sheet
 * is recalculated, the same cell is no longer red (the rule is live, not a painted cell).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook, highlightGaps } from '../src/app/workflow';
import { HIGHLIGHT_MARKER_TERM } from '../src/core/highlight';
import { parseRangeAddress } from '../src/core/grid';
import { fixtureBytes } from './fixtures/workbooks';

const AS_OF = '2026-02-20';
const ROOT = join(__dirname, '..');

interface CfRule {
  ref: string;
  formula: string;
}

function ourRules(ws: ExcelJS.Worksheet): CfRule[] {
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
  return cfs
    .flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, formula: r.formulae?.[0] ?? '' })))
    .filter((r) => r.formula.includes(HIGHLIGHT_MARKER_TERM));
}

async function highlighted(): Promise<ExcelJS.Workbook> {
  const port = await openXlsx(await fixtureBytes('titleRowsRegister'));
  const state = await loadWorkbook(port, { asOf: AS_OF });
  const result = await highlightGaps(port, state);
  expect(result.skipped).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.save()) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('highlight rules in the saved workbook', () => {
  it('are ours, on bounded ranges inside the register rows, with a live rule on the owner column', async () => {
    const ws = (await highlighted()).getWorksheet('Risk Register')!;
    const rules = ourRules(ws);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      for (const area of rule.ref.split(/\s+/)) {
        const r = parseRangeAddress(area);
        expect(r).not.toBeNull(); // never "J:J" or a whole sheet
        expect(r!.top).toBeGreaterThanOrEqual(6); // data rows 7..14 (0-based 6..13)
        expect(r!.bottom).toBeLessThanOrEqual(13);
      }
    }
    // The owner column (J) carries a formula rule that tests the cell itself, so it clears when filled.
    const owner = rules.find((r) => r.ref.startsWith('J7'));
    expect(owner).toBeDefined();
    expect(owner!.formula).toMatch(/TRIM\(J7\)/);
    // Highlighting changed no value the user typed.
    expect(ws.getCell('J10').value).toBe('TBD');
  });
});

const hasOffice = ['soffice', 'pdftotext', 'pdftoppm'].every(
  (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0,
);
const describePrinted = hasOffice ? describe : describe.skip;

/** The RGB colour just right of `word` on the printed register (inside its cell, clear of the glyphs). */
function fillBehind(pdf: string, word: string, dir: string): [number, number, number] {
  const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const pages = bbox.split('<page ').slice(1);
  const pageIndex = pages.findIndex((p) => p.includes(`>${word}</word>`));
  if (pageIndex < 0) throw new Error(`"${word}" is not on the printed register`);
  const m = new RegExp(`xMin="[\\d.]+" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`).exec(pages[pageIndex])!;
  const [y0, x, y1] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const stem = join(dir, `page-${word.replace(/\W/g, '')}`);
  const page = String(pageIndex + 1);
  spawnSync('pdftoppm', ['-r', '72', '-f', page, '-l', page, '-singlefile', pdf, stem]);
  const ppm = readFileSync(`${stem}.ppm`);
  // "P6\n<w> <h>\n255\n" then RGB triplets.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const offset = header[0].length;
  const px = Math.ceil(x) + 3;
  const py = Math.round((y0 + y1) / 2);
  const i = offset + (py * width + px) * 3;
  return [ppm[i], ppm[i + 1], ppm[i + 2]];
}

function printRegister(xlsx: string, dir: string): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'render-pdf.mjs'), xlsx, dir, '--sheet', 'Risk Register'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.split('\n')[0];
}

const isRed = ([r, g, b]: [number, number, number]) => r > 200 && r - g > 15 && r - b > 10;

describePrinted('highlights printed through LibreOffice', () => {
  it('show the TBD owner in red, and not once an owner is typed and the sheet recalculates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskplan-hl-'));
    try {
      const wb = await highlighted();
      const reg = wb.getWorksheet('Risk Register')!;
      // Print the register landscape on one page wide so the owner column is on the page, with the
      // action column wide enough that its text does not run into the owner cell.
      reg.pageSetup = { ...reg.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
      reg.getColumn('I').width = 90;
      const before = join(dir, 'before.xlsx');
      writeFileSync(before, new Uint8Array(await wb.xlsx.writeBuffer()));
      expect(isRed(fillBehind(printRegister(before, dir), 'TBD', dir))).toBe(true);

      // The user types an owner where "TBD" was; LibreOffice recalculates on load.
      reg.getCell('J10').value = 'Dana';
      const after = join(dir, 'after.xlsx');
      writeFileSync(after, new Uint8Array(await wb.xlsx.writeBuffer()));
      const colour = fillBehind(printRegister(after, dir), 'Dana', dir);
      expect(isRed(colour)).toBe(false);
      expect(colour).toEqual([255, 255, 255]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
