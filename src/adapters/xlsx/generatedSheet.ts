/**
 * A whole worksheet part for a generated sheet (and the settings sheet), written from its
 * SheetSpec: views, columns (the marker column hidden), cells with inline strings, merges and
 * print setup. Print area and print titles are defined names in workbook.xml (the writer adds them).
 */
import { MARKER_CELL } from '../../core/grid';
import { STORE_CHUNK_CHARS, STORE_HEADER } from '../../core/settings';
import type { SheetSpec, SpecCell } from '../../core/sheetSpec';
import { sheetCellsXml } from './sheetXml';
import type { StylesPatch } from './styles';
import { cellText, xmlText } from './xml';

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Page margins in inches: Excel's "Normal" margins, narrow enough for a landscape plan. */
const MARGINS = '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
/** Excel's default column width in characters, for columns the spec leaves out. */
const DEFAULT_WIDTH = 9.140625;

function footerText(footer: SheetSpec['print']['footer']): string {
  return `${footer.left ? `&L${footer.left}` : ''}${footer.center ? `&C${footer.center}` : ''}${footer.right ? `&R${footer.right}` : ''}`;
}

function colsXml(spec: SheetSpec): string {
  const cols: string[] = [];
  const count = Math.max(spec.columns.length, MARKER_CELL.col + 1);
  for (let i = 0; i < count; i++) {
    const hidden = i === MARKER_CELL.col;
    const width = spec.columns[i]?.width;
    if (width === undefined && !hidden) continue;
    cols.push(
      `<col min="${i + 1}" max="${i + 1}" width="${width ?? DEFAULT_WIDTH}"${width !== undefined ? ' customWidth="1"' : ''}${hidden ? ' hidden="1"' : ''}/>`,
    );
  }
  return `<cols>${cols.join('')}</cols>`;
}

function viewXml(spec: SheetSpec): string {
  const rows = spec.freezeRows ?? 0;
  if (rows <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = `A${rows + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${rows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** The worksheet XML of a generated sheet, in pieces (the rows are made as they are read). */
export function* generatedSheetXml(spec: SheetSpec, styles: StylesPatch, date1904: boolean): Generator<string> {
  // Looked up for every cell: remembered per style name and cell type.
  const ids = new Map<string | undefined, Map<string, number>>();
  const styleId = (styleName: string | undefined, type: SpecCell['type']): number => {
    let byType = ids.get(styleName);
    if (!byType) ids.set(styleName, (byType = new Map()));
    let id = byType.get(type);
    if (id === undefined) byType.set(type, (id = styles.cellXf(styleName ? spec.styles[styleName] : undefined, type)));
    return id;
  };
  const cells = sheetCellsXml(spec, {
    styleId,
    // Inline strings: the workbook's shared-string part stays untouched.
    sharedString: () => null,
    date1904,
  });
  const { print } = spec;
  const footer = footerText(print.footer);
  yield (
    `${HEAD}<worksheet ${NS}>` +
    `<sheetPr>${print.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>` +
    `<dimension ref="${cells.dimension}"/>` +
    viewXml(spec) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(spec)
  );
  yield* cells.sheetData;
  yield (
    cells.mergeCells +
    MARGINS +
    `<pageSetup orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
    (footer ? `<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>` : '') +
    '</worksheet>'
  );
}

/**
 * The settings sheet: the header in A1, the JSON in text cells A2, A3... in pieces (a row each),
 * so a large snapshot is deflated as it is written, never held whole as XML and as bytes.
 * The sheet's text style is registered at once, where the save calls this, not as the rows are read.
 */
export function storeSheetXml(json: string, styles: StylesPatch): Iterable<string> {
  const textStyle = styles.cellXf(undefined, 'text');
  return storeSheetPieces(json, textStyle);
}

function* storeSheetPieces(json: string, textStyle: number): Generator<string> {
  const rows = 1 + Math.ceil(json.length / STORE_CHUNK_CHARS);
  yield `${HEAD}<worksheet ${NS}><dimension ref="A1:A${rows}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`;
  const row = (text: string, i: number) =>
    `<row r="${i + 1}"><c r="A${i + 1}" s="${textStyle}" t="inlineStr"><is><t xml:space="preserve">${cellText(text)}</t></is></c></row>`;
  yield row(STORE_HEADER, 0);
  for (let i = 0, n = 1; i < json.length; i += STORE_CHUNK_CHARS, n++) yield row(json.slice(i, i + STORE_CHUNK_CHARS), n);
  yield `</sheetData>${MARGINS}</worksheet>`;
}
