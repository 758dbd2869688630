import { FakeWorkbook, fakeRun, installOfficeStub } from '../../../test/fakes/excel-fake';
import { planSpec, text } from '../../../test/fakes/spec-builders';
import type { SpecRow } from '../../core/sheetSpec';
import { createOfficeWorkbookPort } from './index';
import fc from 'fast-check';
import type { CellStyle } from '../../core/sheetSpec';
import {
  cellContent,
  columnWidthPoints,
  estimateBlockBytes,
  FORMAT_PROPERTIES,
  formatAreas,
  largestRequestEstimate,
  planWriteBlocks,
  rowHeightRuns,
} from './writePlan';

describe('cellContent', () => {
  it('gives every cell type its value and number format', () => {
    expect(cellContent({ type: 'text', value: '=1+1' })).toEqual({ value: '=1+1', numberFormat: '@' });
    expect(cellContent({ type: 'date', value: '1900-03-01' })).toEqual({ value: 61, numberFormat: 'yyyy-mm-dd' });
    expect(cellContent({ type: 'percent', value: 0.25 })).toEqual({ value: 0.25, numberFormat: '0%' });
    expect(cellContent({ type: 'number', value: 3 })).toEqual({ value: 3, numberFormat: 'General' });
    expect(cellContent(null)).toEqual({ value: '', numberFormat: 'General' });
  });
});

describe('columnWidthPoints', () => {
  it('converts characters to points the way Excel sizes columns', () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column is 64 px = 48 pt
    expect(columnWidthPoints(0)).toBe(3.75);
  });
});

describe('formatAreas', () => {
  const styles: Record<string, CellStyle> = {
    head: { bold: true, fill: '#D9E1F2', border: 'all' },
    cell: { wrap: true, border: 'all', vAlign: 'top' },
    missing: { bold: true, color: '#9C0006', fill: '#FFC7CE', wrap: true, border: 'all', vAlign: 'top' },
    number: { border: 'all', vAlign: 'top', hAlign: 'right' },
  };
  const row = (...names: (string | undefined)[]): SpecRow => ({ cells: names.map((s) => (s ? text('x', s) : null)) });

  it("formats a property once for every cell that shares it, whatever the cells' styles", () => {
    const rows = [
      row('head', 'head', 'head'),
      row('cell', 'missing', 'number'),
      row('cell', 'cell', 'number'),
      row('cell', 'missing', 'number'),
    ];
    const areas = formatAreas(rows, 0, rows.length, 3, styles);
    const of = (property: string) => areas.filter((a) => a.property === property).map((a) => ({ ...a.range, value: a.value }));
    // Every cell has a border: one area for the whole table.
    expect(of('border')).toEqual([{ top: 0, bottom: 3, left: 0, right: 2, value: 'all' }]);
    // Only the two MISSING cells and the header are red / bold.
    expect(of('color')).toEqual([
      { top: 1, bottom: 1, left: 1, right: 1, value: '#9C0006' },
      { top: 3, bottom: 3, left: 1, right: 1, value: '#9C0006' },
    ]);
    expect(of('vAlign')).toEqual([{ top: 1, bottom: 3, left: 0, right: 2, value: 'top' }]);
    expect(of('hAlign')).toEqual([{ top: 1, bottom: 3, left: 2, right: 2, value: 'right' }]);
  });

  it('gives every cell exactly the properties of its style (any layout of styles)', () => {
    const names = [undefined, 'head', 'cell', 'missing', 'number'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...names), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (grid) => {
        const rows = grid.map((r) => row(...r));
        const got = new Map<string, unknown>();
        for (const a of formatAreas(rows, 0, rows.length, 4, styles)) {
          for (let r = a.range.top; r <= a.range.bottom; r++) {
            for (let c = a.range.left; c <= a.range.right; c++) {
              const key = `${r},${c},${a.property}`;
              expect(got.has(key)).toBe(false); // no cell is formatted twice for one property
              got.set(key, a.value);
            }
          }
        }
        grid.forEach((r, ri) =>
          r.forEach((name, ci) => {
            for (const p of FORMAT_PROPERTIES) {
              const want = name ? styles[name][p] : undefined;
              expect(got.get(`${ri},${ci},${p}`)).toBe(want);
            }
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a 50,000-row uniform table to a handful of areas', () => {
    const spec = planSpec(50_000);
    expect(formatAreas(spec.rows, 0, spec.rows.length, 10, spec.styles).length).toBeLessThan(20);
  });
});

describe('rowHeightRuns', () => {
  it('groups consecutive rows of one height', () => {
    const rows: SpecRow[] = [{ cells: [], height: 20 }, { cells: [], height: 20 }, { cells: [] }, { cells: [], height: 30 }];
    expect(rowHeightRuns(rows, 0, 4)).toEqual([
      { first: 0, last: 1, height: 20 },
      { first: 3, last: 3, height: 30 },
    ]);
  });
});

describe('planWriteBlocks', () => {
  it('is one block when the sheet fits, several under budget when it does not', () => {
    expect(planWriteBlocks(planSpec(100))).toHaveLength(1);
    const spec = planSpec(20_000);
    const blocks = planWriteBlocks(spec, 1_000_000);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks[0].first).toBe(0);
    expect(blocks[blocks.length - 1].last).toBe(spec.rows.length - 1);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i].first).toBe(blocks[i - 1].last + 1);
    for (const b of blocks) expect(estimateBlockBytes(b)).toBeLessThanOrEqual(1_000_000);
  });

  it('estimates at least what the request really carries (checked against the fake)', async () => {
    const restore = installOfficeStub('1.13');
    try {
      const spec = planSpec(5_000);
      const wb = new FakeWorkbook();
      wb.addSheet('Register');
      await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(spec, { remove: null, rename: null, name: spec.name });
      const measured = wb.largestRequest;
      const estimated = largestRequestEstimate(spec);
      expect(estimated).toBeGreaterThanOrEqual(measured * 0.8);
      expect(estimated).toBeLessThanOrEqual(measured * 1.5);
    } finally {
      restore();
    }
  });
});
