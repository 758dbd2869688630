/**
 * Plain words for the analysis' codes, in one place, so both reports (and anything
 * else that prints a finding kind) say the same thing.
 */
import type { FindingKind, Level, Tier } from '../model';
import { LEVELS, TIERS } from '../model';

/** A finding kind as a compliance officer would say it. */
export const FINDING_LABELS: Record<FindingKind, string> = {
  'missing-owner': 'No responsible party',
  'missing-due-date': 'No target date',
  overdue: 'Overdue',
  'missing-action': 'No action stated',
  'vague-action': 'Vague action',
  'missing-verification': 'Completed but not verified',
  'missing-root-cause': 'No root cause recorded',
  'level-mismatch': 'Stated level disagrees with the matrix',
  'stale-review': 'Review date out of date',
  duplicate: 'Recurring or duplicate finding',
  'accepted-without-justification': 'Accepted without a written justification',
};

/** Levels from the most to the least severe: the order a reader scans a summary in. */
export const LEVELS_HIGH_FIRST: readonly Level[] = [...LEVELS].reverse();

/** Tiers in the order the plan lists them (the order of TIERS in model.ts). */
export const TIER_ORDER: readonly Tier[] = TIERS;

/** Finding kinds of a list of findings, de-duplicated, in plain words, joined for one cell. */
export function flagsText(kinds: readonly FindingKind[]): string {
  const unique = [...new Set(kinds)];
  return unique.map((k) => FINDING_LABELS[k]).join('; ');
}
