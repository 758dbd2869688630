/**
 * Scoring one entry on the chosen matrix, and checking the level or score the sheet states.
 */
import type { Entry, Level, ScaleValue } from '../model';
import { cellFor } from './cells';
import type { FindingWords, MismatchWords } from './findingWords';
import { coarseRank, levelFromProduct, levelFromScale, levelRank, toMatrixStep, type RiskMatrix } from './matrices';

export interface EntryScore {
  /** Computed from likelihood and impact; else the sheet's stated level; else from the stated score. */
  level: Level | null;
  /** Where `level` came from. */
  levelSource: 'computed' | 'stated-level' | 'stated-score' | 'none';
  score: number | null;
  residualLevel: Level | null;
  /** A sentence when the sheet's stated level or score disagrees with the computed one. */
  mismatch: { cell: string; message: string; fix: string } | null;
}

/** A rating the matrices can use: a finite step on a scale of at least 2 steps. Anything else counts as missing. */
function usable(v: ScaleValue | null): v is ScaleValue {
  return v !== null && Number.isFinite(v.ordinal) && Number.isFinite(v.steps) && v.steps >= 2 && v.ordinal >= 1;
}

/** Likelihood and impact -> level and score on `matrix`; null when either is missing or unusable. */
export function rate(matrix: RiskMatrix, likelihood: ScaleValue | null, impact: ScaleValue | null): { level: Level; score: number } | null {
  if (!usable(likelihood) || !usable(impact)) return null;
  return matrix.rate(toMatrixStep(likelihood, matrix.likelihoodSteps), toMatrixStep(impact, matrix.impactSteps));
}

/**
 * Scores an entry. The computed level (likelihood and impact on the matrix) is the one the
 * plan uses; the sheet's own stated level stays in the sheet untouched, and a disagreement
 * becomes a `level-mismatch` finding rather than a silent override.
 */
export function scoreEntry(entry: Entry, matrix: RiskMatrix): EntryScore {
  return scoreEntryInto(entry, matrix, newEntryScore());
}

/** An EntryScore to fill with `scoreEntryInto`. */
export function newEntryScore(): EntryScore {
  return { level: null, levelSource: 'none', score: null, residualLevel: null, mismatch: null };
}

/**
 * `scoreEntry`, written into `out` (the analysis reuses one object for 50,000 entries) and returned.
 * `words`: the run's memo, so a disagreement repeated on many rows is one sentence.
 */
export function scoreEntryInto(entry: Entry, matrix: RiskMatrix, out: EntryScore, words?: FindingWords): EntryScore {
  const computed = rate(matrix, entry.likelihood, entry.impact);
  const residual = rate(matrix, entry.residualLikelihood, entry.residualImpact);
  out.residualLevel = residual?.level ?? (usable(entry.residualLevel) ? levelFromScale(entry.residualLevel) : null);
  out.mismatch = null;
  if (computed) {
    out.level = computed.level;
    out.levelSource = 'computed';
    out.score = computed.score;
    out.mismatch = findMismatch(entry, computed.level, matrix, words);
  } else if (usable(entry.statedLevel)) {
    out.level = levelFromScale(entry.statedLevel);
    out.levelSource = 'stated-level';
    out.score = entry.statedScore?.value ?? null;
  } else if (
    entry.statedScore &&
    Number.isFinite(entry.statedScore.value) &&
    entry.statedScore.value >= 1 &&
    entry.statedScore.value <= 25
  ) {
    out.level = levelFromProduct(entry.statedScore.value);
    out.levelSource = 'stated-score';
    out.score = entry.statedScore.value;
  } else {
    out.level = null;
    out.levelSource = 'none';
    out.score = entry.statedScore?.value ?? null;
  }
  return out;
}

function findMismatch(entry: Entry, computed: Level, matrix: RiskMatrix, memo: FindingWords | undefined): EntryScore['mismatch'] {
  const stated = entry.statedLevel;
  if (usable(stated)) {
    const statedLevel = levelFromScale(stated);
    // Compare on the coarser of the two scales: a 3-step "High" agrees with a computed "Very High".
    const coarse = matrix.resolution === 3 || stated.steps < 5;
    const differs = coarse ? coarseRank(statedLevel) !== coarseRank(computed) : levelRank(statedLevel) !== levelRank(computed);
    if (differs) {
      const lik = entry.likelihood!;
      const imp = entry.impact!;
      // Registers repeat the same disagreement on many rows: with the run's memo, the words are made once.
      const make = () => mismatchWords(matrix, stated, lik, imp, computed);
      const words = memo ? memo.mismatch(matrix, stated, lik, imp, make) : make();
      return { cell: cellFor(entry, 'level'), message: words.message, fix: words.fix };
    }
    return null;
  }
  const statedScore = entry.statedScore;
  const lik = entry.likelihood!;
  const imp = entry.impact!;
  // A stated score is checked as the sheet's own arithmetic: likelihood x impact as typed.
  if (statedScore && Number.isFinite(statedScore.value) && typeof lik.raw === 'number' && typeof imp.raw === 'number') {
    const expected = lik.ordinal * imp.ordinal;
    if (Math.abs(statedScore.value - expected) > 1e-9 && statedScore.value <= lik.steps * imp.steps) {
      return {
        cell: cellFor(entry, 'score'),
        message: `The sheet states a score of ${statedScore.value}, but likelihood ${lik.ordinal} x impact ${imp.ordinal} is ${expected}.`,
        fix: 'Correct the score (or its formula) so it equals likelihood x impact, or correct the ratings.',
      };
    }
  }
  return null;
}

function mismatchWords(matrix: RiskMatrix, stated: ScaleValue, lik: ScaleValue, imp: ScaleValue, computed: Level): MismatchWords {
  const typed = stated.label ?? String(stated.raw);
  return {
    message: `The sheet states the level as "${typed}", but likelihood ${describeRating(lik)} and impact ${describeRating(imp)} give ${computed} on the ${matrix.name}.`,
    fix: `Check the likelihood, impact and level of this risk and correct whichever is wrong (the ${matrix.name} gives ${computed}).`,
  };
}

function describeRating(v: ScaleValue): string {
  return v.label ? `"${v.label}"` : `${v.ordinal} of ${v.steps}`;
}
