/**
 * Carrying out a generated-sheet write in Excel: checks, then one request per planned block
 * (one in total unless the sheet nears the web payload limit). The plan itself is in writePlan.ts.
 */
import { MARKER_CELL, columnLetter, parseRangeAddress, rangeAddress } from '../../core/grid';
import type { SheetInfo, SheetPlacement } from '../../core/port';
import type { SheetSpec } from '../../core/sheetSpec';
import { OfficeAdapterError, sheetNameProblem } from './errors';
import { Pacer } from '../../host/pace';
import { columnWidthPoints, sheetWidth, writeBlocks, type FormatArea, type WriteBlock } from './writePlan';

export interface WriteOptions {
  /** ExcelApi 1.9: page layout. */
  pageLayout: boolean;
  /** ExcelApi 1.7: freeze panes. */
  freezePanes: boolean;
  budgetBytes?: number;
}

type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * Refuses, before anything changes, a placement that would delete or rename a sheet we did not
 * generate, or write over an existing sheet. The core decides placement; this is the last guard.
 */
export function checkPlacement(sheets: SheetInfo[], placement: SheetPlacement): void {
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  for (const name of [placement.remove, placement.rename?.from]) {
    if (!name) continue;
    const sheet = find(name);
    if (sheet && !sheet.marker) {
      throw new OfficeAdapterError(`Risk Plan did not create the sheet "${name}", so it will not replace or rename it.`);
    }
  }
  const problem = sheetNameProblem(placement.name) ?? (placement.rename ? sheetNameProblem(placement.rename.to) : null);
  if (problem) throw new OfficeAdapterError(problem, 'InvalidArgument');
  const freed = [placement.remove, placement.rename?.from].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  for (const name of [placement.name, placement.rename?.to]) {
    if (!name) continue;
    const existing = find(name);
    if (existing && !freed.includes(existing.name.toLowerCase())) {
      throw new OfficeAdapterError(`A sheet named "${name}" already exists; Risk Plan will not write over it.`);
    }
  }
  if (placement.rename && placement.rename.to.toLowerCase() === placement.name.toLowerCase()) {
    throw new OfficeAdapterError(`The kept copy and the new sheet would both be named "${placement.name}".`);
  }
}

/** The placement without a remove/rename of a sheet that is already gone (the user deleted it meanwhile). */
export function withExistingSheets(sheets: SheetInfo[], placement: SheetPlacement): SheetPlacement {
  const exists = (name: string) => sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
  return {
    ...placement,
    remove: placement.remove && exists(placement.remove) ? placement.remove : null,
    rename: placement.rename && exists(placement.rename.from) ? placement.rename : null,
  };
}

/** One formatting property over one rectangle (see formatAreas). */
function applyFormat(format: Excel.RangeFormat, area: FormatArea): void {
  const { value } = area;
  switch (area.property) {
    case 'bold':
      format.font.bold = value as boolean;
      break;
    case 'italic':
      format.font.italic = value as boolean;
      break;
    case 'size':
      format.font.size = value as number;
      break;
    case 'color':
      format.font.color = value as string;
      break;
    case 'fill':
      format.fill.color = value as string;
      break;
    case 'wrap':
      format.wrapText = value as boolean;
      break;
    case 'hAlign':
      format.horizontalAlignment = H_ALIGN[value as keyof typeof H_ALIGN];
      break;
    case 'vAlign':
      format.verticalAlignment = V_ALIGN[value as keyof typeof V_ALIGN];
      break;
    case 'border': {
      const { range } = area;
      const edges: BorderEdge[] = value === 'all' ? ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] : ['EdgeBottom'];
      if (range.bottom > range.top) edges.push('InsideHorizontal');
      if (range.right > range.left && value === 'all') edges.push('InsideVertical');
      for (const edge of edges) format.borders.getItem(edge).style = 'Continuous';
      break;
    }
  }
}

/** Format areas queued between two looks at the clock. */
const AREAS_PER_PAUSE = 500;

