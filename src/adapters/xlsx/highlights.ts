/**
 * Our highlights as ExcelJS conditional formats. Ownership is recognised by the marker term
 * in the formula (isOwnHighlightFormula), so a user's own conditional formats are never touched.
 */
import type ExcelJS from 'exceljs';
import { highlightCutNote } from '../../core/analysis/highlights';
import { isOwnHighlightFormula, type HighlightRule } from '../../core/highlight';
import type { HighlightResult } from '../../core/port';
import { argb } from './writeSheet';
import { isProtected } from './readGrid';

interface LooseCfRule {
  type?: string;
  formulae?: unknown[];
}

function isOwnRule(rule: LooseCfRule): boolean {
  return rule.type === 'expression' && (rule.formulae ?? []).some((f) => isOwnHighlightFormula(String(f)));
}

/** Removes our rules from one sheet; returns how many were removed. */
export function removeOwnRules(worksheet: ExcelJS.Worksheet): number {
  // ExcelJS keeps the list on the worksheet but leaves it out of its typings.
  const ws = worksheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] };
  let removed = 0;
  const kept: ExcelJS.ConditionalFormattingOptions[] = [];
  for (const cf of ws.conditionalFormattings ?? []) {
    const rules = (cf.rules as LooseCfRule[]).filter((rule) => {
      const own = isOwnRule(rule);
      if (own) removed++;
      return !own;
    });
    if (rules.length > 0) kept.push({ ...cf, rules: rules as ExcelJS.ConditionalFormattingRule[] });
  }
  ws.conditionalFormattings = kept;
  return removed;
}

function highestPriority(worksheet: ExcelJS.Worksheet): number {
  const list = (worksheet as unknown as { conditionalFormattings?: { rules: { priority?: number }[] }[] }).conditionalFormattings ?? [];
  return list.reduce((max, cf) => Math.max(max, ...cf.rules.map((r) => r.priority ?? 0)), 0);
}

export function applyRules(workbook: ExcelJS.Workbook, rules: HighlightRule[]): HighlightResult {
  const bySheet = new Map<string, HighlightRule[]>();
  for (const rule of rules) bySheet.set(rule.sheet, [...(bySheet.get(rule.sheet) ?? []), rule]);

  const result: HighlightResult = { applied: 0, skipped: [] };
  for (const [sheet, sheetRules] of bySheet) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) {
      result.skipped.push({ sheet, reason: `The sheet "${sheet}" is not in the workbook any more, so nothing was highlighted there.` });
      continue;
    }
    if (isProtected(ws)) {
      result.skipped.push({ sheet, reason: `The sheet "${sheet}" is protected, so gaps were not highlighted there; unprotect it and run again.` });
      continue;
    }
    removeOwnRules(ws);
    // ExcelJS would number new rules from the highest existing priority, not above it,
    // giving two rules the same priority; number ours after the user's own.
    let priority = highestPriority(ws);
    for (const rule of sheetRules) {
      priority++;
      ws.addConditionalFormatting({
        ref: rule.ranges,
        rules: [
          {
            type: 'expression',
            priority,
            formulae: [rule.formula.replace(/^=/, '')],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
              font: { color: { argb: argb(rule.fontColor) } },
            },
          } as ExcelJS.ConditionalFormattingRule,
        ],
      });
      result.applied++;
      const note = highlightCutNote(rule);
      if (note) (result.notes ??= []).push(note);
    }
  }
  return result;
}
