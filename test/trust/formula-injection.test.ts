/**
 * Formula injection: text from the user's register that looks like a formula ("=HYPERLINK(...)",
 * "+1+2", "-3", "@SUM(A1)", or hidden behind a leading tab / carriage return) is copied into the
 * generated sheets as plain text in a text-formatted cell, never as a formula.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../src/adapters/xlsx';
import { MARKER_PREFIX } from '../../src/core/grid';
import { generatePlan, generateProgressReport, loadWorkbook } from '../../src/app/workflow';
import { installOfficeStub, type FakeSheet } from '../fakes/excel-fake';
import { AS_OF, bytesOf, fakeFromGrids, gridsOfBytes, loadExcelJs, officePortOn } from './helpers';

const HOSTILE = [
  '=HYPERLINK("http://x","click")',
  '+1+2',
  '-3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  "=cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
];

/** Starts like something a spreadsheet could treat as a formula. */
function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A register and a CAP sheet whose risk, action, owner, ID and status texts are all hostile. */
async function hostileRegister(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet('Risk Register');
  reg.addRow(['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Mitigation Plan', 'Owner', 'Target Date', 'Status']);
  HOSTILE.forEach((text, k) => {
    reg.addRow([
      k % 2 ? text : `R-${k + 1}`,
      `${text}`,
      (k % 5) + 1,
      ((k + 2) % 5) + 1,
      text,
      text,
      new Date(Date.UTC(2026, k % 12, 15)),
      k % 3 === 0 ? text : 'Open',
    ]);
  });
  const cap = wb.addWorksheet('Corrective Action Plan');
  cap.addRow(['Finding', 'Corrective Action', 'Responsible Party', 'Scheduled Completion Date', 'Status']);
  HOSTILE.forEach((text, k) => cap.addRow([text, text, text, new Date(Date.UTC(2026, k % 12, 1)), k % 2 ? text : 'In Progress']));
  return bytesOf(wb);
}

const GENERATED = ['Risk Management Plan', 'CAP Progress Report'];

describe('formula injection (.xlsx file)', () => {
  let saved: Uint8Array;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const port = await openXlsx(await hostileRegister());
    const state = await loadWorkbook(port, { asOf: AS_OF });
    expect(state.read.register).not.toBeNull();
    await generatePlan(port, state);
    await generateProgressReport(port, state);
    saved = await port.save();
    workbook = await loadExcelJs(saved);
  });

  it('writes formula-looking user text as plain strings formatted as text', () => {
    let hostileCells = 0;
    for (const name of GENERATED) {
      const ws = workbook.getWorksheet(name);
      expect(ws).toBeDefined();
      ws!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) {
            hostileCells++;
            expect({ cell: `${name}!${cell.address}`, numFmt: cell.numFmt }).toEqual({ cell: `${name}!${cell.address}`, numFmt: '@' });
          }
        }),
      );
    }
    // The texts really reached the generated sheets, so the check above is not vacuous.
    expect(hostileCells).toBeGreaterThanOrEqual(HOSTILE.length);
  });

  it('every hostile text appears verbatim somewhere in the plan', () => {
    const texts = new Set<string>();
    workbook.getWorksheet('Risk Management Plan')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.add(cell.value);
      }),
    );
    const joined = [...texts].join('\n');
    for (const h of HOSTILE) expect(joined).toContain(h.replace(/^[\t\r]/, ''));
  });

  it('the generated sheets contain no <f> element in the raw sheet XML', async () => {
    const zip = await JSZip.loadAsync(saved);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    for (const name of GENERATED) {
      const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbookXml);
      expect(sheet).not.toBeNull();
      const target =
        new RegExp(`Id="${sheet![1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${sheet![1]}"`).exec(rels);
      expect(target).not.toBeNull();
      const path = `xl/${target![1].replace(/^\/?xl\//, '')}`;
      const xml = await zip.file(path)!.async('string');
      expect(xml.length).toBeGreaterThan(1000);
      expect(xml).not.toMatch(/<f[\s>]/);
    }
  });
});

describe('formula injection (Office.js adapter on the fake Excel)', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = installOfficeStub('1.17');
  });
  afterEach(() => restore());

  it('sets the "@" number format before the values, so hostile text is stored as text', async () => {
    const fake = fakeFromGrids(await gridsOfBytes(await hostileRegister()));
    const port = officePortOn(fake);
    const state = await loadWorkbook(port, { asOf: AS_OF });
    await generatePlan(port, state);
    await generateProgressReport(port, state);

    let hostileCells = 0;
    for (const name of GENERATED) {
      const sheet: FakeSheet = fake.sheet(name);
      expect(String(sheet.value('Z1'))).toContain(MARKER_PREFIX);
      for (const cell of sheet.cells.values()) {
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) {
          hostileCells++;
          // writtenAsText: the format was already "@" when the value arrived (the fake records it).
          expect(cell).toMatchObject({ numberFormat: '@', writtenAsText: true });
        }
      }
    }
    expect(hostileCells).toBeGreaterThanOrEqual(HOSTILE.length);
  });
});
