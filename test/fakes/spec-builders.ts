/** Small SheetSpec builders for adapter tests (plain data, no Excel). */
import type { SheetSpec, SpecCell, SpecRow } from '../../src/core/sheetSpec';
import { MARKER_PREFIX } from '../../src/core/grid';

export function text(value: string, style?: string): SpecCell {
  return { type: 'text', value, style };
}

/** A plan-like sheet: title, blank, subtitle, header at row 4, then `dataRows` rows of `columns` cells. */
export function planSpec(
  dataRows: number,
  options: { columns?: number; name?: string; cellText?: (r: number, c: number) => string } = {},
): SheetSpec {
  const columns = options.columns ?? 10;
  const cellText = options.cellText ?? ((r: number, c: number) => `Risk ${r + 1} item ${c + 1} with some words`);
  const rows: SpecRow[] = [
    { cells: [text('Risk Management Plan', 'title')], height: 24 },
    { cells: [] },
    { cells: [text('Prepared for Example Clinic')] },
    { cells: Array.from({ length: columns }, (_, c) => text(`Header ${c + 1}`, 'header')) },
  ];
  for (let r = 0; r < dataRows; r++) {
    const cells: (SpecCell | null)[] = Array.from({ length: columns }, (_, c) => text(cellText(r, c), 'body'));
    if (columns > 1) cells[1] = { type: 'date', value: '2026-11-23', style: 'body' };
    if (columns > 2) cells[2] = { type: 'number', value: r, style: 'body' };
    if (columns > 3) cells[3] = { type: 'percent', value: 0.5, style: 'body' };
    rows.push({ cells });
  }
  return {
    kind: 'plan',
    name: options.name ?? 'Risk Management Plan',
    marker: `${MARKER_PREFIX}plan:v1`,
    columns: Array.from({ length: columns }, () => ({ width: 18 })),
    rows,
    merges: ['A1:D1'],
    styles: {
      title: { bold: true, size: 16 },
      header: { bold: true, fill: '#1F4E78', color: '#FFFFFF', wrap: true, border: 'all' },
      body: { wrap: true, vAlign: 'top', border: 'bottom' },
    },
    freezeRows: 4,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { first: 4, last: 4 },
      area: `A1:J${rows.length}`,
      footer: { left: 'Example Clinic', center: 'Page &P of &N', right: 'Confidential' },
    },
  };
}
