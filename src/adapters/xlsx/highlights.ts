/**
 * Our highlights as <conditionalFormatting> elements patched into a worksheet's XML. Ownership
 * is recognised by the marker term in the formula (isOwnHighlightFormula), so a user's own
 * conditional formats (and Excel 2010 ones in extLst) are never touched.
 */
import { isOwnHighlightFormula, type HighlightRule } from '../../core/highlight';
import type { StylesPatch } from './styles';
import { decodeEntities, xmlText } from './xml';

/** Elements the schema puts after <conditionalFormatting> in a worksheet (CT_Worksheet). */
const AFTER_CONDITIONAL_FORMATTING = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The namespace prefix of the worksheet's main elements ("" or e.g. "x:"). */
export function mainPrefix(xml: string): string {
  return /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
}

/** Where the cells end: the schema's later elements all come after this index. */
function afterSheetData(xml: string, p: string): number {
  const close = xml.indexOf(`</${p}sheetData>`);
  if (close >= 0) return close;
  const empty = new RegExp(`<${escapeRegExp(p)}sheetData\\b[^>]*/>`).exec(xml);
  return empty ? empty.index : 0;
}

function ruleIsOwn(ruleXml: string, p: string): boolean {
  const formulas = ruleXml.match(new RegExp(`<${escapeRegExp(p)}formula>([\\s\\S]*?)</${escapeRegExp(p)}formula>`, 'g')) ?? [];
  return formulas.some((f) => isOwnHighlightFormula(decodeEntities(f.replace(/<[^>]*>/g, ''))));
}

/** The worksheet XML without our rules (the user's rules stay, in their elements). */
export function removeOwnRulesXml(xml: string, prefix = mainPrefix(xml)): { xml: string; removed: number } {
  const p = escapeRegExp(prefix);
  const from = afterSheetData(xml, prefix);
  let removed = 0;
  const block = new RegExp(`<${p}conditionalFormatting\\b[^>]*>[\\s\\S]*?</${p}conditionalFormatting>`, 'g');
  const rule = new RegExp(`<${p}cfRule\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, 'g');
  const tail = xml.slice(from).replace(block, (whole) => {
    let kept = 0;
    const out = whole.replace(rule, (r) => {
      if (ruleIsOwn(r, prefix)) {
        removed++;
        return '';
      }
      kept++;
      return r;
    });
    return kept > 0 ? out : '';
  });
  return removed === 0 ? { xml, removed } : { xml: xml.slice(0, from) + tail, removed };
}

/** The highest rule priority on the sheet (its own rules and Excel 2010 ones), 0 without any. */
function highestPriority(xml: string, from: number): number {
  let max = 0;
  const re = /\bpriority="(\d+)"/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * The worksheet XML with our earlier rules removed and `rules` added, each as its own
 * <conditionalFormatting> after the user's, numbered after the user's highest priority.
 */
export function patchHighlights(
  xml: string,
  rules: HighlightRule[],
  styles: StylesPatch,
  prefix = mainPrefix(xml),
): { xml: string; removed: number } {
  const cleaned = removeOwnRulesXml(xml, prefix);
  if (rules.length === 0) return cleaned;
  const p = prefix;
  const doc = cleaned.xml;
  const from = afterSheetData(doc, p);
  let priority = highestPriority(doc, from);
  const added = rules
    .map((rule) => {
      priority++;
      const dxfId = styles.dxf(rule.fill, rule.fontColor);
      const formula = xmlText(rule.formula.replace(/^=/, ''));
      return `<${p}conditionalFormatting sqref="${xmlText(rule.ranges)}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    })
    .join('');
  const ep = escapeRegExp(p);
  let at = -1;
  const lastCf = doc.lastIndexOf(`</${p}conditionalFormatting>`);
  if (lastCf >= from) at = lastCf + `</${p}conditionalFormatting>`.length;
  if (at < 0) {
    const later = new RegExp(`<${ep}(?:${AFTER_CONDITIONAL_FORMATTING.join('|')})(?=[\\s/>])`, 'g');
    later.lastIndex = from;
    const m = later.exec(doc);
    at = m ? m.index : doc.lastIndexOf(`</${p}worksheet>`);
  }
  return { xml: doc.slice(0, at) + added + doc.slice(at), removed: cleaned.removed };
}
