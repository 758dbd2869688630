/**
 * Risk matrices: how a likelihood and an impact become a level. Every table lives here,
 * once. A matrix works on its own scale (5 steps for NIST and the product, 3 for the 3x3,
 * the table's size for a custom matrix); `toMatrixStep` maps a sheet's rating onto it.
 */
import type { Level, MatrixChoice, ScaleInfo, ScaleValue, TableRead } from '../model';
import type { MatrixSettings } from '../settings';

const VL: Level = 'Very Low';
const L: Level = 'Low';
const M: Level = 'Medium';
const H: Level = 'High';
const VH: Level = 'Very High';

/**
 * NIST SP 800-30 Rev. 1, Appendix I, Table I-2 "Assessment scale - level of risk".
 * A lookup, not a product: rows are likelihood from Very Low (index 0) to Very High,
 * columns are impact from Very Low to Very High.
 */
export const NIST_TABLE_I2: readonly (readonly Level[])[] = [
  /* likelihood Very Low  */ [VL, VL, VL, L, L],
  /* likelihood Low       */ [VL, L, L, L, M],
  /* likelihood Medium    */ [VL, L, M, M, H],
  /* likelihood High      */ [VL, L, M, H, VH],
  /* likelihood Very High */ [VL, L, M, H, VH],
];

/**
 * The common 3x3 matrix: rows likelihood Low/Medium/High, columns impact Low/Medium/High.
 *            impact L  impact M  impact H
 *   lik. L     Low       Low       Medium
 *   lik. M     Low       Medium    High
 *   lik. H     Medium    High      High
 */
export const THREE_BY_THREE: readonly (readonly Level[])[] = [
  [L, L, M],
  [L, M, H],
  [M, H, H],
];

/**
 * Default thresholds for likelihood x impact on a 5x5 scale (scores 1..25):
 * 20-25 Very High, 15-19 High, 8-14 Medium, 4-7 Low, 1-3 Very Low.
 */
export const DEFAULT_PRODUCT_THRESHOLDS = { Low: 4, Medium: 8, High: 15, 'Very High': 20 } as const;
export type ProductThresholds = { Low: number; Medium: number; High: number; 'Very High': number };

/** The level a likelihood x impact score reaches under `thresholds` (each is a minimum). */
export function levelFromProduct(score: number, thresholds: ProductThresholds = DEFAULT_PRODUCT_THRESHOLDS): Level {
  if (score >= thresholds['Very High']) return VH;
  if (score >= thresholds.High) return H;
  if (score >= thresholds.Medium) return M;
  if (score >= thresholds.Low) return L;
  return VL;
}

/**
 * A rating on any scale -> a step on the 5-step scale (1 = Very Low .. 5 = Very High).
 * - 5 steps: as is.
 * - 3 steps (Low/Medium/High, 1-3): 2, 3, 4 (Low, Medium, High; a 3-point scale has no "very").
 * - 4 steps (e.g. Low/Medium/High/Critical): 2, 3, 4, 5 (the top step of a 4-point scale is the most severe).
 * - 10 steps: ceil(n / 2).
 * - anything else: proportional, ceil(n * 5 / steps).
 */
export function toFiveStep(ordinal: number, steps: number): number {
  const n = Math.round(ordinal);
  let five: number;
  if (steps === 5) five = n;
  else if (steps === 3 || steps === 4) five = n + 1;
  else five = Math.ceil((n * 5) / Math.max(steps, 1));
  return clamp(five, 1, 5);
}

/** A 5-step value -> a 3-step value for the 3x3 matrix: 1-2 Low, 3 Medium, 4-5 High. */
export function fiveToThree(five: number): number {
  return five <= 2 ? 1 : five === 3 ? 2 : 3;
}

