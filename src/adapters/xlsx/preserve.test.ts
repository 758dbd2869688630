/**
 * What LIMITATIONS.md says the .xlsx adapter keeps when it saves a practice's workbook.
 * Each claim there that says "kept" is checked here on a round trip through openXlsx/save.
 */
import ExcelJS from 'exceljs';
import { openXlsx } from './index';

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.getRow(2).values = ['ID', 'Status', 'Due', 'Cost'];
  ws.getCell('A3').value = 'R-1';
  ws.getCell('B3').value = 'Open';
  ws.getCell('C3').value = new Date(Date.UTC(2026, 5, 30));
  ws.getCell('C3').numFmt = 'dd/mm/yyyy';
  ws.getCell('D3').value = 1250.5;
  ws.getCell('D3').numFmt = '"$"#,##0.00';
  ws.getCell('B3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Open,In Progress,Complete"'] };
  ws.getCell('A3').note = 'Added after the 2025 assessment';
  ws.getCell('A4').value = { text: 'Policy', hyperlink: 'https://example.org/p' };
  ws.getCell('A5').value = { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' plain' }] };
  ws.getColumn(2).width = 22;
  ws.getRow(3).height = 30;
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  ws.pageSetup.orientation = 'landscape';
  wb.definedNames.add("'Register'!$B$3:$B$10", 'StatusList');
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'F2:G4');
  await ws.protect('', { formatCells: true });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function roundTrip(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const port = await openXlsx(bytes);
  await port.writeStore('{}');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await port.save()) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('saving keeps the user workbook features LIMITATIONS.md lists as kept', () => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(await userWorkbook());
    ws = wb.getWorksheet('Register')!;
  });

  it('number formats, column widths, row heights, fills', () => {
    expect(ws.getCell('C3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('D3').numFmt).toBe('"$"#,##0.00');
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
  });

  it('data validation lists, notes, hyperlinks and rich text', () => {
    expect(ws.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Open,In Progress,Complete"'] });
    expect(JSON.stringify(ws.getCell('A3').note)).toContain('Added after the 2025 assessment');
    expect(ws.getCell('A4').value).toMatchObject({ hyperlink: 'https://example.org/p' });
    expect(ws.getCell('A5').value).toMatchObject({ richText: [{ text: 'Bold', font: { bold: true } }, { text: ' plain' }] });
  });

  it('freeze panes, page setup, defined names, sheet protection and images', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(wb.definedNames.getRanges('StatusList').ranges).toEqual(['Register!$B$3:$B$10']);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getImages()).toHaveLength(1);
  });
});

describe('tables saved by Excel', () => {
  /** Excel leaves headerRowCount out when the table has its default header row. */
  async function excelStyleTable(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('CAP');
    ws.addTable({
      name: 'Actions',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'Action' }, { name: 'Owner' }],
      rows: [
        ['Encrypt', 'Lee'],
        ['Train', 'Kim'],
      ],
    });
    const noHeader = wb.addWorksheet('Raw');
    noHeader.addTable({
      name: 'Loose',
      ref: 'A1',
      headerRow: false,
      columns: [{ name: 'Column1' }, { name: 'Column2' }],
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    // jszip ships with exceljs; it lets the test edit the part the way Excel writes it.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/tables/') && n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(' headerRowCount="1"', ''));
    }
    return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
  }

  it('keep their header row through a save: the table parts come back exactly as Excel wrote them', async () => {
    const source = await excelStyleTable();
    const port = await openXlsx(source);
    const grids = await port.readGrids();
    expect(grids.map((g) => g.tables[0].hasHeaderRow)).toEqual([true, false]);
    await port.writeStore('{}');
    const saved = await port.save();
    const JSZip = (await import('jszip')).default;
    const tableXml = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      return Promise.all(
        Object.keys(zip.files)
          .filter((n) => n.startsWith('xl/tables/') && n.endsWith('.xml'))
          .sort()
          .map((n) => zip.file(n)!.async('string')),
      );
    };
    // Excel's spelling (no headerRowCount: the default header row) is kept, not rewritten.
    expect(await tableXml(saved)).toEqual(await tableXml(source));
    expect((await (await openXlsx(saved)).readGrids()).map((g) => g.tables[0].hasHeaderRow)).toEqual([true, false]);
  });
});
