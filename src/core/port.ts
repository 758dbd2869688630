/**
 * The one interface between the pure core and a workbook: Excel through Office.js, or an
 * .xlsx/.xlsm file through its own zip and XML parts. Adapters are thin: they move data, the core decides.
 */
import type { SheetGrid } from './grid';
import type { HighlightRule } from './highlight';
import type { SheetSpec } from './sheetSpec';

export interface SheetInfo {
  name: string;
  index: number;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Value of MARKER_CELL when it starts with MARKER_PREFIX (a sheet we generated), else null. */
  marker: string | null;
  protected: boolean;
}

/** Where a generated sheet goes; decided by the core (reports/placement), carried out by the adapter. */
export interface SheetPlacement {
  /** Our previous sheet of this kind, deleted before writing. */
  remove: string | null;
  /** Our previous sheet kept under a dated name instead of deleted. */
  rename: { from: string; to: string } | null;
  /** Final name of the new sheet; never the name of a sheet we do not own. */
  name: string;
}

export interface HostCapabilities {
  /** Orientation, fit to width, print titles, print area, footer (ExcelApi 1.9). */
  pageLayout: boolean;
  /** Merged areas can be read (ExcelApi 1.13); without it vertical merges are not filled down. */
  mergedAreas: boolean;
  /** Custom-formula conditional formats (ExcelApi 1.6). */
  conditionalFormats: boolean;
}

export interface HighlightResult {
  /** Rules written. */
  applied: number;
  /** Sheets left alone, with the reason in words (e.g. the sheet is protected). */
  skipped: { sheet: string; reason: string }[];
  /** What the user should know about highlights that were applied, in words (e.g. a kind cut to its first places). Absent when none. */
  notes?: string[];
}

export interface WorkbookPort {
  readonly host: 'excel' | 'file';
  capabilities(): HostCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  /**
   * Reads the used range of the named sheets (every sheet except the store sheet when omitted):
   * values, formulas, merges, tables, protection, marker. A fixed number of round trips while
   * the data fits one response; in Excel, one more per ~4 MB block beyond that (the web's cap is 5 MB).
   */
  readGrids(names?: string[]): Promise<SheetGrid[]>;
  /** The settings JSON from the store sheet, or null when there is none. */
  readStore(): Promise<string | null>;
  /** Writes the settings JSON to the very hidden store sheet, creating it when missing. */
  writeStore(json: string): Promise<void>;
  /** Renders a generated sheet where the placement says, after removing/renaming our old one. */
  writeSheet(spec: SheetSpec, placement: SheetPlacement): Promise<void>;
  /** Removes our earlier rules on the rules' sheets, then adds these. Protected sheets are skipped and reported. */
  applyHighlights(rules: HighlightRule[]): Promise<HighlightResult>;
  /** Removes exactly our rules (on the named sheets, or everywhere); returns how many were removed. */
  clearHighlights(sheets?: string[]): Promise<number>;
}
