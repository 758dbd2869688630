import { FakeWorkbook, fakeRun, installOfficeStub } from '../../../test/fakes/excel-fake';
import { planSpec, text } from '../../../test/fakes/spec-builders';
import type { SpecRow } from '../../core/sheetSpec';
import { createOfficeWorkbookPort } from './index';
import { cellContent, columnWidthPoints, estimateBlockBytes, largestRequestEstimate, planWriteBlocks, rowHeightRuns, styleAreas } from './writePlan';

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

describe('styleAreas', () => {
  it('stacks identical runs into rectangles and splits where the style changes', () => {
    const row = (...styles: (string | undefined)[]): SpecRow => ({ cells: styles.map((s) => (s ? text('x', s) : null)) });
    const rows = [row('h', 'h', 'h'), row('b', 'b', 'x'), row('b', 'b', 'x'), row('b', undefined, 'x')];
    expect(styleAreas(rows, 0, rows.length, 3)).toEqual([
      { style: 'h', range: { top: 0, bottom: 0, left: 0, right: 2 } },
      { style: 'b', range: { top: 1, bottom: 2, left: 0, right: 1 } },
      { style: 'x', range: { top: 1, bottom: 3, left: 2, right: 2 } },
      { style: 'b', range: { top: 3, bottom: 3, left: 0, right: 0 } },
    ]);
  });

  it('keeps a 50,000-row uniform table to a handful of areas', () => {
    const spec = planSpec(50_000);
    expect(styleAreas(spec.rows, 0, spec.rows.length, 10).length).toBeLessThan(10);
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
