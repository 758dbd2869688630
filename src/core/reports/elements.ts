/**
 * The standard elements of a CAP (what OCR resolution agreements and voluntary CAPs are built
 * from), and the one table that maps a sheet's element words, or an item's own words, onto them.
 */
import type { Entry } from '../model';
import { remember } from '../memo';

export const CAP_ELEMENTS = [
  'Risk analysis',
  'Risk management plan',
  'Policies and procedures',
  'Training',
  'Technical safeguards',
  'Business associate agreements',
  'Reporting and monitoring',
] as const;
export type CapElement = (typeof CAP_ELEMENTS)[number];
/** Element column text that matches no element. */
export const OTHER_ELEMENT = 'Other';
/** No element column value, and the item's words do not say which element it belongs to. */
export const UNASSIGNED_ELEMENT = 'Unassigned';
export type ElementGroup = CapElement | typeof OTHER_ELEMENT | typeof UNASSIGNED_ELEMENT;

/** First match wins: the more specific words come first (a "BAA policy" is a BAA item). */
const ELEMENT_PATTERNS: readonly [CapElement, RegExp][] = [
  ['Business associate agreements', /\bbusiness associates?\b|\bbaas?\b/i],
  ['Risk analysis', /\brisk (analysis|assessment)\b|\bsra\b/i],
  ['Risk management plan', /\brisk management\b|\brmp\b/i],
  ['Training', /\btrain(ing|ed)?\b|\bawareness\b|\beducation\b/i],
  // "group policy" is a Windows setting (a technical safeguard), not a written policy.
  ['Policies and procedures', /(?<!group )\bpolic(y|ies)\b|\bprocedures?\b/i],
  ['Reporting and monitoring', /\breport(ing|s)?\b|\bmonitor(ing)?\b|\baudit reviews?\b/i],
  [
    'Technical safeguards',
    /\btechnical\b|\bsafeguards?\b|\bencrypt|\bmfa\b|multi-factor|two-factor|\baccess controls?\b|\baudit logs?\b|\bpatch|\bbackups?\b|\bfirewall/i,
  ],
];

function match(text: string | null): CapElement | null {
  if (!text || !text.trim()) return null;
  for (const [element, pattern] of ELEMENT_PATTERNS) if (pattern.test(text)) return element;
  return null;
}

/**
 * The element an item belongs to: its element column first (words matching no element are
 * "Other"); without one, the item's finding and action words, but only when they point to a
 * single element ("where obvious"): "enforce password policy and enable MFA" stays "Unassigned".
 * `actionHits`: one report's memo of the action texts' matches.
 */
export function elementOf(entry: Entry, actionHits?: Map<string, number>): ElementGroup {
  if (entry.element && entry.element.trim()) return match(entry.element) ?? OTHER_ELEMENT;
  let hits = 0;
  if (entry.risk && entry.risk.trim()) hits |= patternsMatching(entry.risk);
  if (entry.action && entry.action.trim()) hits |= actionPatterns(entry.action, actionHits);
  // Exactly one bit set: the words point to a single element.
  if (hits === 0 || (hits & (hits - 1)) !== 0) return UNASSIGNED_ELEMENT;
  return ELEMENT_PATTERNS[31 - Math.clz32(hits)][0];
}

/** `patternsMatching(action)`, through the caller's memo when it passes one (actions repeat down a CAP; risk texts rarely do). */
function actionPatterns(action: string, memo: Map<string, number> | undefined): number {
  return memo ? remember(memo, action, patternsMatching) : patternsMatching(action);
}

/**
 * All element patterns as one alternation, built from the table above: it matches exactly when one
 * of them does, so a text naming no element (most risk descriptions) costs one test instead of seven.
 */
const ANY_ELEMENT = new RegExp(ELEMENT_PATTERNS.map(([, pattern]) => `(?:${pattern.source})`).join('|'), 'i');

/** Bit i set when ELEMENT_PATTERNS[i] matches `text`. */
function patternsMatching(text: string): number {
  // Most texts name no element: one test.
  if (!ANY_ELEMENT.test(text)) return 0;
  let mask = 0;
  for (let i = 0; i < ELEMENT_PATTERNS.length; i++) if (ELEMENT_PATTERNS[i][1].test(text)) mask |= 1 << i;
  return mask;
}
