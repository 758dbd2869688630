/** Renders a core SheetSpec into an ExcelJS workbook (the .xlsx twin of the Office.js renderer). */
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

function writeCell(cell: ExcelJS.Cell, spec: SpecCell): void {
  switch (spec.type) {
    case 'text':
      // Always a plain string (ExcelJS never parses "=..." strings as formulas), and shown as text.
      cell.value = String(spec.value);
      cell.numFmt = '@';
      break;
    case 'number':
      cell.value = Number(spec.value);
      break;
    case 'percent':
      cell.value = Number(spec.value);
      cell.numFmt = '0%';
      break;
    case 'date':
      cell.value = isoToUtcDate(String(spec.value));
      cell.numFmt = 'yyyy-mm-dd';
      break;
  }
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };
  if (style.border === 'all') cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (style.border === 'bottom') cell.border = { bottom: thin };
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

export function renderSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, placement: SheetPlacement): ExcelJS.Worksheet {
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

  const estimated = estimateRowHeights(spec);
  spec.rows.forEach((row, r) => {
    const excelRow = ws.getRow(r + 1);
    const height = row.height ?? estimated.get(r);
    if (height) excelRow.height = height;
    row.cells.forEach((specCell, c) => {
      if (!specCell) return;
      const cell = excelRow.getCell(c + 1);
      writeCell(cell, specCell);
      const style = specCell.style ? spec.styles[specCell.style] : undefined;
      if (style) applyStyle(cell, style);
    });
  });

  for (const merge of spec.merges) ws.mergeCells(merge);

  const marker = ws.getCell(MARKER_CELL.address);
  marker.value = spec.marker;
  marker.numFmt = '@';
  ws.getColumn(MARKER_CELL.col + 1).hidden = true;
  return ws;
}
