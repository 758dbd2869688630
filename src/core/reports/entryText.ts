/**
 * How one risk or CAP item's fields read on a report. Problems are written as visible
 * words ("MISSING: assign an owner", "NOT A DATE: Q3 2026") so they survive printing.
 */
import type { DateValue, Entry, ScoredEntry } from '../model';
import type { SpecCell } from '../sheetSpec';
import { dateCell, textCell, type CellMemo } from './sheetBuilder';
import type { IsoDate } from '../dates';
import type { StyleName } from './styles';
import { hasKind } from '../findingKinds';

/**
 * The cells below come from the report's memo when the caller passes one (values that repeat down
 * a table: owners, statuses, dates), else are made afresh.
 */
const text = (value: string, style: StyleName, cells: CellMemo | undefined) => (cells ? cells.text(value, style) : textCell(value, style));
const plainText = (value: string, cells?: CellMemo) => text(value, 'cell', cells);
const missingText = (value: string, cells?: CellMemo) => text(value, 'missing', cells);
const plainDate = (value: IsoDate, cells?: CellMemo) => (cells ? cells.date(value, 'cell') : dateCell(value, 'cell'));

export const MISSING_OWNER = 'MISSING: assign an owner';
export const MISSING_DATE = 'MISSING: set a target date';
export const MISSING_ACTION = 'MISSING: state a specific action';
export const MISSING_RISK = 'MISSING: describe the risk';

/** The risk in words: its own text, else what the threat/vulnerability/asset columns say. */
export function riskWords(entry: Entry): string | null {
  const risk = entry.risk;
  if (risk) {
    const trimmed = risk.trim();
    if (trimmed) return trimmed;
  }
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
  return words ? textCell(words, 'cell') : missingText(MISSING_RISK);
}

/** The responsible party; when `required`, a blank or placeholder owner reads MISSING. */
export function ownerCell(entry: Entry, required: boolean, cells?: CellMemo): SpecCell {
  const owner = entry.owner?.trim();
  if (owner) return plainText(owner, cells);
  const typed = entry.ownerText?.trim();
  if (!required) return plainText(typed ? typed : 'Not recorded', cells);
  return missingText(typed ? `${MISSING_OWNER} (the sheet says "${typed}")` : MISSING_OWNER, cells);
}

/** True when `ownerCell(entry, required)` is the same cell whatever `required` says (a named owner). */
export function ownerCellIgnoresRequired(entry: Entry): boolean {
  return !!entry.owner?.trim();
}

/** True when `dateValueCell(value, required)` is the same cell whatever `required` says (something was typed). */
export function dateCellIgnoresRequired(value: DateValue | null | undefined): boolean {
  return value != null && (!!value.iso || !!value.text?.trim());
}

/** A date the user typed: a real date cell when it is one, otherwise words saying what is wrong. */
export function dateValueCell(value: DateValue | null | undefined, required: boolean, missing = MISSING_DATE, cells?: CellMemo): SpecCell {
  if (value == null) return required ? missingText(missing, cells) : plainText('', cells);
  if (value.iso) return plainDate(value.iso, cells);
  const typed = value.text?.trim() ?? '';
  if (!typed) return required ? missingText(missing, cells) : plainText('', cells);
  if (value.kind === 'ambiguous') return missingText(`NOT A CLEAR DATE: ${typed} (day and month can be read both ways)`);
  return missingText(`NOT A DATE: ${typed}`);
}

/**
 * The action; vague actions keep their words with a "VAGUE:" prefix (printed, not only coloured).
 * `vague`: whether the item has a vague-action finding, when the caller already knows.
 */
export function actionCell(scored: ScoredEntry, required: boolean, vague?: boolean): SpecCell {
  return actionCellOf(scored.entry.action?.trim(), required, vague ?? hasKind(scored.findings, 'vague-action'));
}

/** `actionCell` from the entry's action already trimmed. */
export function actionCellOf(action: string | undefined, required: boolean, vague: boolean, cells?: CellMemo): SpecCell {
  if (!action) return required ? missingText(MISSING_ACTION, cells) : plainText('', cells);
  if (vague) return textCell(`VAGUE: ${action}`, 'vague');
  // Actions repeat across rows far more often than risk texts do.
  return plainText(action, cells);
}

/** The status as the sheet says it. */
export function statusWords(entry: Entry): string {
  return entry.statusText?.trim() || entry.status || 'Not recorded';
}

/** The status cell: the status as the sheet says it. */
export function statusCell(entry: Entry, cells?: CellMemo): SpecCell {
  return plainText(statusWords(entry), cells);
}
