/**
 * The cells of a generated sheet as worksheet XML, written straight from the SheetSpec.
 *
 * A plan for a 10,000-risk register is some 200,000 cells; the spec already says everything a
 * cell needs (type, value, style), so its XML is a string per cell. generatedSheet.ts wraps
 * these parts (<sheetData>, <mergeCells>, <dimension>) in the rest of the worksheet.
 *
 * Text is written inline (the shared-string part stays untouched), dates as serial numbers,
 * and a merge's covered cells carry its top-left cell's style so borders run round it.
 */
import { MARKER_CELL, columnLetter, parseRangeAddress, type CellRange } from '../../core/grid';
import { isoToSerial, isIsoDate } from '../../core/dates';
import type { SheetSpec, SpecCell } from '../../core/sheetSpec';
import { estimateRowHeights } from './rowHeights';
import { cellText, xmlText } from './xml';

/** What the save supplies while it writes: style ids and the shared-string table of this save. */
export interface SheetXmlContext {
  /** Cell style index (the cell's s="...") for a spec style name and the cell type's number format. */
  styleId(styleName: string | undefined, type: SpecCell['type']): number;
  /** Index of `text` in the workbook's shared-string table, or null to write the text inline. */
  sharedString(text: string): number | null;
  /** The workbook counts dates from 1904 (old Mac workbooks): serial numbers shift by 1462 days. */
  date1904: boolean;
}

/** The parts of a worksheet's XML that hold the cells. */
export interface SheetCellsXml {
  /** `<sheetData>...</sheetData>` in pieces (a row each), made as they are read: a long sheet never exists as one string. */
  sheetData: Iterable<string>;
  /** `<mergeCells ...>...</mergeCells>`, or '' without merges. */
  mergeCells: string;
  /** The used range for `<dimension ref="..."/>`. */
  dimension: string;
}

/**
 * Writes one cell's XML; null when it has neither a value nor a style. Date serials are cached:
 * a plan repeats the same few hundred dates thousands of times.
 */
function cellWriter(ctx: SheetXmlContext): (address: string, styleId: number, cell: SpecCell) => string | null {
  const dateValues = new Map<string, string | null>();
  const styleAttrs: string[] = [];
  const styleAttr = (id: number) => (styleAttrs[id] ??= id ? ` s="${id}"` : '');
  const dateValue = (iso: string): string | null => {
    let v = dateValues.get(iso);
    if (v === undefined) {
      v = isIsoDate(iso) ? `<v>${isoToSerial(iso) - (ctx.date1904 ? 1462 : 0)}</v>` : null;
      dateValues.set(iso, v);
    }
    return v;
  };
  return (address, styleId, cell) => {
    const open = `<c r="${address}"${styleAttr(styleId)}`;
    switch (cell.type) {
      case 'text': {
        const text = String(cell.value);
        const index = ctx.sharedString(text);
        if (index !== null) return `${open} t="s"><v>${index}</v></c>`;
        return `${open} t="inlineStr"><is><t xml:space="preserve">${cellText(text)}</t></is></c>`;
      }
      case 'date': {
        const v = dateValue(String(cell.value));
        return v ? `${open}>${v}</c>` : styleId ? `${open}/>` : null;
      }
      default: {
        const n = Number(cell.value);
        // A number Excel cannot store (NaN, Infinity) would make the file need repair.
        return Number.isFinite(n) ? `${open}><v>${n}</v></c>` : styleId ? `${open}/>` : null;
      }
    }
  };
}

/** For each row, the cells merges cover there (not a merge's top-left): column -> the merge's top-left. */
function coveredCells(merges: (CellRange | null)[]): Map<number, Map<number, { row: number; col: number }>> {
  const byRow = new Map<number, Map<number, { row: number; col: number }>>();
  for (const m of merges) {
    if (!m) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      let row = byRow.get(r);
      if (!row) byRow.set(r, (row = new Map()));
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) row.set(c, { row: m.top, col: m.left });
      }
    }
  }
  return byRow;
}

