/**
 * The fast save: generated sheets' cells written as XML straight from the spec, and the zip
 * packed with native zlib. It must save exactly what rendering the cells into ExcelJS saves.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MARKER_PREFIX } from '../../core/grid';
import type { SheetSpec } from '../../core/sheetSpec';
import { openXlsx } from './index';
import * as nativeZip from './nativeZip';
import { wrappedLines } from './rowHeights';
import { spliceSheetXml } from './sheetXml';
import { buildSourceWorkbook } from './testWorkbook';

const PLACEMENT = { remove: null, rename: null, name: 'Risk Management Plan' };
const LONG = 'Encrypt every laptop that stores patient records before the end of the quarter, and keep the keys in escrow';

/** A spec with every kind of cell, style and merge the builders use, and some they should not. */
function richSpec(): SheetSpec {
  return {
    kind: 'plan',
    name: 'Risk Management Plan',
    marker: `${MARKER_PREFIX}plan:v7`,
    columns: [{ width: 12 }, { width: 30 }, { width: 14 }, { width: 10 }, { width: 9 }],
    rows: [
      { cells: [{ type: 'text', value: 'Risk Management Plan', style: 'title' }], height: 24 },
      { cells: [{ type: 'text', value: 'Prepared for A & B <Dental> "West"', style: 'note' }] },
      { cells: [] },
      { cells: ['ID', 'Risk', 'Due', 'Done', 'Score'].map((value) => ({ type: 'text' as const, value, style: 'head' })) },
      {
        cells: [
          { type: 'text', value: '=HYPERLINK("http://evil")', style: 'cell' },
          { type: 'text', value: LONG, style: 'wrap' },
          { type: 'date', value: '2026-12-31', style: 'cell' },
          { type: 'percent', value: 0.25, style: 'cell' },
          { type: 'number', value: 20 },
        ],
      },
      {
        cells: [
          { type: 'text', value: '  leading and trailing spaces  ' },
          { type: 'text', value: 'bell\u0007 and tab\t and line\nbreak', style: 'wrap' },
          null,
          { type: 'number', value: -0.5, style: 'cell' },
          { type: 'text', value: '' },
        ],
      },
      { cells: [{ type: 'text', value: 'A section note across the table', style: 'note' }] },
      { cells: [{ type: 'text', value: 'Tall merge', style: 'head' }] },
      { cells: [] },
    ],
    merges: ['A1:E1', 'A2:C2', 'A7:F7', 'A8:A9'],
    styles: {
      title: { bold: true, size: 16, color: '#1F4E79' },
      note: { italic: true, color: '#404040', wrap: true },
      head: { bold: true, fill: '#D9E1F2', border: 'all', wrap: true, hAlign: 'center', vAlign: 'middle' },
      cell: { border: 'all', vAlign: 'top' },
      wrap: { wrap: true, border: 'bottom' },
    },
    freezeRows: 4,
    print: { orientation: 'landscape', fitToWidth: true, titleRows: { first: 4, last: 4 }, area: 'A1:E9', footer: { center: 'Page &P of &N' } },
  };
}

