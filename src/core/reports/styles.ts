/**
 * Cell styles and print rules shared by the plan and the progress report.
 * Problem cells are bold dark red on light red: the bold survives black-and-white printing,
 * so the warning never depends on colour alone.
 */
import type { CellStyle, PrintSetup } from '../sheetSpec';

export const REPORT_STYLES = {
  title: { bold: true, size: 16 },
  section: { bold: true, size: 12, border: 'bottom' },
  label: { bold: true, wrap: true, vAlign: 'top' },
  value: { wrap: true, vAlign: 'top', hAlign: 'left' },
  paragraph: { wrap: true, vAlign: 'top' },
  note: { italic: true, wrap: true, vAlign: 'top', color: '#404040' },
  header: { bold: true, wrap: true, fill: '#D9E1F2', border: 'all', vAlign: 'middle' },
  cell: { wrap: true, border: 'all', vAlign: 'top' },
  number: { border: 'all', vAlign: 'top', hAlign: 'right' },
  group: { bold: true, fill: '#EDEDED', border: 'all' },
  /** Something required is missing or unusable: "MISSING: ...", "NOT A DATE: ...". */
  missing: { bold: true, color: '#9C0006', fill: '#FFC7CE', wrap: true, border: 'all', vAlign: 'top' },
  /** Missing header values outside the table (no border). */
  missingValue: { bold: true, color: '#9C0006', fill: '#FFC7CE', wrap: true, vAlign: 'top' },
  /** Present but weak (a vague action): amber, with a "VAGUE:" prefix so it prints. */
  vague: { italic: true, color: '#9C5700', fill: '#FFEB9C', wrap: true, border: 'all', vAlign: 'top' },
  bar: { vAlign: 'top' },
  signature: { vAlign: 'bottom' },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof REPORT_STYLES;

/** Excel header/footer codes treat "&" as a code start; a literal ampersand is "&&". */
export function escapeFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Landscape, one page wide, the table header repeated on each page, and the standard footer. */
export function reportPrintSetup(options: {
  lastColumnLetter: string;
  lastRow: number;
  tableHeaderRow: number | null;
  practiceName: string;
  asOf: string;
}): PrintSetup {
  return {
    orientation: 'landscape',
    fitToWidth: true,
    ...(options.tableHeaderRow ? { titleRows: { first: options.tableHeaderRow, last: options.tableHeaderRow } } : {}),
    area: `A1:${options.lastColumnLetter}${Math.max(1, options.lastRow)}`,
    footer: {
      left: escapeFooterText(options.practiceName),
      center: 'Page &P of &N',
      right: `Generated ${escapeFooterText(options.asOf)}`,
    },
  };
}