/** Queues the rows of one block: number formats first, so text stays text, then values, then formatting. */
async function queueBlock(sheet: Excel.Worksheet, block: WriteBlock, width: number, pacer: Pacer): Promise<void> {
  const area = { top: block.first, bottom: block.last, left: 0, right: width - 1 };
  const range = sheet.getRange(rangeAddress(area));
  range.numberFormat = block.numberFormats;
  range.values = block.values;
  // Areas of different properties often cover the same rectangle: one range object each.
  const formats = new Map<string, Excel.RangeFormat>();
  for (let i = 0; i < block.formats.length; i++) {
    // Queued calls wait for the next sync, so the host can take a turn in the middle of a block.
    if (i % AREAS_PER_PAUSE === AREAS_PER_PAUSE - 1) await pacer.pause();
    const formatted = block.formats[i];
    const address = rangeAddress(formatted.range);
    let format = formats.get(address);
    if (!format) formats.set(address, (format = sheet.getRange(address).format));
    applyFormat(format, formatted);
  }
  for (const run of block.rowHeights) {
    sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.height;
  }
}

/** Widths and frozen rows: queued with the first block. */
function queueSetup(sheet: Excel.Worksheet, spec: SheetSpec, options: WriteOptions): void {
  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(column.width);
  });
  if (spec.freezeRows && options.freezePanes) sheet.freezePanes.freezeRows(spec.freezeRows);
}

/**
 * The marker in its hidden column, queued right after the first block's values (so a very wide
 * sheet cannot blank it) and in the first request (so even a write cut short is recognized as ours).
 */
function queueMarker(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const marker = sheet.getRange(MARKER_CELL.address);
  marker.numberFormat = [['@']];
  marker.values = [[spec.marker]];
  const letter = columnLetter(MARKER_CELL.col);
  sheet.getRange(`${letter}:${letter}`).columnHidden = true;
}

/** Merges and print setup: queued with the last block, after every value is in place. */
function queueFinish(sheet: Excel.Worksheet, spec: SheetSpec, options: WriteOptions): void {
  for (const merge of spec.merges) sheet.getRange(merge).merge(false);
  if (!options.pageLayout) return;
  const layout = sheet.pageLayout;
  const print = spec.print;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  // zoom must be assigned as a whole object; setting one field of it is ignored.
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.area) layout.setPrintArea(print.area);
  const footer = layout.headersFooters.defaultForAllPages;
  if (print.footer.left !== undefined) footer.leftFooter = print.footer.left;
  if (print.footer.center !== undefined) footer.centerFooter = print.footer.center;
  if (print.footer.right !== undefined) footer.rightFooter = print.footer.right;
}

/**
 * Removes or renames our previous sheet, adds the new one and writes it. One sync per planned
 * block; the first block also carries the sheet changes, the last the merges and print setup.
 * `sync` wraps `context.sync` so failures become plain sentences.
 */
export async function writeGeneratedSheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
  placement: SheetPlacement,
  options: WriteOptions,
  sync: () => Promise<void>,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  if (placement.remove) sheets.getItem(placement.remove).delete();
  if (placement.rename) sheets.getItem(placement.rename.from).name = placement.rename.to;
  const sheet = sheets.add(placement.name);

  const width = sheetWidth(spec);
  queueSetup(sheet, spec, options);
  // Blocks are built one ahead of the request that sends them, so the thread is never held for the
  // whole sheet, and the last block is known in time to carry the merges and print setup.
  const pacer = new Pacer();
  const blocks = writeBlocks(spec, options.budgetBytes);
  const nextBlock = async (): Promise<WriteBlock | null> => {
    for (;;) {
      const step = blocks.next();
      if (step.done) return null;
      if (step.value) return step.value;
      await pacer.pause();
    }
  };
  let current = await nextBlock();
  for (let i = 0; current; i++) {
    await queueBlock(sheet, current, width, pacer);
    if (i === 0) queueMarker(sheet, spec);
    const next = await nextBlock();
    if (!next) queueFinish(sheet, spec, options);
    await sync();
    pacer.restart();
    current = next;
  }
}

/** A cell or range address for selection, normalized ("b7" -> "B7"); throws a plain error for a bad one. */
export function cellForSelection(cell: string): string {
  const range = parseRangeAddress(cell.replace(/\$/g, ''));
  if (!range) throw new OfficeAdapterError(`"${cell}" is not a cell address like B7.`);
  return rangeAddress(range);
}