async function loadRaw(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything a reader sees of a sheet: cells (value, type, style, merge), rows, columns, merges, setup. */
function describeSheet(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  // Every cell of small sheets (styled empty cells too); the source's cell at row 1,048,576 is not walked to.
  const includeEmpty = ws.rowCount <= 100 && ws.columnCount <= 60;
  ws.eachRow({ includeEmpty }, (row, r) => {
    out.push({ r, height: row.height });
    row.eachCell({ includeEmpty }, (cell) => out.push([cell.address, cell.type, cell.value, cell.style, cell.isMerged]));
  });
  const model = ws.model as unknown as { merges?: string[] };
  out.push(model.merges, ws.pageSetup, ws.views, ws.headerFooter, ws.columns?.map((c) => [c.width, c.hidden]), String(ws.dimensions));
  return out;
}

/** Saves the source workbook with `spec` written as a generated sheet: pending cells, or rendered ones. */
async function saveWith(spec: SheetSpec, source: Uint8Array, renderFirst: boolean): Promise<Uint8Array> {
  const port = await openXlsx(source);
  await port.writeSheet(spec, PLACEMENT);
  // Reading the sheet back renders its cells into ExcelJS: the slow path, our reference.
  if (renderFirst) await port.readGrids([PLACEMENT.name]);
  return port.save();
}

describe('saving generated sheets from their spec', () => {
  let source: Uint8Array;
  beforeAll(async () => {
    source = await buildSourceWorkbook();
  });

  it('saves the same sheet, cell for cell, as rendering the cells into ExcelJS', async () => {
    const fast = await loadRaw(await saveWith(richSpec(), source, false));
    const slow = await loadRaw(await saveWith(richSpec(), source, true));
    expect(fast.worksheets.map((ws) => ws.name)).toEqual(slow.worksheets.map((ws) => ws.name));
    for (const ws of slow.worksheets) expect(describeSheet(fast.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));

    const plan = fast.getWorksheet(PLACEMENT.name)!;
    expect(plan.getCell('A5').value).toBe('=HYPERLINK("http://evil")');
    expect(plan.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(plan.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(plan.getCell('A2').value).toBe('Prepared for A & B <Dental> "West"');
    expect(plan.getCell('B1').style.font?.bold).toBe(true); // covered cells carry the merge's style
    expect(plan.getCell('Z1').value).toBe(`${MARKER_PREFIX}plan:v7`);
    expect(plan.getRow(5).height).toBeGreaterThan(15); // the long wrapped text got its lines
  });

  it('writes dates for a workbook that counts from 1904 as ExcelJS would', async () => {
    const wb = await loadRaw(source);
    wb.properties.date1904 = true;
    const source1904 = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fast = await loadRaw(await saveWith(richSpec(), source1904, false));
    const slow = await loadRaw(await saveWith(richSpec(), source1904, true));
    expect(fast.getWorksheet(PLACEMENT.name)!.getCell('C5').value).toEqual(slow.getWorksheet(PLACEMENT.name)!.getCell('C5').value);
    expect(fast.getWorksheet(PLACEMENT.name)!.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 11, 31)));
  });

  it('reads a generated sheet back through the port with its cells', async () => {
    const port = await openXlsx(source);
    await port.writeSheet(richSpec(), PLACEMENT);
    const [grid] = await port.readGrids([PLACEMENT.name]);
    expect(grid.values[0][0]).toBe('Risk Management Plan');
    expect(grid.values[4][1]).toBe(LONG);
    expect(grid.marker).toBe(`${MARKER_PREFIX}plan:v7`);
  });

  it('forgets a generated sheet the next placement removes', async () => {
    const port = await openXlsx(source);
    await port.writeSheet(richSpec(), PLACEMENT);
    const second = { ...richSpec(), marker: `${MARKER_PREFIX}plan:v8` };
    await port.writeSheet(second, { remove: PLACEMENT.name, rename: null, name: PLACEMENT.name });
    const wb = await loadRaw(await port.save());
    expect(wb.worksheets.filter((ws) => ws.name === PLACEMENT.name)).toHaveLength(1);
    expect(wb.getWorksheet(PLACEMENT.name)!.getCell('Z1').value).toBe(`${MARKER_PREFIX}plan:v8`);
  });

  it('saves the same workbook twice, and leaves ExcelJS as it found it', async () => {
    const port = await openXlsx(source);
    await port.writeSheet(richSpec(), PLACEMENT);
    const first = await loadRaw(await port.save());
    const second = await loadRaw(await port.save());
    for (const ws of first.worksheets) expect(describeSheet(second.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));
    // The hooks live on the writer only during a save.
    const writer = (port as unknown as { workbook: ExcelJS.Workbook }).workbook.xlsx;
    for (const hooked of ['prepareModel', 'addContentTypes', 'addWorksheets', '_finalize']) {
      expect(Object.prototype.hasOwnProperty.call(writer, hooked)).toBe(false);
    }
  });

  it('packs a zip whose checksums and sizes hold', async () => {
    const bytes = await saveWith(richSpec(), source, false);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const sheet = await zip.file('xl/worksheets/sheet5.xml')!.async('string');
    expect(sheet).toContain('<mergeCell ref="A1:E1"/>');
    expect(sheet).toContain('<dimension ref="A1:Z9"/>');
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']));
  });

  it('still saves through ExcelJS\'s own zip where there is no native zlib (the browser)', async () => {
    const spy = jest.spyOn(nativeZip, 'nativeZlib').mockReturnValue(null);
    try {
      const viaJsZip = await loadRaw(await saveWith(richSpec(), source, false));
      spy.mockRestore();
      const viaZlib = await loadRaw(await saveWith(richSpec(), source, false));
      for (const ws of viaZlib.worksheets) expect(describeSheet(viaJsZip.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));
    } finally {
      spy.mockRestore();
    }
  });

  it('does not add an empty cell to the user\'s sheet when looking for our marker', async () => {
    const port = await openXlsx(source);
    await port.listSheets();
    await port.readGrids();
    const wb = (port as unknown as { workbook: ExcelJS.Workbook }).workbook;
    expect(wb.getWorksheet('Risk Register')!.findCell(1, 26)).toBeUndefined();
  });
});

describe('wrappedLines fast path', () => {
  it('still counts lines of text that fits, and of text that does not', () => {
    expect(wrappedLines('fits', 10)).toBe(1);
    expect(wrappedLines(LONG, 30)).toBeGreaterThan(3);
  });
});

describe('spliceSheetXml', () => {
  const cells = { sheetData: '<sheetData><row r="1"/></sheetData>', mergeCells: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>', dimension: 'A1:B1' };

  it('replaces the cells and the dimension, and puts merges where the schema wants them', () => {
    const frame = '<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="Z1"/></row></sheetData><sheetProtection sheet="1"/><autoFilter ref="A1:B1"><filterColumn colId="0"/></autoFilter><pageMargins left="1"/></worksheet>';
    expect(spliceSheetXml(frame, cells)).toBe(
      '<worksheet><dimension ref="A1:B1"/><sheetData><row r="1"/></sheetData><sheetProtection sheet="1"/><autoFilter ref="A1:B1"><filterColumn colId="0"/></autoFilter><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="1"/></worksheet>',
    );
  });

  it('handles an empty <sheetData/>', () => {
    expect(spliceSheetXml('<worksheet><sheetData/><pageMargins/></worksheet>', cells)).toBe(
      '<worksheet><sheetData><row r="1"/></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins/></worksheet>',
    );
  });
});
