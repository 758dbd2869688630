/**
 * Highlights are conditional-format rules the add-in owns: they never change a value,
 * font or fill the user set, and "Clear highlights" removes exactly these rules.
 */
import type { FindingKind } from './model';

/**
 * Every rule formula Risk Plan writes contains this term. N("text") is 0 in Excel and
 * LibreOffice, so the term is always true and changes nothing; it lets both adapters
 * recognize (and remove) exactly our rules and leave the user's own.
 */
export const HIGHLIGHT_MARKER_TERM = 'N("RiskPlan")=0';

export interface HighlightRule {
  sheet: string;
  /** Bounded A1 range(s), space-separated for several areas, e.g. "N3:N17" or "H4 H9 H12". */
  ranges: string;
  /**
   * Custom formula relative to the top-left cell of the first range, starting with "=" and
   * containing HIGHLIGHT_MARKER_TERM. Live rules (blank owner) test the cell; fixed-cell rules
   * are just "=AND(N("RiskPlan")=0,TRUE)".
   */
  formula: string;
  kind: FindingKind;
  fill: string;
  fontColor: string;
  /**
   * Flagged cells this rule leaves out because the kind has more places than a rule may cover
   * (MAX_HIGHLIGHT_AREAS in core/analysis/highlights.ts keeps the ones nearest the top). Absent when none.
   */
  omitted?: number;
}

/** True when a conditional-format formula is one of ours. */
export function isOwnHighlightFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.replace(/\s+/g, '').includes(HIGHLIGHT_MARKER_TERM);
}
