/**
 * A heat map of open risks: likelihood down, impact across, the count of open risks in each cell,
 * each cell filled with the colour of the level the matrix gives it. Built from plain cells (no
 * chart object), so it prints and opens anywhere; the level of each colour (and, for a product
 * matrix, its score threshold) is printed beside it.
 *
 * Two maps when the register has residual likelihood and impact: before treatment (inherent) and
 * after (residual, as the register rates it), side by side on the same rows so the page shows what
 * treatment moved (`writeHeatMapPair`), the likelihood labels shared and the legend under them.
 */
import type { Level, ScaleValue, ScoredEntry } from '../model';
import { LEVELS } from '../model';
import type { RiskMatrix } from '../analysis/matrices';
import { toMatrixStep } from '../analysis/matrices';
import type { CellStyle, SpecCell } from '../sheetSpec';
import { numberCell, textCell, type SheetBuilder } from './sheetBuilder';
import { inSlices, type Sliced } from '../slices';
import type { StyleName } from './styles';

export interface HeatMap {
  kind: 'inherent' | 'residual';
  title: string;
  /** counts[l][i]: open risks with likelihood step l+1 and impact step i+1. */
  counts: number[][];
  /** levels[l][i]: the level the matrix gives that cell. */
  levels: Level[][];
  /** Open risks on the map, and open risks left off it (no usable likelihood or impact). */
  placed: number;
  unplaced: number;
}

/** Fill and font per level: red to green, the top level in white on dark red. */
export const HEAT_STYLES: Record<string, CellStyle> = {
  heatVeryHigh: { bold: true, fill: '#C00000', color: '#FFFFFF', hAlign: 'center', vAlign: 'middle', border: 'all' },
  heatHigh: { bold: true, fill: '#F4B084', color: '#000000', hAlign: 'center', vAlign: 'middle', border: 'all' },
  heatMedium: { bold: true, fill: '#FFE699', color: '#000000', hAlign: 'center', vAlign: 'middle', border: 'all' },
  heatLow: { bold: true, fill: '#C6E0B4', color: '#000000', hAlign: 'center', vAlign: 'middle', border: 'all' },
  heatVeryLow: { bold: true, fill: '#E2EFDA', color: '#000000', hAlign: 'center', vAlign: 'middle', border: 'all' },
  heatAxis: { bold: true, hAlign: 'center', vAlign: 'middle', border: 'all', fill: '#F2F2F2', wrap: true },
};

const LEVEL_STYLE: Record<Level, string> = {
  'Very High': 'heatVeryHigh',
  High: 'heatHigh',
  Medium: 'heatMedium',
  Low: 'heatLow',
  'Very Low': 'heatVeryLow',
};

const STEP_WORDS: Record<number, readonly string[]> = {
  3: ['Low', 'Medium', 'High'],
  5: ['Very Low', 'Low', 'Medium', 'High', 'Very High'],
};

function usable(v: ScaleValue | null): v is ScaleValue {
  return v !== null && Number.isFinite(v.ordinal) && Number.isFinite(v.steps) && v.steps >= 2 && v.ordinal >= 1;
}

