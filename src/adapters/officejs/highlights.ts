/**
 * Highlights as conditional-format rules the add-in owns. Every pass is a fixed number of
 * round trips (list sheets, load rule types, load custom formulas, change), whatever the number
 * of rows or rules; our rules are recognized by HIGHLIGHT_MARKER_TERM and nothing else is touched.
 */
import { highlightCutNote } from '../../core/analysis/highlights';
import { columnIndex, columnLetter, parseRangeAddress } from '../../core/grid';
import type { HighlightRule } from '../../core/highlight';
import { isOwnHighlightFormula } from '../../core/highlight';
import type { HighlightResult } from '../../core/port';

/**
 * The most areas, and characters, one `getRanges` address may hold. Real Excel rejects long
 * multi-area addresses ("The argument is invalid or missing or has an incorrect format"):
 * office-js issue #5198 reports failures from about 500 areas or 8,200 characters, and some
 * shorter ones, so a rule's areas go to Excel in groups well under both.
 */
export const MAX_AREAS_PER_ADDRESS = 100;
export const MAX_ADDRESS_CHARS = 2_000;

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

/**
 * A rule's areas in order, cut into groups that each make a safe `getRanges` address (joined
 * with ","): at most MAX_AREAS_PER_ADDRESS areas and MAX_ADDRESS_CHARS characters.
 */
export function addressGroups(areas: string[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let chars = 0;
  for (const area of areas) {
    // A group is full when one more area (and its ",") would pass either limit.
    if (group.length === MAX_AREAS_PER_ADDRESS || (group.length > 0 && chars + 1 + area.length > MAX_ADDRESS_CHARS)) {
      groups.push(group);
      group = [];
      chars = 0;
    }
    chars += (group.length > 0 ? 1 : 0) + area.length;
    group.push(area);
  }
  if (group.length > 0) groups.push(group);
  return groups;
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
  const notes: string[] = [];
  for (const rule of rules) {
    const target = targets.find((t) => t.name.toLowerCase() === rule.sheet.toLowerCase());
    if (!target) continue;
    const areas = rule.ranges.split(/[\s,]+/).filter(Boolean);
    if (areas.length === 0) continue;
    // The rule's formula is relative to its first area's top-left; a group (or an area) that
    // starts elsewhere gets the formula moved there.
    const first = parseRangeAddress(areas[0]);
    const formulaAt = (area: string): string => {
      const here = parseRangeAddress(area);
      return first && here ? shiftFormula(rule.formula, here.top - first.top, here.left - first.left) : rule.formula;
    };
    if (options.multiAreaRanges) {
      for (const group of addressGroups(areas)) {
        const range = group.length === 1 ? target.sheet.getRange(group[0]) : target.sheet.getRanges(group.join(','));
        addRule(range.conditionalFormats, formulaAt(group[0]), rule);
      }
    } else {
      // Without multi-area ranges (ExcelApi 1.9) each area gets its own rule.
      for (const area of areas) addRule(target.sheet.getRange(area).conditionalFormats, formulaAt(area), rule);
    }
    applied++;
    const note = highlightCutNote(rule);
    if (note) notes.push(note);
  }
  await sync();
  return notes.length > 0 ? { applied, skipped, notes } : { applied, skipped };
}

/** Removes exactly our rules on the named sheets (all sheets when omitted); protected sheets are left alone. */
export async function clearRules(context: Excel.RequestContext, names: string[] | undefined, sync: () => Promise<void>): Promise<number> {
  const sheets = await loadSheets(context, sync);
  const wanted = names?.map((n) => n.toLowerCase());
  const targets = [...sheets.entries()].filter(([lower, t]) => !t.protected && (!wanted || wanted.includes(lower))).map(([, t]) => t);
  const own = await findOwnRules(targets, sync);
  for (const cf of own) cf.delete();
  await sync();
  return own.length;
}
