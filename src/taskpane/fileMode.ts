/**
 * File mode (outside Excel): open an .xlsx the user picks, and hand the result back as a
 * download. Nothing leaves the computer.
 */
import type { PanePort } from './workbookActions';

/** Opens .xlsx bytes as a port; the default loads the file adapter lazily so the Excel bundle stays small. */
export type OpenXlsxFn = (data: ArrayBuffer) => Promise<PanePort>;

export const openXlsxLazily: OpenXlsxFn = async (data) => {
  const { openXlsx } = await import('../adapters/xlsx');
  return openXlsx(data);
};

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

/** "Clinic Register.xlsx" -> "Clinic Register-riskplan.xlsx"; a macro workbook keeps .xlsm (Excel opens it only so). */
export function downloadName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls)$/i, '') || 'workbook';
  return `${base}-riskplan.${/\.xlsm$/i.test(original) ? 'xlsm' : 'xlsx'}`;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves the file-mode workbook and hands it to the browser as a download. Returns the file name. */
export async function downloadWorkbook(port: PanePort, originalName: string, doc: Document = document): Promise<string> {
  if (!port.save) throw new Error('This workbook cannot be downloaded from here.');
  const bytes = await port.save();
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const name = downloadName(originalName);
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
