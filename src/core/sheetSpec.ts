/**
 * A generated worksheet described once, as pure data. The core builds it; each adapter
 * (Office.js, .xlsx) renders it. Never build a report twice, once per adapter.
 */
import type { GeneratedKind } from './grid';

export type SpecCellType = 'text' | 'number' | 'date' | 'percent';

export interface SpecCell {
  /**
   * text: written as text, never as a formula, whatever it starts with (user text lands here);
   * number: a number; date: an ISO "YYYY-MM-DD" string written as a real date cell (yyyy-mm-dd);
   * percent: a fraction 0..1 shown as a percentage.
   */
  type: SpecCellType;
  value: string | number;
  /** Key into SheetSpec.styles. */
  style?: string;
}

export interface SpecRow {
  /** cells[i] is column i (0-based); null or missing means empty. */
  cells: (SpecCell | null)[];
  /** Row height in points; omitted means the host's default / autofit. */
  height?: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour "#RRGGBB". */
  color?: string;
  /** Solid fill "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  /** Thin border around the cell, or a thin rule below it. */
  border?: 'all' | 'bottom';
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  /** Fit all columns on one page wide; pages run down as long as needed. */
  fitToWidth: boolean;
  /** 1-based rows repeated at the top of every printed page. */
  titleRows?: { first: number; last: number };
  /** e.g. "A1:J120". */
  area: string;
  /**
   * Footer sections in Excel header/footer codes (&P page, &N pages). Literal "&" in user text
   * must already be escaped as "&&" by the builder.
   */
  footer: { left?: string; center?: string; right?: string };
}

export interface SheetSpec {
  kind: GeneratedKind;
  /** Desired sheet name; the adapter may be told a different final name by the placement rule. */
  name: string;
  /** The value adapters write into MARKER_CELL (hidden column) so the sheet is recognized as ours. */
  marker: string;
  /** Column widths in characters, column 0 first. */
  columns: { width: number }[];
  rows: SpecRow[];
  /** Merged ranges, e.g. "A1:H1". */
  merges: string[];
  styles: Record<string, CellStyle>;
  /** Rows frozen at the top while scrolling. */
  freezeRows?: number;
  print: PrintSetup;
}
