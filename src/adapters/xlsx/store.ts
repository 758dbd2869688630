/** The settings JSON in the very hidden store sheet: A1 = STORE_HEADER, JSON in A2, A3... */
import type ExcelJS from 'exceljs';
import { STORE_CHUNK_CHARS, STORE_HEADER, STORE_SHEET_NAME } from '../../core/settings';
import { plainValue } from './readGrid';

export function readStoreJson(workbook: ExcelJS.Workbook): string | null {
  const ws = workbook.getWorksheet(STORE_SHEET_NAME);
  if (!ws) return null;
  let json = '';
  for (let row = 2; ; row++) {
    const v = plainValue(ws.getCell(row, 1).value);
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  return json === '' ? null : json;
}

export function writeStoreJson(workbook: ExcelJS.Workbook, json: string): void {
  // Reuse the sheet where it is, so saving settings never reorders the workbook's tabs.
  const ws = workbook.getWorksheet(STORE_SHEET_NAME) ?? workbook.addWorksheet(STORE_SHEET_NAME);
  ws.state = 'veryHidden';
  for (let row = 1; row <= ws.rowCount; row++) ws.getCell(row, 1).value = null;
  ws.getCell(1, 1).value = STORE_HEADER;
  for (let i = 0, row = 2; i < json.length; i += STORE_CHUNK_CHARS, row++) {
    const cell = ws.getCell(row, 1);
    cell.value = json.slice(i, i + STORE_CHUNK_CHARS);
    cell.numFmt = '@';
  }
}
