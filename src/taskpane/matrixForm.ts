/**
 * The risk matrix form of the Review step: which matrix, the product thresholds as the
 * inputs hold them (strings), and the custom table. Filled from the workbook's saved
 * matrix and turned back into `settings.matrix` (undefined = choose from the register's scales).
 */
import { LEVELS, type Level } from '../core/model';
import type { MatrixSettings } from '../core/settings';
import { DEFAULT_PRODUCT_THRESHOLDS, MATRIX_LABELS, NIST_TABLE_I2 } from '../core/analysis/matrices';

/** "auto" leaves the choice to the register's scales; the others are saved by name. */
export type MatrixChoiceName = 'auto' | MatrixSettings['name'];

/** The Select's options, in the order shown. */
export const MATRIX_OPTIONS: readonly { value: MatrixChoiceName; label: string }[] = [
  { value: 'auto', label: "Automatic (from the workbook's scales)" },
  { value: 'nist', label: MATRIX_LABELS.nist },
  { value: '3x3', label: MATRIX_LABELS['3x3'] },
  { value: 'product', label: MATRIX_LABELS.product },
  { value: 'custom', label: MATRIX_LABELS.custom },
];

/** Threshold inputs from the lowest level that has a minimum score to the highest. */
export const THRESHOLD_LEVELS = ['Low', 'Medium', 'High', 'Very High'] as const;
export type ThresholdLevel = (typeof THRESHOLD_LEVELS)[number];

/** Scores on the 5x5 product run from 1 to 25. */
export const PRODUCT_MAX_SCORE = 25;

export interface MatrixForm {
  choice: MatrixChoiceName;
  /** Minimum likelihood x impact score per level, as typed. */
  thresholds: Record<ThresholdLevel, string>;
  /** levels[likelihood-1][impact-1], likelihood rows from lowest to highest (as settings store it). */
  levels: Level[][];
}

/** Short names that fit a 320 px pane; screen readers get the full names. */
export const LEVEL_ABBREVIATIONS: Record<Level, string> = {
  'Very Low': 'VL',
  Low: 'L',
  Medium: 'M',
  High: 'H',
  'Very High': 'VH',
};

const defaultThresholds = (): Record<ThresholdLevel, string> => ({
  Low: String(DEFAULT_PRODUCT_THRESHOLDS.Low),
  Medium: String(DEFAULT_PRODUCT_THRESHOLDS.Medium),
  High: String(DEFAULT_PRODUCT_THRESHOLDS.High),
  'Very High': String(DEFAULT_PRODUCT_THRESHOLDS['Very High']),
});

const nistLevels = (): Level[][] => NIST_TABLE_I2.map((row) => [...row]);

/**
 * The form for the saved matrix. Fields the saved matrix does not use get their defaults; the
 * custom table starts as the matrix in use (`inUse`, at the register's own scale), so saving
 * "Custom" unchanged changes no level. Without it, the NIST table.
 */
export function matrixFormFromSettings(saved: MatrixSettings | undefined, inUse?: readonly (readonly Level[])[]): MatrixForm {
  const start = inUse && inUse.length >= 2 ? inUse.map((row) => [...row]) : nistLevels();
  const form: MatrixForm = { choice: saved?.name ?? 'auto', thresholds: defaultThresholds(), levels: start };
  if (saved?.name === 'product') {
    for (const level of THRESHOLD_LEVELS) form.thresholds[level] = String(saved.thresholds[level]);
  }
  if (saved?.name === 'custom') form.levels = saved.levels.map((row) => [...row]);
  return form;
}

/** Steps of the register's likelihood and impact scales (undefined where the column was not found). */
export interface RatingSteps {
  likelihood?: number;
  impact?: number;
}

/**
 * A warning when the chosen matrix does not fit the register's ratings: its sides have another
 * number of steps than the likelihood and impact columns, so ratings are stretched or squeezed
 * onto it. Null when it fits or nothing is known.
 */
export function matrixFitWarning(form: MatrixForm, steps: RatingSteps): string | null {
  if (form.choice === 'auto') return null;
  const rows = form.choice === 'custom' ? form.levels.length : form.choice === '3x3' ? 3 : 5;
  const cols = form.choice === 'custom' ? Math.min(...form.levels.map((r) => r.length)) : rows;
  const misfits: string[] = [];
  if (steps.likelihood !== undefined && steps.likelihood !== rows)
    misfits.push(`likelihood on ${steps.likelihood} steps (the matrix has ${rows} rows)`);
  if (steps.impact !== undefined && steps.impact !== cols) misfits.push(`impact on ${steps.impact} steps (the matrix has ${cols} columns)`);
  if (misfits.length === 0) return null;
  return `This matrix does not fit the register's ratings: it rates ${misfits.join(' and ')}. Ratings will be stretched or squeezed onto the matrix, which can move risks to other levels. Automatic picks a matrix that fits.`;
}

/** Threshold -> problem in words; empty when the form can be saved. Only the product matrix has inputs to check. */
export function validateMatrixForm(form: MatrixForm): Partial<Record<ThresholdLevel, string>> {
  if (form.choice !== 'product') return {};
  const problems: Partial<Record<ThresholdLevel, string>> = {};
  let previous: { level: ThresholdLevel; value: number } | null = null;
  for (const level of THRESHOLD_LEVELS) {
    const text = form.thresholds[level].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 1 || value > PRODUCT_MAX_SCORE) {
      problems[level] = `Enter a score from 1 to ${PRODUCT_MAX_SCORE}.`;
      previous = null;
      continue;
    }
    if (previous && value <= previous.value) {
      problems[level] = `Must be more than the ${previous.level} minimum (${previous.value}).`;
    }
    previous = { level, value };
  }
  return problems;
}

/** What to save as `settings.matrix` for a valid form; undefined for Automatic. */
export function matrixSettingsFromForm(form: MatrixForm): MatrixSettings | undefined {
  switch (form.choice) {
    case 'auto':
      return undefined;
    case 'nist':
    case '3x3':
      return { name: form.choice };
    case 'product':
      return {
        name: 'product',
        thresholds: {
          Low: Number(form.thresholds.Low),
          Medium: Number(form.thresholds.Medium),
          High: Number(form.thresholds.High),
          'Very High': Number(form.thresholds['Very High']),
        },
      };
    case 'custom':
      return { name: 'custom', levels: form.levels.map((row) => [...row]) };
  }
}

/** True when saving the form would change what the workbook has saved. */
export function matrixFormChanged(form: MatrixForm, saved: MatrixSettings | undefined): boolean {
  if (form.choice === 'product' && Object.keys(validateMatrixForm(form)).length > 0) return true;
  return JSON.stringify(matrixSettingsFromForm(form) ?? null) !== JSON.stringify(saved ?? null);
}

/** The form with one custom cell set (a new table; the form is state and is never mutated). */
export function withCustomCell(form: MatrixForm, likelihood: number, impact: number, level: Level): MatrixForm {
  const levels = form.levels.map((row, l) => (l === likelihood - 1 ? row.map((v, i) => (i === impact - 1 ? level : v)) : row));
  return { ...form, levels };
}

/**
 * Names of the steps on a matrix side: the five levels for 5 steps, Low/Medium/High for 3,
 * plain numbers otherwise (a saved custom table may have 2 to 10 steps).
 */
export function stepNames(steps: number): string[] {
  if (steps === LEVELS.length) return [...LEVELS];
  if (steps === 3) return ['Low', 'Medium', 'High'];
  return Array.from({ length: steps }, (_, i) => String(i + 1));
}
