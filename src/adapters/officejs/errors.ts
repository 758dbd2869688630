/**
 * Office.js errors in plain words. Excel reports codes like "AccessDenied" or
 * "InvalidArgument"; a compliance officer needs to know which sheet and what to do.
 */

/** An Excel failure already explained in a sentence; `code` keeps Excel's code for logs and tests. */
export class OfficeAdapterError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'OfficeAdapterError';
  }
}

/** What the adapter was doing when Excel failed, for the sentence. */
export interface ErrorSubject {
  /** e.g. "add highlights", "write the sheet". */
  action: string;
  sheet?: string;
  /** A sheet name Excel may have rejected. */
  newName?: string;
}

function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** Turns an OfficeExtension.Error (or anything thrown) into an OfficeAdapterError with a plain sentence. */
export function explainOfficeError(error: unknown, subject: ErrorSubject): OfficeAdapterError {
  if (error instanceof OfficeAdapterError) return error;
  const code = errorCode(error);
  const { action, sheet, newName } = subject;
  const raw = error instanceof Error ? error.message : String(error);
  let message: string;
  switch (code) {
    case 'AccessDenied':
      message = sheet
        ? `The sheet "${sheet}" is protected, so Risk Plan could not ${action}. Unprotect it (Review > Unprotect Sheet) and try again.`
        : `Excel did not allow Risk Plan to ${action}: the workbook or a sheet is protected or read-only.`;
      break;
    case 'RequestPayloadSizeLimitExceeded':
      message = `The data was too large to send to Excel in one step, so Risk Plan could not ${action}. Try Excel on the desktop, or split the register into smaller sheets.`;
      break;
    case 'ResponsePayloadSizeLimitExceeded':
      message = `The data was too large for Excel to send back in one step, so Risk Plan could not ${action}. Try Excel on the desktop, or shorten very long cells.`;
      break;
    case 'InvalidArgument':
      message = newName
        ? `Excel rejected the sheet name "${newName}". A sheet name has 1 to 31 characters, none of : \\ / ? * [ ], does not start or end with an apostrophe, and is not "History".`
        : `Excel rejected a value while Risk Plan tried to ${action} (${raw}).`;
      break;
    case 'ItemAlreadyExists':
      message = `A sheet named "${newName ?? sheet ?? ''}" already exists, so Risk Plan could not ${action}.`;
      break;
    case 'ItemNotFound':
      message = sheet ? `There is no sheet named "${sheet}" in this workbook.` : `Excel could not find what Risk Plan needed to ${action}.`;
      break;
    case 'ApiNotFound':
      message = `This version of Excel does not support what Risk Plan needs to ${action}. A newer Excel (Microsoft 365) can do it.`;
      break;
    default:
      message = `Excel could not ${action}: ${raw}`;
  }
  return new OfficeAdapterError(message, code, error);
}

/** Why a sheet name would be refused, in words, or null when Excel will accept it. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'A sheet name cannot be blank.';
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (/[:\\/?*[\]]/.test(name)) return `The sheet name "${name}" contains one of : \\ / ? * [ ].`;
  if (name.startsWith("'") || name.endsWith("'")) return `The sheet name "${name}" starts or ends with an apostrophe.`;
  if (name.toLowerCase() === 'history') return 'Excel reserves the sheet name "History".';
  return null;
}
