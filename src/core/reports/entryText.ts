/**
 * How one risk or CAP item's fields read on a report. Problems are written as visible
 * words ("MISSING: assign an owner", "NOT A DATE: Q3 2026") so they survive printing.
 */
import type { DateValue, Entry, ScoredEntry } from '../model';
import type { SpecCell } from '../sheetSpec';
import { textCell } from './sheetBuilder';
import { sharedDateCell, sharedTextCell } from './sharedCells';

export const MISSING_OWNER = 'MISSING: assign an owner';
export const MISSING_DATE = 'MISSING: set a target date';
export const MISSING_ACTION = 'MISSING: state a specific action';
export const MISSING_RISK = 'MISSING: describe the risk';

/** The risk in words: its own text, else what the threat/vulnerability/asset columns say. */
export function riskWords(entry: Entry): string | null {
  if (entry.risk && entry.risk.trim()) return entry.risk.trim();
  const parts: string[] = [];
  if (entry.threat?.trim()) parts.push(`Threat: ${entry.threat.trim()}`);
  if (entry.vulnerability?.trim()) parts.push(`Vulnerability: ${entry.vulnerability.trim()}`);
  if (entry.asset?.trim()) parts.push(`Asset: ${entry.asset.trim()}`);
  return parts.length ? parts.join('; ') : null;
}

export function riskCell(entry: Entry): SpecCell {
  return riskCellOf(riskWords(entry));
}

/** `riskCell` from `riskWords(entry)` already worked out. */
export function riskCellOf(words: string | null): SpecCell {
  return words ? textCell(words, 'cell') : sharedTextCell(MISSING_RISK, 'missing');
}

/** The responsible party; when `required`, a blank or placeholder owner reads MISSING. */
export function ownerCell(entry: Entry, required: boolean): SpecCell {
  if (entry.owner && entry.owner.trim()) return sharedTextCell(entry.owner.trim(), 'cell');
  const typed = entry.ownerText?.trim();
  if (!required) return sharedTextCell(typed ? typed : 'Not recorded', 'cell');
  return sharedTextCell(typed ? `${MISSING_OWNER} (the sheet says "${typed}")` : MISSING_OWNER, 'missing');
}

/** A date the user typed: a real date cell when it is one, otherwise words saying what is wrong. */
export function dateValueCell(value: DateValue | null, required: boolean, missingText = MISSING_DATE): SpecCell {
  if (value?.iso) return sharedDateCell(value.iso, 'cell');
  const typed = value?.text?.trim() ?? '';
  if (!typed) return required ? sharedTextCell(missingText, 'missing') : sharedTextCell('', 'cell');
  if (value?.kind === 'ambiguous') return sharedTextCell(`NOT A CLEAR DATE: ${typed} (day and month can be read both ways)`, 'missing');
  return sharedTextCell(`NOT A DATE: ${typed}`, 'missing');
}

/**
 * The action; vague actions keep their words with a "VAGUE:" prefix (printed, not only coloured).
 * `vague`: whether the item has a vague-action finding, when the caller already knows.
 */
export function actionCell(scored: ScoredEntry, required: boolean, vague?: boolean): SpecCell {
  const action = scored.entry.action?.trim();
  if (!action) return required ? sharedTextCell(MISSING_ACTION, 'missing') : sharedTextCell('', 'cell');
  if (vague ?? scored.findings.some((f) => f.kind === 'vague-action')) return sharedVagueCell(action);
  // Actions repeat across rows far more often than risk texts do.
  return sharedTextCell(action, 'cell');
}

const vagueCells = new Map<string, SpecCell>();
function sharedVagueCell(action: string): SpecCell {
  let cell = vagueCells.get(action);
  if (cell === undefined) {
    if (vagueCells.size >= 20_000) vagueCells.clear();
    vagueCells.set(action, (cell = Object.freeze(textCell(`VAGUE: ${action}`, 'vague'))));
  }
  return cell;
}

/** The status as the sheet says it. */
export function statusWords(entry: Entry): string {
  return entry.statusText?.trim() || entry.status || 'Not recorded';
}
