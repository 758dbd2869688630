/**
 * Renders a core SheetSpec into an ExcelJS workbook (the .xlsx twin of the Office.js renderer).
 * The port writes only the frame at once and leaves the cells to the save (sheetXml.ts), which
 * is much faster for long sheets; renderSheetCells puts them into ExcelJS when they must be read.
 */
import type ExcelJS from 'exceljs';
import { MARKER_CELL } from '../../core/grid';
import type { SheetPlacement } from '../../core/port';
import type { CellStyle, SheetSpec, SpecCell } from '../../core/sheetSpec';
import { estimateRowHeights } from './rowHeights';

/** "#1F4E79" -> "FF1F4E79" (ExcelJS wants ARGB). */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, '0')}`;
}

/** Page margins in inches: Excel's "Normal" margins, narrow enough for a landscape plan. */
const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The number format each cell type is written with (none: Excel's General). */
const NUM_FMT: Record<SpecCell['type'], string | undefined> = {
  // Text is shown as text, so a value like "1-2" or "=X" stays what the user typed.
  text: '@',
  number: undefined,
  percent: '0%',
  date: 'yyyy-mm-dd',
};

function cellValue(spec: SpecCell): ExcelJS.CellValue {
  switch (spec.type) {
    case 'text':
      // Always a plain string: ExcelJS never parses "=..." strings as formulas.
      return String(spec.value);
    case 'date':
      return isoToUtcDate(String(spec.value));
    default:
      return Number(spec.value);
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };

/** A spec style (plus a number format) as an ExcelJS style object. */
export function excelStyle(style: CellStyle | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (numFmt) out.numFmt = numFmt;
  if (!style) return out;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.border === 'all') out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.border === 'bottom') out.border = { bottom: THIN };
  return out;
}

/**
 * Hands out one ExcelJS style object per (spec style, cell type) pair. ExcelJS serializes a
 * style to XML once per distinct object on save (it remembers objects it has seen), so cells
 * that share the object cost nothing; a fresh object per cell costs several XML renders each.
 * The objects are shared, so nothing may mutate a generated cell's style after rendering.
 */
export class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  constructor(private readonly styles: SheetSpec['styles']) {}

  get(styleName: string | undefined, type: SpecCell['type']): Partial<ExcelJS.Style> {
    const numFmt = NUM_FMT[type];
    const key = `${styleName ?? ''}\u0000${numFmt ?? ''}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = excelStyle(styleName ? this.styles[styleName] : undefined, numFmt);
      this.byKey.set(key, style);
    }
    return style;
  }

  /** Every style handed out so far. */
  all(): Partial<ExcelJS.Style>[] {
    return [...this.byKey.values()];
  }
}

/** Removes or renames our previous sheet as the placement says. */
function carryOutPlacement(workbook: ExcelJS.Workbook, placement: SheetPlacement): void {
  if (placement.remove) {
    const old = workbook.getWorksheet(placement.remove);
    if (old) workbook.removeWorksheet(old.id);
  }
  if (placement.rename) {
    const old = workbook.getWorksheet(placement.rename.from);
    if (old) old.name = placement.rename.to;
  }
  // The placement never names a user's sheet; a leftover of the same name can only be ours.
  const clash = workbook.getWorksheet(placement.name);
  if (clash) workbook.removeWorksheet(clash.id);
}

function footerText(footer: SheetSpec['print']['footer']): string {
  return `${footer.left ? `&L${footer.left}` : ''}${footer.center ? `&C${footer.center}` : ''}${footer.right ? `&R${footer.right}` : ''}`;
}

/**
 * Adds the sheet with everything but its cells: placement, views, print setup, column widths
 * and the hidden marker in MARKER_CELL (so listSheets knows the sheet as ours at once).
 * renderSheetCells, or the save's XML writer (sheetXml.ts), supplies the cells.
 */
export function renderSheetFrame(workbook: ExcelJS.Workbook, spec: SheetSpec, placement: SheetPlacement, styles: SharedStyles): ExcelJS.Worksheet {
  carryOutPlacement(workbook, placement);
  const { print } = spec;
  const ws = workbook.addWorksheet(placement.name, {
    views: spec.freezeRows ? [{ state: 'frozen', xSplit: 0, ySplit: spec.freezeRows }] : [{ state: 'normal' }],
    pageSetup: {
      orientation: print.orientation,
      fitToPage: print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: print.area,
      printTitlesRow: print.titleRows ? `${print.titleRows.first}:${print.titleRows.last}` : undefined,
      margins: MARGINS,
      paperSize: undefined,
    },
    headerFooter: { oddFooter: footerText(print.footer), differentFirst: false, differentOddEven: false },
  });

  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });

  const marker = ws.getCell(MARKER_CELL.address);
  marker.value = spec.marker;
  marker.style = styles.get(undefined, 'text');
  ws.getColumn(MARKER_CELL.col + 1).hidden = true;
  return ws;
}

/** Writes the spec's rows (values, styles, heights) and merges into the frame's ExcelJS cells. */
export function renderSheetCells(ws: ExcelJS.Worksheet, spec: SheetSpec, styles: SharedStyles): void {
  const estimated = estimateRowHeights(spec);
  spec.rows.forEach((row, r) => {
    const excelRow = ws.getRow(r + 1);
    const height = row.height ?? estimated.get(r);
    if (height) excelRow.height = height;
    row.cells.forEach((specCell, c) => {
      // The marker wins over anything the spec put in its cell.
      if (!specCell || (r === MARKER_CELL.row && c === MARKER_CELL.col)) return;
      const cell = excelRow.getCell(c + 1);
      cell.value = cellValue(specCell);
      cell.style = styles.get(specCell.style, specCell.type);
    });
  });
  for (const merge of spec.merges) ws.mergeCells(merge);
}

/** Renders a whole generated sheet into ExcelJS cells. */
export function renderSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, placement: SheetPlacement): ExcelJS.Worksheet {
  const styles = new SharedStyles(spec.styles);
  const ws = renderSheetFrame(workbook, spec, placement, styles);
  renderSheetCells(ws, spec, styles);
  return ws;
}
