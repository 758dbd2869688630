/**
 * The .xlsx file adapter: a WorkbookPort over ExcelJS, used by the `riskplan` runner and tests.
 * Thin by design: it moves data between the file and the core, it decides nothing.
 */
import type ExcelJS from 'exceljs';
import type { SheetGrid } from '../../core/grid';
import type { HighlightRule } from '../../core/highlight';
import type { HighlightResult, HostCapabilities, SheetInfo, SheetPlacement, WorkbookPort } from '../../core/port';
import { STORE_SHEET_NAME } from '../../core/settings';
import type { SheetSpec } from '../../core/sheetSpec';
import { applyRules, removeOwnRules } from './highlights';
import { loadExcelJs } from './open';
import { isProtected, readGrid, readMarker, visibilityOf } from './readGrid';
import { readStoreJson, writeStoreJson } from './store';
import { renderSheet } from './writeSheet';

export { WorkbookOpenError, OPEN_MESSAGES } from './open';

export interface XlsxWorkbookPort extends WorkbookPort {
  readonly host: 'file';
  /** The workbook as .xlsx bytes, with every change made through the port. */
  save(): Promise<Uint8Array>;
}

class ExcelJsPort implements XlsxWorkbookPort {
  readonly host = 'file' as const;

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  capabilities(): HostCapabilities {
    return { pageLayout: true, mergedAreas: true, conditionalFormats: true };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws, index) => ({
      name: ws.name,
      index,
      visibility: visibilityOf(ws),
      marker: readMarker(ws),
      protected: isProtected(ws),
    }));
  }

  async readGrids(names?: string[]): Promise<SheetGrid[]> {
    const wanted = names ? new Set(names) : null;
    const grids: SheetGrid[] = [];
    this.workbook.worksheets.forEach((ws, index) => {
      if (wanted ? !wanted.has(ws.name) : ws.name === STORE_SHEET_NAME) return;
      grids.push(readGrid(ws, index));
    });
    return grids;
  }

  async readStore(): Promise<string | null> {
    return readStoreJson(this.workbook);
  }

  async writeStore(json: string): Promise<void> {
    writeStoreJson(this.workbook, json);
  }

  async writeSheet(spec: SheetSpec, placement: SheetPlacement): Promise<void> {
    renderSheet(this.workbook, spec, placement);
  }

  async applyHighlights(rules: HighlightRule[]): Promise<HighlightResult> {
    return applyRules(this.workbook, rules);
  }

  async clearHighlights(sheets?: string[]): Promise<number> {
    let removed = 0;
    for (const ws of this.workbook.worksheets) {
      if (sheets && !sheets.includes(ws.name)) continue;
      removed += removeOwnRules(ws);
    }
    return removed;
  }

  async save(): Promise<Uint8Array> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }
}

/**
 * Opens .xlsx bytes as a WorkbookPort. Throws WorkbookOpenError (plain-words message) for
 * a file that is not a workbook, is password-protected, is an old .xls, or is damaged.
 */
export async function openXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbookPort> {
  return new ExcelJsPort(await loadExcelJs(data));
}
