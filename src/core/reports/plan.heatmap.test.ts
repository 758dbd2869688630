import { buildPlanSheetSliced } from './plan';
import { openRiskHeatMapsSliced } from './heatmap';
import { findCell, findCells, makeAnalysis, makeRead, makeScored, makeSettings, rowValues } from './testing';
import { buildMatrix } from '../analysis/matrices';
import { scale } from '../analysis/testing';
import type { ScoredEntry } from '../model';
import { finish } from '../slices';

const AS_OF = '2026-11-23';
const nist = buildMatrix({ name: 'nist' }, 'test');

function risk(id: string, l: number, i: number, extra: Partial<ScoredEntry> = {}, residual?: [number, number]): ScoredEntry {
  return makeScored({
    priority: Number(id.slice(2)),
    ...extra,
    entry: {
      id,
      risk: `Risk ${id}`,
      likelihood: scale(l),
      impact: scale(i),
      residualLikelihood: residual ? scale(residual[0]) : null,
      residualImpact: residual ? scale(residual[1]) : null,
    },
  });
}

describe('openRiskHeatMaps', () => {
  it('counts open risks by likelihood and impact; closed and unrated risks are not on it', () => {
    const risks = [
      risk('R-1', 5, 5),
      risk('R-2', 5, 5),
      risk('R-3', 2, 3),
      risk('R-4', 4, 4, { open: false }),
      makeScored({ entry: { id: 'R-5' } }),
    ];
    const { inherent, residual } = finish(openRiskHeatMapsSliced(risks, nist));
    expect(inherent.counts[4][4]).toBe(2);
    expect(inherent.counts[1][2]).toBe(1);
    expect(inherent.counts.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect([inherent.placed, inherent.unplaced]).toEqual([3, 1]);
    expect(inherent.levels[4][4]).toBe('Very High');
    expect(residual).toBeNull();
  });

  it('a residual map when the register rates residual likelihood and impact', () => {
    const { residual } = finish(openRiskHeatMapsSliced([risk('R-1', 5, 5, {}, [2, 2]), risk('R-2', 4, 4)], nist));
    expect(residual?.counts[1][1]).toBe(1);
    expect([residual?.placed, residual?.unplaced]).toEqual([1, 1]);
  });
});

describe('the plan', () => {
  const build = (risks: ScoredEntry[], settings = makeSettings()) =>
    finish(buildPlanSheetSliced({ analysis: makeAnalysis({ risks }), read: makeRead(), settings, asOf: AS_OF })).spec;

  it('has a heat map of open risks with coloured count cells and the level legend beside it', () => {
    const spec = build([risk('R-1', 5, 5), risk('R-2', 5, 5), risk('R-3', 2, 3)]);
    const top = findCell(spec, /^Likelihood .* Impact/).row;
    expect(rowValues(spec, top)).toEqual([
      'Likelihood \u2193  Impact \u2192',
      '',
      '1 Very Low',
      '2 Low',
      '',
      '3 Medium',
      '4 High',
      '',
      '5 Very High',
      '',
      'Level of each colour',
    ]);
    const veryHighRow = spec.rows[top]; // likelihood 5 first
    expect(veryHighRow.cells[0]?.value).toBe('5 Very High');
    expect(veryHighRow.cells[8]).toEqual({ type: 'number', value: 2, style: 'heatVeryHigh' });
    expect(veryHighRow.cells[10]).toEqual(expect.objectContaining({ value: 'Very High', style: 'heatVeryHigh' }));
    expect(spec.styles.heatVeryHigh.fill).toBe('#C00000');
    const lowRow = spec.rows[top + 3]; // likelihood 2
    expect(lowRow.cells[5]).toEqual({ type: 'number', value: 1, style: 'heatLow' });
    expect(findCell(spec, /^3 open risks on the map\./).cell.style).toBe('note');
    expect(spec.merges).toContain(`D${top}:E${top}`);
  });

  it('prints the product thresholds beside the map', () => {
    const spec = build(
      [risk('R-1', 5, 5)],
      makeSettings({ matrix: { name: 'product', thresholds: { Low: 4, Medium: 8, High: 15, 'Very High': 20 } } }),
    );
    expect(findCells(spec, 'Very High (20+)')).toHaveLength(1);
    expect(findCells(spec, 'Medium (8+)')).toHaveLength(1);
  });

  it('puts the inherent and residual maps side by side when residual ratings exist', () => {
    const spec = build([risk('R-1', 5, 5, {}, [2, 2]), risk('R-2', 5, 4, {}, [2, 2]), risk('R-3', 3, 3)]);
    const titles = findCell(spec, 'Before treatment (inherent)');
    const after = findCell(spec, /^After treatment \(residual/);
    // One row holds both titles: the maps sit side by side, not one under the other.
    expect(after.row).toBe(titles.row);
    expect(spec.merges).toContain(`B${titles.row}:F${titles.row}`);
    expect(spec.merges).toContain(`G${titles.row}:K${titles.row}`);
    const head = titles.row + 1;
    expect(rowValues(spec, head)).toEqual([
      'Likeli\u00adhood',
      '1 Very Low',
      '2 Low',
      '3 Medium',
      '4 High',
      '5 Very High',
      '1 Very Low',
      '2 Low',
      '3 Medium',
      '4 High',
      '5 Very High',
    ]);
    // Likelihood 5 first: the inherent side counts R-1 (5,5) and R-2 (5,4); the residual side has nothing there.
    const top = spec.rows[head];
    expect(top.cells[0]?.value).toBe('5 Very High');
    expect(top.cells[5]).toEqual({ type: 'number', value: 1, style: 'heatVeryHigh' });
    expect(top.cells[4]).toEqual({ type: 'number', value: 1, style: 'heatHigh' });
    expect(top.cells.slice(6).map((c) => c?.value)).toEqual(['', '', '', '', '']);
    // Likelihood 2: both treated risks moved to (2,2) on the residual side, in its colour.
    const two = spec.rows[head + 3];
    expect(two.cells[0]?.value).toBe('2 Low');
    expect(two.cells[7]).toEqual({ type: 'number', value: 2, style: 'heatLow' });
    expect(two.cells[2]).toEqual({ type: 'text', value: '', style: 'heatLow' });
    // The legend under the maps, then one line for both counts (R-3 has no residual rating).
    const key = spec.rows[head + 5];
    expect(key.cells.slice(0, 6).map((c) => c?.value)).toEqual(['Key', 'Very High', 'High', 'Medium', 'Low', 'Very Low']);
    expect(key.cells[1]?.style).toBe('heatVeryHigh');
    expect(String(key.cells[6]?.value)).toMatch(/^Likelihood down, impact across\./);
    expect(
      findCells(
        spec,
        'Before treatment: 3 open risks on the map. After treatment: 2 open risks on the map; 1 open risk has no residual likelihood and impact.',
      ),
    ).toHaveLength(1);
    expect(findCells(spec, /^Open risks before treatment/)).toHaveLength(0);
  });

  it('prints the product thresholds in the legend under side-by-side maps', () => {
    const spec = build(
      [risk('R-1', 5, 5, {}, [2, 2])],
      makeSettings({ matrix: { name: 'product', thresholds: { Low: 4, Medium: 8, High: 15, 'Very High': 20 } } }),
    );
    const key = findCell(spec, /^Key$/);
    expect(rowValues(spec, key.row).slice(0, 6)).toEqual(['Key', 'Very High (20+)', 'High (15+)', 'Medium (8+)', 'Low (4+)', 'Very Low']);
    expect(rowValues(spec, key.row)[6]).toMatch(/the score each level starts at in brackets/);
  });

  it('explains Unclassified in one line and marks tiers the user chose', () => {
    const spec = build([
      risk('R-1', 3, 3, { tier: 'Unclassified' }),
      risk('R-2', 3, 3, { tier: 'Budget decisions', tierSource: 'choice' }),
    ]);
    const heading = findCell(spec, /^Unclassified \(1 risk\)$/).row;
    expect(String(spec.rows[heading].cells[0]?.value)).toMatch(
      /^Unclassified: the workbook does not say whether these need money, a vendor or only staff time\./,
    );
    expect(findCells(spec, 'Budget decisions (your choice)')).toHaveLength(1);
  });
});