/**
 * The cells of `spec` as worksheet XML, including the marker in MARKER_CELL. Row heights are
 * the spec's own or the wrapped-text estimate.
 */
export function sheetCellsXml(spec: SheetSpec, ctx: SheetXmlContext): SheetCellsXml {
  const heights = estimateRowHeights(spec);
  const merges = spec.merges.map((m) => parseRangeAddress(m));
  const covered = coveredCells(merges);
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c));
  const writeCell = cellWriter(ctx);

  // Style id of each spec cell that a merge covers is the merge's top-left cell's style.
  const masterStyle = (row: number, col: number): number => {
    const cell = spec.rows[row]?.cells[col];
    return cell ? ctx.styleId(cell.style, cell.type) : 0;
  };

  // A loop, not Math.max(...merges): spreading 100,000 merges overflows the stack.
  let rowCount = Math.max(spec.rows.length, MARKER_CELL.row + 1);
  for (const m of merges) if (m && m.bottom + 1 > rowCount) rowCount = m.bottom + 1;
  // The used range's last column, known before the rows are written (the dimension comes first).
  let right: number = MARKER_CELL.col;
  for (const row of spec.rows) {
    for (let c = row.cells.length - 1; c > right; c--) {
      if (row.cells[c]) {
        right = c;
        break;
      }
    }
  }
  for (const m of merges) if (m && m.right > right) right = m.right;

  function* rows(): Generator<string> {
    yield '<sheetData>';
    for (let r = 0; r < rowCount; r++) {
      const row = spec.rows[r];
      const coveredHere = covered.get(r);
      const cells: string[] = [];
      let min = Infinity;
      let max = -1;
      const width = Math.max(row?.cells.length ?? 0, r === MARKER_CELL.row ? MARKER_CELL.col + 1 : 0);
      for (let c = 0; c < width; c++) {
        const address = `${letter(c)}${r + 1}`;
        let xml: string | null = null;
        if (r === MARKER_CELL.row && c === MARKER_CELL.col) {
          // The marker wins over anything the spec put there.
          xml = writeCell(address, ctx.styleId(undefined, 'text'), { type: 'text', value: spec.marker });
        } else {
          const master = coveredHere?.get(c);
          if (master) {
            // A covered cell shows nothing but carries the merge's style, so borders run round it.
            const s = masterStyle(master.row, master.col);
            if (s) xml = `<c r="${address}" s="${s}"/>`;
          } else {
            const cell = row?.cells[c];
            if (cell) xml = writeCell(address, ctx.styleId(cell.style, cell.type), cell);
          }
        }
        if (xml === null) continue;
        cells.push(xml);
        if (c < min) min = c;
        if (c > max) max = c;
      }
      // Cells a merge covers beyond the spec's row (a merge wider than the row's cells).
      const beyond = coveredHere ? [...coveredHere].filter(([mc]) => mc >= width).sort((a, b) => a[0] - b[0]) : [];
      for (const [mc, master] of beyond) {
        const s = masterStyle(master.row, master.col);
        if (!s) continue;
        cells.push(`<c r="${letter(mc)}${r + 1}" s="${s}"/>`);
        if (mc < min) min = mc;
        if (mc > max) max = mc;
      }
      const height = row?.height ?? heights.get(r);
      if (cells.length === 0 && !height) continue;
      const spans = cells.length > 0 ? ` spans="${min + 1}:${max + 1}"` : '';
      const ht = height ? ` ht="${height}" customHeight="1"` : '';
      yield `<row r="${r + 1}"${spans}${ht}>${cells.join('')}</row>`;
    }
    yield '</sheetData>';
  }

  const mergeRefs = spec.merges.filter((_, i) => merges[i] !== null);
  const mergeCells =
    mergeRefs.length > 0
      ? `<mergeCells count="${mergeRefs.length}">${mergeRefs.map((m) => `<mergeCell ref="${xmlText(m)}"/>`).join('')}</mergeCells>`
      : '';
  return { sheetData: rows(), mergeCells, dimension: `A1:${letter(right)}${rowCount}` };
}
