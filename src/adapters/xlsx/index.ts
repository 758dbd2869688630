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
import { saveWorkbook, type PendingCells } from './save';
import { renderSheetCells, renderSheetFrame, SharedStyles } from './writeSheet';

export { WorkbookOpenError, OPEN_MESSAGES } from './open';

export interface XlsxWorkbookPort extends WorkbookPort {
  readonly host: 'file';
  /** The workbook as .xlsx bytes, with every change made through the port. */
  save(): Promise<Uint8Array>;
}

class ExcelJsPort implements XlsxWorkbookPort {
  readonly host = 'file' as const;

  /**
   * Generated sheets whose cells are still only their spec: the save writes them as XML
   * (much faster than ExcelJS cells); reading such a sheet back renders them first.
   */
  private readonly pending = new Map<ExcelJS.Worksheet, PendingCells>();

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
      this.renderPendingCells(ws);
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
    const styles = new SharedStyles(spec.styles);
    const ws = renderSheetFrame(this.workbook, spec, placement, styles);
    this.pending.set(ws, { spec, styles });
    // Sheets the placement removed are gone from the workbook; forget their cells.
    for (const sheet of this.pending.keys()) if (!this.workbook.worksheets.includes(sheet)) this.pending.delete(sheet);
  }

  /** Turns a generated sheet's pending cells into ExcelJS cells, for reading it back. */
  private renderPendingCells(ws: ExcelJS.Worksheet): void {
    const cells = this.pending.get(ws);
    if (!cells) return;
    renderSheetCells(ws, cells.spec, cells.styles);
    this.pending.delete(ws);
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
    const bytes = await saveWorkbook(this.workbook, this.pending);
    if (bytes) return bytes;
    // The fast path could not write a generated sheet's cells: render them into ExcelJS and save plainly.
    for (const ws of [...this.pending.keys()]) this.renderPendingCells(ws);
    return (await saveWorkbook(this.workbook, this.pending))!;
  }
}

/**
 * Opens .xlsx bytes as a WorkbookPort. Throws WorkbookOpenError (plain-words message) for
 * a file that is not a workbook, is password-protected, is an old .xls, or is damaged.
 */
export async function openXlsx(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbookPort> {
  return new ExcelJsPort(await loadExcelJs(data));
}
