/**
 * Orders the reports list levels and tiers in. Finding kinds' words are in ../findingKinds.ts.
 */
import type { Level, Tier } from '../model';
import { LEVELS, TIERS } from '../model';

/** Levels from the most to the least severe: the order a reader scans a summary in. */
export const LEVELS_HIGH_FIRST: readonly Level[] = [...LEVELS].reverse();

/** Tiers in the order the plan lists them (the order of TIERS in model.ts). */
export const TIER_ORDER: readonly Tier[] = TIERS;
