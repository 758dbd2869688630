/**
 * The patching save: generated sheets written as XML straight from their spec into new parts,
 * read back by ExcelJS (an independent reader) as the cells, styles, merges and setup the spec says;
 * the zip's checksums hold, and the browser's compression streams give the same workbook as zlib.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MARKER_PREFIX } from '../../core/grid';
import type { SheetSpec } from '../../core/sheetSpec';
import { openXlsx } from './index';
import { browserCodecForTests } from './codec';
import { wrappedLines } from './rowHeights';
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
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { first: 4, last: 4 },
      area: 'A1:E9',
      footer: { center: 'Page &P of &N' },
    },
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
  const includeEmpty = ws.rowCount <= 100 && ws.columnCount <= 60;
  ws.eachRow({ includeEmpty }, (row, r) => {
    out.push({ r, height: row.height });
    row.eachCell({ includeEmpty }, (cell) => out.push([cell.address, cell.type, cell.value, cell.style, cell.isMerged]));
  });
  const model = ws.model as unknown as { merges?: string[] };
  out.push(
    model.merges,
    ws.pageSetup,
    ws.views,
    ws.headerFooter,
    ws.columns?.map((c) => [c.width, c.hidden]),
    String(ws.dimensions),
  );
  return out;
}

async function saveWith(spec: SheetSpec, source: Uint8Array): Promise<Uint8Array> {
  const port = await openXlsx(source);
  await port.writeSheet(spec, PLACEMENT);
  return port.save();
}

describe('saving generated sheets from their spec', () => {
  let source: Uint8Array;
  beforeAll(async () => {
    source = await buildSourceWorkbook();
  });

  it('writes every cell as the spec says: text as text, dates as dates, styles, merges, heights, the marker', async () => {
    const wb = await loadRaw(await saveWith(richSpec(), source));
    const plan = wb.getWorksheet(PLACEMENT.name)!;
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Risk Register', 'CAP', 'Lookups', 'Empty', PLACEMENT.name]);
    expect(plan.getCell('A5').value).toBe('=HYPERLINK("http://evil")');
    expect(plan.getCell('A5').type).toBe(ExcelJS.ValueType.String);
    expect(plan.getCell('A5').numFmt).toBe('@');
    expect(plan.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(plan.getCell('C5').numFmt).toBe('yyyy-mm-dd');
    expect(plan.getCell('D5').numFmt).toBe('0%');
    expect(plan.getCell('E5').value).toBe(20);
    expect(plan.getCell('A2').value).toBe('Prepared for A & B <Dental> "West"');
    expect(plan.getCell('B6').value).toBe('bell and tab\t and line\nbreak'); // XML cannot hold the bell
    expect(plan.getCell('A6').value).toBe('  leading and trailing spaces  ');
    expect(plan.getCell('A1').font).toMatchObject({ bold: true, size: 16, color: { argb: 'FF1F4E79' } });
    expect(plan.getCell('A4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(plan.getCell('A4').alignment).toMatchObject({ wrapText: true, horizontal: 'center', vertical: 'middle' });
    expect(plan.getCell('A4').border.top?.style).toBe('thin');
    expect(plan.getCell('B5').border.bottom?.style).toBe('thin');
    expect(plan.getCell('B5').border.top).toBeUndefined();
    expect(plan.getCell('B1').style.font?.bold).toBe(true); // covered cells carry the merge's style
    expect(plan.getCell('Z1').value).toBe(`${MARKER_PREFIX}plan:v7`);
    expect(plan.getColumn(26).hidden).toBe(true);
    expect(plan.getColumn(2).width).toBe(30);
    expect(plan.getRow(1).height).toBe(24);
    expect(plan.getRow(5).height).toBeGreaterThan(15); // the long wrapped text got its lines
    expect((plan.model as unknown as { merges: string[] }).merges.sort()).toEqual(['A1:E1', 'A2:C2', 'A7:F7', 'A8:A9']);
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(plan.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:E9',
      printTitlesRow: '4:4',
    });
    expect(plan.headerFooter.oddFooter).toBe('&CPage &P of &N');
  });

  it('writes dates for a workbook that counts from 1904 so they show the same day', async () => {
    const wb = await loadRaw(source);
    wb.properties.date1904 = true;
    const source1904 = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const saved = await loadRaw(await saveWith(richSpec(), source1904));
    expect(saved.getWorksheet(PLACEMENT.name)!.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    const reread = await (await openXlsx(await saveWith(richSpec(), source1904))).readGrids([PLACEMENT.name]);
    expect(reread[0].values[4][2]).toBe(46387); // 2026-12-31 in the 1900 system the core counts in
  });

  it('reads a generated sheet back through the port with its cells, before and after the save', async () => {
    const port = await openXlsx(source);
    await port.writeSheet(richSpec(), PLACEMENT);
    const [grid] = await port.readGrids([PLACEMENT.name]);
    expect(grid.values[0][0]).toBe('Risk Management Plan');
    expect(grid.values[4][1]).toBe(LONG);
    expect(grid.marker).toBe(`${MARKER_PREFIX}plan:v7`);
    const [saved] = await (await openXlsx(await port.save())).readGrids([PLACEMENT.name]);
    expect(saved.values[4][1]).toBe(LONG);
    expect(saved.values[4][2]).toBe(grid.values[4][2]);
    expect(saved.marker).toBe(grid.marker);
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

  it('replaces a generated sheet saved earlier: the old part, its relationship and its print names go', async () => {
    const first = await saveWith(richSpec(), source);
    const port = await openXlsx(first);
    await port.writeSheet(
      { ...richSpec(), marker: `${MARKER_PREFIX}plan:v9` },
      { remove: PLACEMENT.name, rename: null, name: PLACEMENT.name },
    );
    const bytes = await port.save();
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml.match(/_xlnm.Print_Area/g)).toHaveLength(1);
    expect(workbookXml.match(/<sheet /g)).toHaveLength(5);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const sheetParts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    expect(sheetParts).toHaveLength(5);
    for (const part of sheetParts) expect(types).toContain(`PartName="/${part}"`);
    const wb = await loadRaw(bytes);
    expect(wb.getWorksheet(PLACEMENT.name)!.getCell('Z1').value).toBe(`${MARKER_PREFIX}plan:v9`);
    expect(wb.getWorksheet(PLACEMENT.name)!.pageSetup.printArea).toBe('A1:E9');
  });

  it('saves the same workbook twice', async () => {
    const port = await openXlsx(source);
    await port.writeSheet(richSpec(), PLACEMENT);
    const first = await loadRaw(await port.save());
    const second = await loadRaw(await port.save());
    for (const ws of first.worksheets) expect(describeSheet(second.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));
  });

  it('reads a generated sheet back before the save exactly as the saved file gives it', async () => {
    const port = await openXlsx(source);
    await port.writeSheet(richSpec(), PLACEMENT);
    const [before] = await port.readGrids([PLACEMENT.name]);
    const [after] = await (await openXlsx(await port.save())).readGrids([PLACEMENT.name]);
    expect(before).toEqual(after);
  });

  it("reads back a sheet still waiting for the settings sheet's fate, and saves it the same", async () => {
    const withStore = await openXlsx(source);
    await withStore.writeStore('{"v":1}');
    const port = await openXlsx(await withStore.save());
    await port.writeSheet(richSpec(), PLACEMENT);
    const [before] = await port.readGrids([PLACEMENT.name]);
    expect(before.values[4][1]).toBe(LONG);
    const [after] = await (await openXlsx(await port.save())).readGrids([PLACEMENT.name]);
    expect(before).toEqual(after);
  });

  it('gives the styles a save at the end would: the settings sheet (first in sheet order) gets its style first', async () => {
    const withStore = await openXlsx(source);
    await withStore.writeStore('{"v":1}');
    const stored = await withStore.save();
    const xfCount = (styles: string) => Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
    const storedXfs = xfCount(await (await JSZip.loadAsync(stored)).file('xl/styles.xml')!.async('string'));
    const parts = async (order: 'store first' | 'sheet first' | 'sheet only') => {
      const port = await openXlsx(stored);
      if (order === 'store first') await port.writeStore('{"v":2}');
      await port.writeSheet(richSpec(), PLACEMENT);
      if (order === 'sheet first') await port.writeStore('{"v":2}');
      const zip = await JSZip.loadAsync(await port.save());
      const names = Object.keys(zip.files)
        .filter((n) => n.startsWith('xl/styles') || n.startsWith('xl/worksheets/sheet'))
        .sort();
      return new Map(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
    };
    const storeFirst = await parts('store first');
    const sheetFirst = await parts('sheet first');
    expect([...sheetFirst]).toEqual([...storeFirst]);
    const settingsXml = [...storeFirst.values()].find((xml) => xml.includes('{&quot;v&quot;:2}') || xml.includes('{"v":2}'))!;
    expect(Number(/ s="(\d+)"/.exec(settingsXml)?.[1])).toBe(storedXfs);
    // Settings left alone: the new sheet's styles come first, and none is added for the settings sheet.
    const sheetOnly = await parts('sheet only');
    expect(xfCount(sheetOnly.get('xl/styles.xml')!)).toBeLessThanOrEqual(xfCount(storeFirst.get('xl/styles.xml')!));
  });

  it('packs a zip whose checksums and sizes hold', async () => {
    const bytes = await saveWith(richSpec(), source);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const sheet = await zip.file('xl/worksheets/sheet5.xml')!.async('string');
    expect(sheet).toContain('<mergeCell ref="A1:E1"/>');
    expect(sheet).toContain('<dimension ref="A1:Z9"/>');
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']),
    );
  });

  it("gives the same workbook with the browser's compression streams as with zlib", async () => {
    const viaStreams = await openXlsx(source, browserCodecForTests());
    await viaStreams.writeSheet(richSpec(), PLACEMENT);
    const streamed = await loadRaw(await viaStreams.save());
    const zlib = await loadRaw(await saveWith(richSpec(), source));
    for (const ws of zlib.worksheets) expect(describeSheet(streamed.getWorksheet(ws.name)!)).toEqual(describeSheet(ws));
    expect(await (await openXlsx(await viaStreams.save(), browserCodecForTests())).readGrids()).toEqual(
      await (await openXlsx(await viaStreams.save())).readGrids(),
    );
  });
});

describe('wrappedLines fast path', () => {
  it('still counts lines of text that fits, and of text that does not', () => {
    expect(wrappedLines('fits', 10)).toBe(1);
    expect(wrappedLines(LONG, 30)).toBeGreaterThan(3);
  });
});
