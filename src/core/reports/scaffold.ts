/**
 * What the two reports share around their tables: key/value lines at the top, "MISSING: ..." cells
 * for values the workbook and settings do not give, and the SheetSpec around the builder's rows.
 */
import { MARKER_PREFIX, type GeneratedKind } from '../grid';
import type { IsoDate } from '../dates';
import type { SheetSpec, SpecCell } from '../sheetSpec';
import { textCell, type SheetBuilder } from './sheetBuilder';
import { reportPrintSetup } from './styles';

/** The trimmed value, or "MISSING: <what>" in the missing style: nothing is invented. */
export function textOrMissing(value: string | undefined | null, missing: string): SpecCell {
  return value && value.trim() ? textCell(value.trim(), 'value') : textCell(`MISSING: ${missing}`, 'missingValue');
}

/**
 * A "label: value" line: the label over the first two columns, the value from the third (over
 * `valueSpan` columns), and an optional note after it up to `width` columns.
 */
export function keyValue(
  b: SheetBuilder,
  label: string,
  value: SpecCell,
  layout: { width: number; valueSpan?: number; note?: string },
): number {
  const span = layout.valueSpan ?? 1;
  const noteCol = 2 + span;
  return b.addParts([
    { col: 0, span: 2, cell: textCell(label, 'label') },
    span > 1 ? { col: 2, span, cell: value } : { col: 2, cell: value },
    ...(layout.note ? [{ col: noteCol, span: layout.width - noteCol, cell: textCell(layout.note, 'note') }] : []),
  ]);
}

export interface ReportFrame {
  kind: GeneratedKind;
  name: string;
  markerVersion: string;
  asOf: IsoDate;
  columns: readonly { width: number }[];
  styles: SheetSpec['styles'];
  /** The row of the main table's header: repeated on every printed page (and frozen when `freeze`). */
  tableHeaderRow: number;
  freeze: boolean;
  /** The practice's name for the page header ('' when unknown). */
  practice: string;
}

/** The SheetSpec of a report from its builder: marker, columns, rows, merges, styles and print setup. */
export function reportSpec(b: SheetBuilder, frame: ReportFrame): SheetSpec {
  return {
    kind: frame.kind,
    name: frame.name,
    marker: `${MARKER_PREFIX}${frame.kind};${frame.markerVersion};${frame.asOf}`,
    columns: frame.columns.map((c) => ({ width: c.width })),
    rows: b.rows,
    merges: b.merges,
    styles: frame.styles,
    ...(frame.freeze ? { freezeRows: frame.tableHeaderRow } : {}),
    print: reportPrintSetup({
      lastColumnLetter: b.lastColumnLetter,
      lastRow: b.rows.length,
      tableHeaderRow: frame.tableHeaderRow,
      practiceName: frame.practice || 'MISSING: practice name',
      asOf: frame.asOf,
    }),
  };
}
