/**
 * Turns raw file bytes into an ExcelJS workbook, or a WorkbookOpenError whose message a
 * practice manager can act on. We sniff the bytes first because ExcelJS's own errors
 * ("End of data reached", "Can't find end of central directory") mean nothing to a user.
 */
import ExcelJS from 'exceljs';
import { repairTableHeaders } from './readGrid';
import { worksheetXmlBytes } from './zipSize';

/** A file we cannot open as an .xlsx workbook; `message` is a plain-words sentence. */
export class WorkbookOpenError extends Error {
  constructor(
    message: string,
    /** Why, for callers that branch on it. */
    readonly reason: 'not-a-workbook' | 'encrypted' | 'old-xls' | 'corrupt' | 'too-large',
  ) {
    super(message);
    this.name = 'WorkbookOpenError';
  }
}

export const OPEN_MESSAGES = {
  'not-a-workbook': 'This file is not an Excel workbook (.xlsx).',
  encrypted: 'This workbook is password-protected; remove the password in Excel and try again.',
  'old-xls': 'This is an old .xls workbook; save it as .xlsx in Excel.',
  corrupt: 'This workbook is damaged or incomplete and cannot be read; open it in Excel, save it again and retry.',
  'too-large':
    'This workbook is too large to read: its sheets hold over 100 MB of cell data (about two million filled cells), far more than a risk register. Delete unused rows or move the register to its own workbook, and try again.',
} as const;

/** Sheet data ExcelJS can hold in memory comfortably (it uses roughly 20 times the XML size). */
export const MAX_WORKSHEET_XML_BYTES = 100 * 1024 * 1024;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** CFB directory entries store names in UTF-16LE, so search for that spelling. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function fail(reason: WorkbookOpenError['reason']): WorkbookOpenError {
  return new WorkbookOpenError(OPEN_MESSAGES[reason], reason);
}

/** Loads an .xlsx into ExcelJS; throws WorkbookOpenError for anything else. */
export async function loadExcelJs(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (startsWith(bytes, CFB_SIGNATURE)) {
    // Excel saves password-protected .xlsx files as an encrypted CFB container.
    throw fail(containsUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'old-xls');
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw fail('not-a-workbook');
  // Measured before loading: too many cells would exhaust memory minutes later instead of failing now.
  if ((worksheetXmlBytes(bytes) ?? 0) > MAX_WORKSHEET_XML_BYTES) throw fail('too-large');

  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer, but it hands the bytes to JSZip, which takes a
    // Uint8Array: no Buffer here, so the same code runs in the browser (file mode).
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // A zip that ExcelJS cannot read through: truncated, or a damaged part.
    throw fail('corrupt');
  }
  // A readable zip without a workbook in it (a .docx renamed, for instance).
  if (workbook.worksheets.length === 0) throw fail('not-a-workbook');
  workbook.worksheets.forEach(repairTableHeaders);
  return workbook;
}
