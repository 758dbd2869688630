/**
 * The .xlsx adapter with a rule the core cut short: it writes the areas it is given and reports
 * the cut in the same words as the Excel adapter.
 */
import ExcelJS from 'exceljs';
import { highlightCutNote, MAX_HIGHLIGHT_AREAS } from '../../core/analysis/highlights';
import { vagueActionRules } from '../../../test/support/pipeline';
import { HIGHLIGHT_MARKER_TERM } from '../../core/highlight';
import { openXlsx } from './index';
import { buildSourceWorkbook } from './testWorkbook';

describe('xlsx applyHighlights with a cut rule', () => {
  it('writes the first MAX_HIGHLIGHT_AREAS areas and reports the rest in words', async () => {
    const rules = vagueActionRules(5_000);
    const vague = rules.find((r) => r.kind === 'vague-action')!;
    expect(vague.omitted).toBe(3_000);

    const port = await openXlsx(await buildSourceWorkbook());
    const result = await port.applyHighlights(rules);
    expect(result.applied).toBe(rules.length);
    expect(result.skipped).toEqual([]);
    expect(result.notes).toEqual([highlightCutNote(vague)]);
    expect(result.notes![0]).toMatch(/^On "Risk Register", 3,000 cells flagged "Vague action" were not highlighted/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.save()) as unknown as ExcelJS.Buffer);
    const cfs = (
      wb.getWorksheet('Risk Register') as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }
    ).conditionalFormattings;
    const written = cfs.filter((cf) => cf.rules.some((r) => r.formulae?.[0]?.includes(HIGHLIGHT_MARKER_TERM)) && cf.ref.startsWith('H5 '));
    expect(written).toHaveLength(1);
    expect(written[0].ref.split(/\s+/)).toHaveLength(MAX_HIGHLIGHT_AREAS);
  });

  it('adds no notes when nothing was cut', async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    const result = await port.applyHighlights([
      {
        sheet: 'Risk Register',
        ranges: 'B3:B5',
        formula: `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`,
        kind: 'vague-action',
        fill: '#FFF3CD',
        fontColor: '#664D03',
      },
    ]);
    expect(result).toEqual({ applied: 1, skipped: [] });
    expect('notes' in result).toBe(false);
  });
});
