/**
 * A small source workbook with the features a practice's register tends to have
 * (formulas, shared formulas, merges, a table, dates, rich text, links, errors, a user
 * conditional format, styles). Built in code so the tests never need /work/shared.
 */
import ExcelJS from 'exceljs';

export async function buildSourceWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = 'Acme Dental risk register';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getRow(2).values = ['ID', 'Risk', 'Likelihood', 'Impact', 'Score', 'Due', 'Link'];
  ws.getRow(2).font = { bold: true };
  const rows: [string, string, number, number, Date][] = [
    ['R-001', 'Unencrypted laptops', 4, 5, new Date(Date.UTC(2026, 9, 1))],
    ['R-002', 'No audit log review', 3, 3, new Date(Date.UTC(2026, 11, 15))],
    ['R-003', 'Shared passwords', 5, 4, new Date(Date.UTC(2027, 0, 31))],
  ];
  rows.forEach(([id, risk, l, i, due], k) => {
    const r = 3 + k;
    ws.getCell(`A${r}`).value = id;
    ws.getCell(`B${r}`).value = risk;
    ws.getCell(`C${r}`).value = l;
    ws.getCell(`D${r}`).value = i;
    ws.getCell(`F${r}`).value = due;
    ws.getCell(`F${r}`).numFmt = 'yyyy-mm-dd';
  });
  // E3 is the master of a shared formula E3:E5.
  ws.getCell('E3').value = { formula: 'C3*D3', result: 20, shareType: 'shared', ref: 'E3:E5' } as ExcelJS.CellValue;
  ws.getCell('E4').value = { sharedFormula: 'E3', result: 9 } as ExcelJS.CellValue;
  ws.getCell('E5').value = { sharedFormula: 'E3', result: 20 } as ExcelJS.CellValue;
  ws.getCell('B3').value = { richText: [{ text: 'Unencrypted ', font: { bold: true } }, { text: 'laptops' }] };
  ws.getCell('G3').value = { text: 'Policy', hyperlink: 'https://example.org/policy' };
  ws.getCell('G4').value = { formula: 'A99/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
  ws.getCell('G5').value = { formula: 'SUM(C3:C5)' } as ExcelJS.CellValue; // no cached result
  ws.getCell('H5').value = '=not a formula';
  ws.getCell('I3').value = { formula: '_xlfn.IFS(C3>3,"High",TRUE,"Low")', result: 'High' } as ExcelJS.CellValue;
  // Formatting far away must not widen the grid.
  ws.getCell('A1048576').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('XFD7').border = { top: { style: 'thin' } };
  ws.getColumn(2).width = 40;
  ws.addConditionalFormatting({
    ref: 'E3:E5',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['E3>=20'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
      },
    ],
  });

  const cap = wb.addWorksheet('CAP');
  cap.getCell('C4').value = 'Header row is not at the top';
  cap.addTable({
    name: 'CapItems',
    ref: 'B6',
    headerRow: true,
    columns: [{ name: 'Item' }, { name: 'Status' }, { name: 'Due' }],
    rows: [
      ['Encrypt laptops', 'In Progress', new Date(Date.UTC(2026, 10, 1))],
      ['Review logs', 'Not Started', new Date(Date.UTC(2026, 11, 1))],
    ],
  });
  await cap.protect('', { selectLockedCells: true });

  const hidden = wb.addWorksheet('Lookups', { state: 'hidden' });
  hidden.getCell('A1').value = 'Low';

  wb.addWorksheet('Empty');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
