/**
 * Turns whatever went wrong into a message a compliance officer can act on: what happened
 * and what to do next. Every error the pane shows goes through here, so the wording lives
 * in one place.
 */

/** A message for a Fluent MessageBar. */
export interface PaneMessage {
  intent: 'error' | 'warning' | 'info' | 'success';
  title: string;
  body: string;
}

/** Office.js reports a protected sheet as AccessDenied (sometimes InvalidOperation mentioning protection). */
function isProtectionError(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  return code === 'AccessDenied' || /protect/i.test(message);
}

/**
 * Describes a failure of `action` (e.g. "Generating the plan") in plain words.
 * Known errors keep their own message (they are already written for the user).
 */
export function describeError(error: unknown, action: string): PaneMessage {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const message = typeof e.message === 'string' && e.message.trim() !== '' ? e.message.trim() : 'Unknown error.';
  if (e.name === 'WorkbookOpenError') {
    return {
      intent: 'error',
      title: 'This file could not be opened',
      body: `${message} Choose an .xlsx workbook saved by Excel (not password-protected), then try again.`,
    };
  }
  if (e.name === 'WorkflowError') {
    return { intent: 'error', title: `${action} did not finish`, body: message };
  }
  if (e.name === 'OfficeAdapterError') {
    // The Excel adapter already explained it (naming the sheet); add only the title.
    return {
      intent: 'error',
      title: isProtectionError(e) ? 'A sheet is protected' : `${action} did not finish`,
      body: message,
    };
  }
  if (isProtectionError(e)) {
    return {
      intent: 'error',
      title: 'A sheet is protected',
      body:
        'Excel refused the change because a sheet or the workbook structure is protected. ' +
        'Unprotect it (Review > Unprotect Sheet / Protect Workbook), then try again.',
    };
  }
  return {
    intent: 'error',
    title: `${action} did not finish`,
    body: `${message} Nothing you typed was changed. Try again; if it keeps happening, close and reopen the Risk Plan pane.`,
  };
}

/** The warning shown when the host cannot set print layout (ExcelApi 1.9 missing, e.g. Office 2019). */
export const PAGE_LAYOUT_WARNING: PaneMessage = {
  intent: 'warning',
  title: 'Print layout not available',
  body:
    'This version of Excel cannot set page layout from an add-in. The sheets will still be generated, ' +
    'but set landscape, fit to one page wide and print titles yourself (Page Layout tab) before printing.',
};

/** Shown in Excel older than ExcelApi 1.13, where an add-in cannot read which cells are merged. */
export const MERGED_AREAS_WARNING: PaneMessage = {
  intent: 'warning',
  title: 'Merged cells not visible to the add-in',
  body:
    'This version of Excel cannot tell the add-in which cells are merged. If your register merges cells over ' +
    'several rows for one risk, each of those rows is read as its own risk: check the risk count in the Workbook ' +
    'step, or unmerge those cells and fill them in.',
};

/** The error shown when no sheet looks like a risk register. */
export const NO_REGISTER_MESSAGE: PaneMessage = {
  intent: 'error',
  title: 'No risk register found',
  body:
    'None of the sheets looks like a risk register (a header row with columns such as Risk, Likelihood, Impact, Owner). ' +
    'Open the workbook that holds your register, or add a header row to it, then re-read.',
};

/** Shown when the workbook holds a CAP / POA&M tracker but no risk register. */
export const CAP_ONLY_MESSAGE: PaneMessage = {
  intent: 'info',
  title: 'A corrective action plan, no risk register',
  body:
    'This workbook holds a corrective action plan (CAP / POA&M) and no sheet that looks like a risk register. ' +
    'Its actions are checked below and the CAP Progress Report can be generated. The Risk Management Plan needs ' +
    'the register: pick its sheet below if it is here, or open the workbook that holds it.',
};