/** A rating -> a step 1..size on a matrix side of `size` steps. */
export function toMatrixStep(value: Pick<ScaleValue, 'ordinal' | 'steps'>, size: number): number {
  if (value.steps === size) return clamp(Math.round(value.ordinal), 1, size);
  if (size === 3) return value.steps === 3 ? clamp(Math.round(value.ordinal), 1, 3) : fiveToThree(toFiveStep(value.ordinal, value.steps));
  if (size === 5) return toFiveStep(value.ordinal, value.steps);
  return clamp(Math.ceil((toFiveStep(value.ordinal, value.steps) * size) / 5), 1, size);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** A matrix ready to use: rate likelihood and impact, or a stated score. */
export interface RiskMatrix {
  choice: MatrixChoice;
  /** Short name for prose: "the NIST SP 800-30 Table I-2". */
  name: string;
  /** Steps on the likelihood side and the impact side. */
  likelihoodSteps: number;
  impactSteps: number;
  /** The finest level distinction it makes: 3 for the 3x3 (Low/Medium/High), else 5. */
  resolution: 3 | 5;
  /** Level and score for likelihood and impact steps already on this matrix's scale. */
  rate(likelihood: number, impact: number): { level: Level; score: number };
}

/** Builds the matrix for saved settings. */
export function buildMatrix(settings: MatrixSettings, reason: string): RiskMatrix {
  return { ...buildTable(settings, reason), name: MATRIX_NAMES[settings.name] };
}

function buildTable(settings: MatrixSettings, reason: string): Omit<RiskMatrix, 'name'> {
  switch (settings.name) {
    case 'nist':
      return {
        choice: { name: 'nist', label: MATRIX_LABELS.nist, reason },
        likelihoodSteps: 5,
        impactSteps: 5,
        resolution: 5,
        rate: (l, i) => ({ level: NIST_TABLE_I2[l - 1][i - 1], score: l * i }),
      };
    case '3x3':
      return {
        choice: { name: '3x3', label: MATRIX_LABELS['3x3'], reason },
        likelihoodSteps: 3,
        impactSteps: 3,
        resolution: 3,
        rate: (l, i) => ({ level: THREE_BY_THREE[l - 1][i - 1], score: l * i }),
      };
    case 'product': {
      // Ratings on other scales (3, 4, 10 steps) are first mapped onto 1-5, so the score is always 1-25.
      const t = settings.thresholds;
      return {
        choice: {
          name: 'product',
          label: `Likelihood x impact (5x5; Very High >= ${t['Very High']}, High >= ${t.High}, Medium >= ${t.Medium}, Low >= ${t.Low})`,
          reason,
        },
        likelihoodSteps: 5,
        impactSteps: 5,
        resolution: 5,
        rate: (l, i) => ({ level: levelFromProduct(l * i, t), score: l * i }),
      };
    }
    case 'custom': {
      const rows = settings.levels;
      const cols = Math.min(...rows.map((r) => r.length));
      const distinct = new Set(rows.flat());
      return {
        choice: { name: 'custom', label: `Custom ${rows.length}x${cols} matrix`, reason },
        likelihoodSteps: rows.length,
        impactSteps: cols,
        resolution: distinct.size <= 3 ? 3 : 5,
        rate: (l, i) => ({ level: rows[l - 1][i - 1], score: l * i }),
      };
    }
  }
}

/**
 * Each matrix as a list of choices names it (the pane's picker; the plan's "Risk matrix used" for the
 * fixed ones). The product and custom matrices add their thresholds or size in `choice.label`.
 */
export const MATRIX_LABELS: Readonly<Record<MatrixSettings['name'], string>> = Object.freeze({
  nist: 'NIST SP 800-30 Table I-2 (5x5 lookup)',
  '3x3': '3x3 Low / Medium / High',
  product: 'Likelihood x impact with thresholds',
  custom: 'Custom matrix',
});

/** Each matrix as prose names it ("... saved in this workbook's settings"). */
const MATRIX_NAMES: Record<MatrixSettings['name'], string> = {
  nist: 'NIST SP 800-30 Table I-2',
  '3x3': '3x3 Low / Medium / High matrix',
  product: 'likelihood x impact score',
  custom: 'custom matrix',
};

/**
 * Picks the matrix. A matrix saved in the workbook wins; otherwise the register's own
 * scales decide: 3-step ratings -> 3x3; a numeric score column of up to 25 (the sheet
 * multiplies) -> product; 5-step ratings -> NIST; nothing to go on -> NIST.
 */
export function chooseMatrix(register: TableRead | null, saved?: MatrixSettings): RiskMatrix {
  if (saved) return buildMatrix(saved, `The ${MATRIX_NAMES[saved.name]} saved in this workbook's Risk Plan settings.`);
  const scales = register?.scales ?? {};
  const lik = scales.likelihood;
  const imp = scales.impact;
  const score = scales.score;
  const describe = (s: ScaleInfo | undefined) => (s ? `${s.steps}-step (${s.reason})` : 'not found');
  if ((lik && lik.steps === 3) || (imp && imp.steps === 3) || (!lik && !imp && scales.level?.steps === 3)) {
    return buildMatrix(
      { name: '3x3' },
      `The register rates on a 3-step scale (likelihood ${describe(lik)}, impact ${describe(imp)}), so the 3x3 Low / Medium / High matrix is used.`,
    );
  }
  if (score && score.form === 'numeric' && score.steps <= 25 && (lik || imp)) {
    return buildMatrix(
      { name: 'product', thresholds: { ...DEFAULT_PRODUCT_THRESHOLDS } },
      `The register has a numeric score column (${score.reason}) that multiplies likelihood by impact, so levels come from the score with the default thresholds (20+ Very High, 15+ High, 8+ Medium, 4+ Low).`,
    );
  }
  if (lik || imp) {
    return buildMatrix(
      { name: 'nist' },
      `The register rates likelihood ${describe(lik)} and impact ${describe(imp)}; NIST SP 800-30 Table I-2 is the standard lookup for such ratings.`,
    );
  }
  return buildMatrix(
    { name: 'nist' },
    'No likelihood or impact scale was found in the register; NIST SP 800-30 Table I-2 is used by default.',
  );
}

/** A stated level or a level on any scale -> one of the 5 levels. */
export function levelFromScale(value: Pick<ScaleValue, 'ordinal' | 'steps'>): Level {
  if (value.steps > 10) return levelFromProduct(value.ordinal, scaledThresholds(value.steps));
  return LEVEL_BY_FIVE[toFiveStep(value.ordinal, value.steps) - 1];
}

const LEVEL_BY_FIVE: readonly Level[] = [VL, L, M, H, VH];

/** Product thresholds scaled from a 25-point score range to `max` (a level column holding scores). */
function scaledThresholds(max: number): ProductThresholds {
  const f = max / 25;
  const t = DEFAULT_PRODUCT_THRESHOLDS;
  return { Low: t.Low * f, Medium: t.Medium * f, High: t.High * f, 'Very High': t['Very High'] * f };
}

/** The 5-step index (1..5) of a level. */
export function levelRank(level: Level): number {
  return LEVEL_BY_FIVE.indexOf(level) + 1;
}

/** A level on the 3-step scale: Very Low/Low -> 1, Medium -> 2, High/Very High -> 3. */
export function coarseRank(level: Level): number {
  return fiveToThree(levelRank(level));
}
