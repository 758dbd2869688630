/**
 * Highlights as conditional-format rules the add-in owns. Every pass is a fixed number of
 * round trips (list sheets, load rule types, load custom formulas, change), whatever the number
 * of rows or rules; our rules are recognized by HIGHLIGHT_MARKER_TERM and nothing else is touched.
 */
import { columnIndex, columnLetter, parseRangeAddress } from '../../core/grid';
import type { HighlightRule } from '../../core/highlight';
import { isOwnHighlightFormula } from '../../core/highlight';
import type { HighlightResult } from '../../core/port';

interface TargetSheet {
  name: string;
  sheet: Excel.Worksheet;
  protected: boolean;
}

/** Sheets by name (case-insensitive), with protection; one round trip. */
async function loadSheets(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Map<string, TargetSheet>> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await sync();
  return new Map(
    sheets.items.map((sheet) => [sheet.name.toLowerCase(), { name: sheet.name, sheet, protected: sheet.protection.protected }]),
  );
}

/** Our rules on these sheets, found in two round trips (rule types, then custom formulas). */
async function findOwnRules(targets: TargetSheet[], sync: () => Promise<void>): Promise<Excel.ConditionalFormat[]> {
  const collections = targets.map((t) => t.sheet.getRange().conditionalFormats.load('items/type'));
  await sync();
  // `custom` exists only on custom rules; loading it on another type fails, so filter first.
  const custom = collections.flatMap((c) => c.items.filter((cf) => cf.type === 'Custom'));
  for (const cf of custom) cf.custom.rule.load('formula');
  await sync();
  return custom.filter((cf) => isOwnHighlightFormula(cf.custom.rule.formula));
}

function protectedReason(name: string): string {
  return `The sheet "${name}" is protected, so Risk Plan left it without highlights. Unprotect it (Review > Unprotect Sheet) to see them.`;
}

/**
 * Shifts the relative A1 references of a formula by (rows, cols), leaving $-anchored parts,
 * function names and text in quotes alone. Used when a multi-area rule has to be added per area.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g,
            (whole, colAnchor: string, letters: string, rowAnchor: string, digits: string) => {
              let col = columnIndex(letters);
              let row = Number(digits) - 1;
              if (!colAnchor) col += cols;
              if (!rowAnchor) row += rows;
              if (col < 0 || row < 0) return whole;
              return `${colAnchor}${columnLetter(col)}${rowAnchor}${row + 1}`;
            },
          ),
    )
    .join('');
}

function addRule(target: Excel.ConditionalFormatCollection, formula: string, rule: HighlightRule): void {
  const cf = target.add('Custom');
  cf.custom.rule.formula = formula;
  cf.custom.format.fill.color = rule.fill;
  cf.custom.format.font.color = rule.fontColor;
}

/** Removes our earlier rules on the rules' sheets and adds these, in four round trips. */
export async function applyRules(
  context: Excel.RequestContext,
  rules: HighlightRule[],
  options: { multiAreaRanges: boolean },
  sync: () => Promise<void>,
): Promise<HighlightResult> {
  const sheets = await loadSheets(context, sync);
  const skipped: HighlightResult['skipped'] = [];
  const targets: TargetSheet[] = [];
  for (const name of new Set(rules.map((r) => r.sheet.toLowerCase()))) {
    const original = rules.find((r) => r.sheet.toLowerCase() === name)!.sheet;
    const target = sheets.get(name);
    if (!target) skipped.push({ sheet: original, reason: `There is no sheet named "${original}" any more, so it was not highlighted.` });
    else if (target.protected) skipped.push({ sheet: target.name, reason: protectedReason(target.name) });
    else targets.push(target);
  }

  const own = await findOwnRules(targets, sync);
  for (const cf of own) cf.delete();

  let applied = 0;
  for (const rule of rules) {
    const target = targets.find((t) => t.name.toLowerCase() === rule.sheet.toLowerCase());
    if (!target) continue;
    const areas = rule.ranges.split(/[\s,]+/).filter(Boolean);
    if (areas.length === 0) continue;
    if (areas.length === 1) addRule(target.sheet.getRange(areas[0]).conditionalFormats, rule.formula, rule);
    else if (options.multiAreaRanges) addRule(target.sheet.getRanges(areas.join(',')).conditionalFormats, rule.formula, rule);
    else {
      // Without multi-area ranges (ExcelApi 1.9) each area gets its own rule, its formula moved
      // from the first area's top-left to this area's.
      const first = parseRangeAddress(areas[0]);
      for (const area of areas) {
        const here = parseRangeAddress(area);
        const formula = first && here ? shiftFormula(rule.formula, here.top - first.top, here.left - first.left) : rule.formula;
        addRule(target.sheet.getRange(area).conditionalFormats, formula, rule);
      }
    }
    applied++;
  }
  await sync();
  return { applied, skipped };
}

/** Removes exactly our rules on the named sheets (all sheets when omitted); protected sheets are left alone. */
export async function clearRules(
  context: Excel.RequestContext,
  names: string[] | undefined,
  sync: () => Promise<void>,
): Promise<number> {
  const sheets = await loadSheets(context, sync);
  const wanted = names?.map((n) => n.toLowerCase());
  const targets = [...sheets.entries()]
    .filter(([lower, t]) => !t.protected && (!wanted || wanted.includes(lower)))
    .map(([, t]) => t);
  const own = await findOwnRules(targets, sync);
  for (const cf of own) cf.delete();
  await sync();
  return own.length;
}
