/**
 * File mode (outside Excel): check and read the file the user picks, and hand the result back
 * as a download. Nothing leaves the computer.
 */
import type { PaneMessage } from './messages';

/** Reads a picked file's bytes (FileReader fallback for environments without Blob.arrayBuffer). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Advice for a file that cannot be a workbook, decided from its name and size before reading it:
 * an empty file, a CSV (no sheets, no settings, nowhere to write the plan), an old .xls.
 * Null when the file is worth trying (the reader still checks its bytes).
 */
export function adviceForPickedFile(file: { name: string; size: number }): PaneMessage | null {
  const name = file.name;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (file.size === 0) {
    return {
      intent: 'error',
      title: `“${name}” is empty`,
      body: 'The file has no content (0 bytes). It may not have finished saving or copying: open the workbook in Excel, save it again as .xlsx, and pick the saved file.',
    };
  }
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    return {
      intent: 'error',
      title: `“${name}” is a ${ext.toUpperCase()} file, not a workbook`,
      body: 'A CSV holds one sheet of plain values: no formatting, no second sheet for the plan and nowhere to keep your settings. Open it in Excel, choose File > Save As > Excel Workbook (.xlsx), and pick the .xlsx here.',
    };
  }
  if (ext === 'xls') {
    return {
      intent: 'error',
      title: `“${name}” is an old .xls workbook`,
      body: 'Open it in Excel and choose File > Save As > Excel Workbook (.xlsx), then pick the .xlsx here.',
    };
  }
  if (ext === 'ods' || ext === 'numbers') {
    return {
      intent: 'error',
      title: `“${name}” is not an Excel workbook`,
      body: 'Export it as an Excel Workbook (.xlsx) from the program that made it, then pick the .xlsx here.',
    };
  }
  return null;
}

/** "Clinic Register.xlsx" -> "Clinic Register-riskplan.xlsx"; a macro workbook keeps .xlsm (Excel opens it only so). */
export function downloadName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls)$/i, '') || 'workbook';
  return `${base}-riskplan.${/\.xlsm$/i.test(original) ? 'xlsm' : 'xlsx'}`;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** Hands workbook bytes to the browser as a download named after the original. Returns the file name. */
export function downloadBytes(bytes: Uint8Array, originalName: string, doc: Document = document): string {
  const name = downloadName(originalName);
  const blob = new Blob([bytes as BlobPart], { type: name.endsWith('.xlsm') ? XLSM_MIME : XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