function emptyGrid(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** The open risks counted on the matrix, before treatment and (when the register rates it) after. Yields between slices of risks (a 50,000-row register is one long loop otherwise). */
export function* openRiskHeatMapsSliced(
  risks: readonly ScoredEntry[],
  matrix: RiskMatrix,
): Sliced<{ inherent: HeatMap; residual: HeatMap | null }> {
  const ls = matrix.likelihoodSteps;
  const is = matrix.impactSteps;
  const levels = Array.from({ length: ls }, (_, l) => Array.from({ length: is }, (_, i) => matrix.rate(l + 1, i + 1).level));
  const inherent: HeatMap = {
    kind: 'inherent',
    title: 'Open risks before treatment (inherent likelihood and impact)',
    counts: emptyGrid(ls, is),
    levels,
    placed: 0,
    unplaced: 0,
  };
  const residual: HeatMap = {
    kind: 'residual',
    title: 'Open risks after treatment (residual likelihood and impact, as the register rates them)',
    counts: emptyGrid(ls, is),
    levels,
    placed: 0,
    unplaced: 0,
  };
  yield* inSlices(risks.length, (from, to) => {
    for (let k = from; k < to; k++) {
      const r = risks[k];
      if (!r.open) continue;
      const e = r.entry;
      count(inherent, e.likelihood, e.impact, ls, is);
      count(residual, e.residualLikelihood, e.residualImpact, ls, is);
    }
  });
  return { inherent, residual: residual.placed > 0 ? residual : null };
}

function count(map: HeatMap, likelihood: ScaleValue | null, impact: ScaleValue | null, ls: number, is: number): void {
  if (!usable(likelihood) || !usable(impact)) {
    map.unplaced++;
    return;
  }
  map.counts[toMatrixStep(likelihood, ls) - 1][toMatrixStep(impact, is) - 1]++;
  map.placed++;
}

/** Where a heat map goes on a sheet: the axis-label slot, one slot per matrix step, the legend slot. */
export interface HeatMapLayout {
  label: { col: number; span: number };
  cells: readonly { col: number; span: number }[];
  legend: { col: number; span: number };
}

function stepLabel(step: number, steps: number): string {
  const words = STEP_WORDS[steps]?.[step - 1];
  return words ? `${step} ${words}` : String(step);
}

/** The legend text of a level: the level, and for a product matrix the score it starts at ("High (15+)"). */
/** An axis label of the heat map (a step's words, "Likelihood", "Key"). */
function axisCell(text: string): SpecCell {
  return textCell(text, 'heatAxis' as StyleName);
}

/** One cell of a map: the count of open risks there, in the level's colour (blank when none). */
function countCell(map: HeatMap, l: number, i: number): SpecCell {
  const n = map.counts[l][i];
  const style = LEVEL_STYLE[map.levels[l][i]] as StyleName;
  return n > 0 ? numberCell(n, style) : textCell('', style);
}

/** The levels the map's cells show, highest first: the legend lists only these. */
function levelsOnMap(map: HeatMap): Level[] {
  const used = new Set(map.levels.flat());
  return [...LEVELS].reverse().filter((l) => used.has(l));
}

function legendText(level: Level, matrix: RiskMatrix, thresholds: Partial<Record<Level, number>> | null): string {
  const from = thresholds?.[level];
  return from !== undefined ? `${level} (${from}+)` : level;
}

/**
 * Writes one heat map: a header row (impact steps), one row per likelihood step from the highest
 * down, each cell the count with the level's colour, and the legend beside it. Returns false (and
 * writes a note) when the matrix has more steps than the layout has slots.
 */
export function writeHeatMap(
  b: SheetBuilder,
  map: HeatMap,
  matrix: RiskMatrix,
  layout: HeatMapLayout,
  thresholds: Partial<Record<Level, number>> | null,
): boolean {
  const ls = map.counts.length;
  const is = map.counts[0]?.length ?? 0;
  b.addWide(textCell(map.title, 'label'));
  if (is > layout.cells.length) {
    b.addWide(
      textCell(`The matrix has ${is} impact steps; a heat map of more than ${layout.cells.length} does not fit this page.`, 'note'),
    );
    return false;
  }
  // A smaller matrix (3x3) keeps its legend next to it rather than at the far edge.
  const legendSlot = is < layout.cells.length ? layout.cells[is] : layout.legend;
  b.addParts(
    [
      { ...layout.label, cell: axisCell('Likelihood \u2193  Impact \u2192') },
      ...Array.from({ length: is }, (_, i) => ({ ...layout.cells[i], cell: axisCell(stepLabel(i + 1, is)) })),
      { ...legendSlot, cell: textCell('Level of each colour', 'heatAxis' as StyleName) },
    ],
    30,
  );
  const legend = levelsOnMap(map);
  for (let row = 0; row < Math.max(ls, legend.length); row++) {
    const l = ls - 1 - row; // highest likelihood first
    const parts = [];
    if (l >= 0) {
      parts.push({ ...layout.label, cell: axisCell(stepLabel(l + 1, ls)) });
      for (let i = 0; i < is; i++) parts.push({ ...layout.cells[i], cell: countCell(map, l, i) });
    }
    const level = legend[row];
    if (level) parts.push({ ...legendSlot, cell: textCell(legendText(level, matrix, thresholds), LEVEL_STYLE[level] as StyleName) });
    b.addParts(parts, 24);
  }
  const onMap = `${map.placed} open ${map.placed === 1 ? 'risk' : 'risks'} on the map`;
  const off =
    map.unplaced > 0
      ? `; ${map.unplaced} open ${map.unplaced === 1 ? 'risk has' : 'risks have'} no ${map.kind === 'residual' ? 'residual ' : ''}likelihood and impact and ${map.unplaced === 1 ? 'is' : 'are'} not shown`
      : '';
  b.addWide(textCell(`${onMap}${off}. Levels from ${matrix.choice.label}.`, 'note'));
  return true;
}

/**
 * Where two heat maps go side by side: one likelihood-label slot shared by both, then each map's
 * impact slots, and the slot for the words beside the legend row (under the right-hand map).
 */
export interface HeatMapPairLayout {
  label: { col: number; span: number };
  left: readonly { col: number; span: number }[];
  right: readonly { col: number; span: number }[];
}

/** The slots from the first to the n-th as one merged part. */
function across(slots: readonly { col: number; span: number }[], n: number): { col: number; span: number } {
  const last = slots[n - 1];
  return { col: slots[0].col, span: last.col + last.span - slots[0].col };
}

function placedNote(map: HeatMap, name: string): string {
  const off =
    map.unplaced > 0
      ? `; ${map.unplaced} open ${map.unplaced === 1 ? 'risk has' : 'risks have'} no ${map.kind === 'residual' ? 'residual ' : ''}likelihood and impact`
      : '';
  return `${name}: ${map.placed} open ${map.placed === 1 ? 'risk' : 'risks'} on the map${off}.`;
}

/**
 * Writes the inherent map and the residual map side by side: a title over each, the impact steps
 * across, one row per likelihood step from the highest down (its label shared at the left), the
 * legend under the left map (each level's colour, with its score threshold for a product matrix)
 * and what the colours mean under the right one. Returns false (and writes a note) when the matrix
 * has more steps than a side has slots.
 */
export function writeHeatMapPair(
  b: SheetBuilder,
  inherent: HeatMap,
  residual: HeatMap,
  matrix: RiskMatrix,
  layout: HeatMapPairLayout,
  thresholds: Partial<Record<Level, number>> | null,
): boolean {
  const ls = inherent.counts.length;
  const is = inherent.counts[0]?.length ?? 0;
  const room = Math.min(layout.left.length, layout.right.length);
  if (is > room) {
    b.addWide(
      textCell(`The matrix has ${is} impact steps; two heat maps of more than ${room} do not fit side by side on this page.`, 'note'),
    );
    return false;
  }
  b.addParts([
    { ...across(layout.left, is), cell: textCell('Before treatment (inherent)', 'label') },
    { ...across(layout.right, is), cell: textCell('After treatment (residual, as the register rates it)', 'label') },
  ]);
  const impactHeads = (slots: readonly { col: number; span: number }[]) =>
    Array.from({ length: is }, (_, i) => ({ ...slots[i], cell: axisCell(stepLabel(i + 1, is)) }));
  b.addParts([{ ...layout.label, cell: axisCell('Likeli\u00adhood') }, ...impactHeads(layout.left), ...impactHeads(layout.right)], 30);
  const countCells = (map: HeatMap, l: number, slots: readonly { col: number; span: number }[]) =>
    Array.from({ length: is }, (_, i) => ({ ...slots[i], cell: countCell(map, l, i) }));
  for (let l = ls - 1; l >= 0; l--) {
    // Tall enough for a label in three lines ("5" / "Very" / "High") in a narrow column.
    b.addParts(
      [
        { ...layout.label, cell: axisCell(stepLabel(l + 1, ls)) },
        ...countCells(inherent, l, layout.left),
        ...countCells(residual, l, layout.right),
      ],
      40,
    );
  }
  const legend = levelsOnMap(inherent);
  // The legend needs one slot per level; a matrix with fewer impact steps than levels uses the right side too.
  const legendSlots = [...layout.left, ...layout.right].slice(0, legend.length);
  const usedRight = Math.max(0, legend.length - layout.left.length);
  b.addParts(
    [
      { ...layout.label, cell: axisCell('Key') },
      ...legend.map((level, k) => ({
        ...legendSlots[k],
        cell: textCell(legendText(level, matrix, thresholds), LEVEL_STYLE[level] as StyleName),
      })),
      ...(usedRight < layout.right.length
        ? [
            {
              ...across(layout.right.slice(usedRight), layout.right.length - usedRight),
              cell: textCell(
                `Likelihood down, impact across. Each cell counts the open risks rated there; its colour is the level ${matrix.choice.label} gives it${thresholds ? ' (the score each level starts at in brackets)' : ''}.`,
                'note',
              ),
            },
          ]
        : []),
    ],
    30,
  );
  b.addWide(textCell(`${placedNote(inherent, 'Before treatment')} ${placedNote(residual, 'After treatment')}`, 'note'));
  return true;
}
