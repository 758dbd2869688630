/**
 * Re-reads the workbook when the user switches sheets or edits cells in Excel. Bursts of
 * events (typing, paste, our own writes) are debounced into one re-read. The Excel wiring is
 * a plain function passed in, so the debounce logic is testable without Excel.
 */

/** Stops delivering events. */
export type Unsubscribe = () => void | Promise<void>;
/** Starts calling `onEvent` for every relevant host event. */
export type SubscribeFn = (onEvent: () => void) => Promise<Unsubscribe>;

export const REREAD_DELAY_MS = 800;

export interface WorkbookWatch {
  stop(): Promise<void>;
}

/** Calls `onChange` once, `delayMs` after the last of a burst of events. */
export async function watchWorkbook(
  subscribe: SubscribeFn,
  onChange: () => void,
  delayMs: number = REREAD_DELAY_MS,
): Promise<WorkbookWatch> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const unsubscribe = await subscribe(() => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) onChange();
    }, delayMs);
  });
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await unsubscribe();
    },
  };
}

/**
 * Subscribes to worksheet activation (ExcelApi 1.7) and cell changes: on the whole sheets
 * collection where ExcelApi 1.9 allows, else on each existing sheet (1.7, e.g. Office 2019).
 * Sets the host lacks are skipped, not fatal.
 */
export const subscribeToExcelEvents: SubscribeFn = async (onEvent) => {
  const handler = async () => {
    onEvent();
  };
  const supports = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  const results: OfficeExtension.EventHandlerResult<unknown>[] = [];
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    if (supports('1.7')) results.push(sheets.onActivated.add(handler) as OfficeExtension.EventHandlerResult<unknown>);
    if (supports('1.9')) {
      results.push(sheets.onChanged.add(handler) as OfficeExtension.EventHandlerResult<unknown>);
    } else if (supports('1.7')) {
      sheets.load('items/name');
      await context.sync();
      for (const sheet of sheets.items) {
        results.push(sheet.onChanged.add(handler) as OfficeExtension.EventHandlerResult<unknown>);
      }
    }
    await context.sync();
  });
  return async () => {
    for (const result of results) {
      await Excel.run(result.context, async (context) => {
        result.remove();
        await context.sync();
      });
    }
  };
};
