/**
 * The Office.js adapter: a WorkbookPort over the live workbook. Thin by design: it moves data
 * between Excel and the core in a small number of round trips (fixed while a read or write fits
 * in one request and one response under Excel on the web's 5 MB caps; one more per extra block
 * beyond that), and explains Excel's errors in plain words. Decisions (what to read, what to write, where) belong to the core.
 */
import type { HighlightRule } from '../../core/highlight';
import type { HighlightResult, HostCapabilities, SheetInfo, SheetPlacement, WorkbookPort } from '../../core/port';
import type { SheetGrid } from '../../core/grid';
import type { SheetSpec } from '../../core/sheetSpec';
import { STORE_SHEET_NAME } from '../../core/settings';
import { API, officeCapabilities, supportsExcelApi } from './capabilities';
import { explainOfficeError, OfficeAdapterError, type ErrorSubject } from './errors';
import { applyRules, clearRules } from './highlights';
import { listSheetInfos, readSheetGrids } from './read';
import { readStoreJson, writeStoreJson } from './store';
import { cellForSelection, checkPlacement, withExistingSheets, writeGeneratedSheet } from './write';

export { OfficeAdapterError } from './errors';
export { estimateBlockBytes, largestRequestEstimate, planWriteBlocks, REQUEST_BUDGET_BYTES } from './writePlan';

/** The batch runner: `Excel.run` in the add-in, a fake in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The Office.js port plus the two navigation actions the pane offers. */
export type OfficeWorkbookPort = WorkbookPort & {
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
};

/**
 * Creates the port. `run` defaults to `Excel.run`, looked up on each call so the module can be
 * imported where there is no Excel (tests, the browser before Office is ready).
 */
export function createOfficeWorkbookPort(run?: typeof Excel.run): OfficeWorkbookPort {
  const excelRun: ExcelRun = run
    ? (run as unknown as ExcelRun)
    : <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);

  /** Runs a batch; every sync and the batch itself turn Excel errors into plain sentences. */
  const withExcel = async <T>(
    subject: ErrorSubject,
    batch: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>,
  ): Promise<T> => {
    try {
      return await excelRun(async (context) => {
        const sync = async () => {
          try {
            await context.sync();
          } catch (error) {
            throw explainOfficeError(error, subject);
          }
        };
        return batch(context, sync);
      });
    } catch (error) {
      throw explainOfficeError(error, subject);
    }
  };

  const port: OfficeWorkbookPort = {
    host: 'excel',

    capabilities(): HostCapabilities {
      return officeCapabilities();
    },

    listSheets(): Promise<SheetInfo[]> {
      return withExcel({ action: 'list the sheets' }, (context) => listSheetInfos(context));
    },

    readGrids(names?: string[]): Promise<SheetGrid[]> {
      return withExcel({ action: 'read the sheets' }, (context) =>
        readSheetGrids(context, {
          names,
          exclude: [STORE_SHEET_NAME],
          mergedAreas: supportsExcelApi(API.mergedAreas),
          specialCells: supportsExcelApi(API.specialCells),
        }),
      );
    },

    readStore(): Promise<string | null> {
      return withExcel({ action: 'read the saved settings', sheet: STORE_SHEET_NAME }, (context, sync) => readStoreJson(context, sync));
    },

    writeStore(json: string): Promise<void> {
      return withExcel({ action: 'save the settings', sheet: STORE_SHEET_NAME }, (context, sync) => writeStoreJson(context, json, sync));
    },

    async writeSheet(spec: SheetSpec, placement: SheetPlacement): Promise<void> {
      // Costs two round trips, but never deletes or overwrites a sheet that is not ours.
      const sheets = await port.listSheets();
      checkPlacement(sheets, placement);
      const target = withExistingSheets(sheets, placement);
      // No `sheet`: an AccessDenied here means the workbook structure is protected, not one sheet.
      const subject: ErrorSubject = { action: `write the sheet "${target.name}"`, newName: target.name };
      await withExcel(subject, (context, sync) =>
        writeGeneratedSheet(
          context,
          spec,
          target,
          { pageLayout: supportsExcelApi(API.pageLayout), freezePanes: supportsExcelApi(API.freezePanes) },
          sync,
        ),
      );
    },

    async applyHighlights(rules: HighlightRule[]): Promise<HighlightResult> {
      if (rules.length === 0) return { applied: 0, skipped: [] };
      if (!supportsExcelApi(API.conditionalFormats)) {
        const sheets = [...new Set(rules.map((r) => r.sheet))];
        return {
          applied: 0,
          skipped: sheets.map((sheet) => ({
            sheet,
            reason: 'This version of Excel cannot add highlight rules (it needs conditional formats with formulas, ExcelApi 1.6).',
          })),
        };
      }
      // Name the sheet in an error only when there is exactly one.
      const sheet = new Set(rules.map((r) => r.sheet)).size === 1 ? rules[0].sheet : undefined;
      return withExcel({ action: 'add highlights', sheet }, (context, sync) =>
        applyRules(context, rules, { multiAreaRanges: supportsExcelApi(API.multiAreaRanges) }, sync),
      );
    },

    async clearHighlights(sheets?: string[]): Promise<number> {
      if (!supportsExcelApi(API.conditionalFormats)) return 0;
      return withExcel({ action: 'clear highlights' }, (context, sync) => clearRules(context, sheets, sync));
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      const address = cellForSelection(cell);
      await withExcel({ action: `go to ${address}`, sheet }, async (context, sync) => {
        const target = context.workbook.worksheets.getItem(sheet);
        target.activate();
        target.getRange(address).select();
        await sync();
      });
    },

    activateSheet(name: string): Promise<void> {
      return withExcel({ action: 'open the sheet', sheet: name }, async (context, sync) => {
        context.workbook.worksheets.getItem(name).activate();
        await sync();
      });
    },
  };
  return port;
}

/** True when an error came from this adapter and its message is fit to show as is. */
export function isPlainOfficeError(error: unknown): error is OfficeAdapterError {
  return error instanceof OfficeAdapterError;
}
