import { FakeWorkbook, fakeRun, installOfficeStub } from '../../../test/fakes/excel-fake';
import { HIGHLIGHT_MARKER_TERM, type HighlightRule } from '../../core/highlight';
import { createOfficeWorkbookPort } from './index';
import { shiftFormula } from './highlights';

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.13');
});
afterEach(() => restore());

function rule(sheet: string, ranges: string, formula = `=AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(N3))`): HighlightRule {
  return { sheet, ranges, formula, kind: 'missing-owner', fill: '#FFC7CE', fontColor: '#9C0006' };
}

function workbook(rows = 20): FakeWorkbook {
  const wb = new FakeWorkbook();
  const reg = wb.addSheet('Risk Register');
  reg.setValues('A1', [['ID', 'Risk']]);
  reg.setValues(
    'A2',
    Array.from({ length: rows }, (_, i) => [`R-${i}`, `Risk ${i}`]),
  );
  // The user's own rule must survive everything we do.
  wb.addConditionalFormat(reg, {
    type: 'Custom',
    ranges: [{ top: 1, left: 0, bottom: 5, right: 0 }],
    formula: '=A2="R-1"',
    fill: '#00FF00',
  });
  wb.addConditionalFormat(reg, { type: 'ColorScale', ranges: [{ top: 1, left: 1, bottom: 5, right: 1 }] });
  wb.addSheet('CAP').setValues('A1', [['Action']]);
  return wb;
}

describe('applyHighlights', () => {
  it('adds custom-formula rules with fill and font colours on bounded ranges', async () => {
    const wb = workbook();
    const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights([
      rule('Risk Register', 'N3:N17'),
      rule('CAP', 'B2 B5 B9', `=AND(${HIGHLIGHT_MARKER_TERM},TRUE)`),
    ]);
    expect(result).toEqual({ applied: 2, skipped: [] });
    const ours = wb.sheet('Risk Register').conditionalFormats.filter((c) => c.formula?.includes('RiskPlan'));
    expect(ours).toEqual([
      expect.objectContaining({
        type: 'Custom',
        ranges: [{ top: 2, left: 13, bottom: 16, right: 13 }],
        fill: '#FFC7CE',
        fontColor: '#9C0006',
      }),
    ]);
    const cap = wb.sheet('CAP').conditionalFormats;
    expect(cap).toHaveLength(1);
    expect(cap[0].ranges).toHaveLength(3);
  });

  it('replaces our earlier rules instead of piling them up, and keeps the user rules', async () => {
    const wb = workbook();
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await port.applyHighlights([rule('Risk Register', 'N3:N17')]);
    await port.applyHighlights([rule('Risk Register', 'N3:N17'), rule('Risk Register', 'H4')]);
    const cfs = wb.sheet('Risk Register').conditionalFormats;
    expect(cfs.filter((c) => c.formula?.includes('RiskPlan'))).toHaveLength(2);
    expect(cfs.filter((c) => c.formula === '=A2="R-1"')).toHaveLength(1);
    expect(cfs.filter((c) => c.type === 'ColorScale')).toHaveLength(1);
  });

  it('uses the same number of round trips for 1,000 and 50,000 rows and many rules', async () => {
    const counts: number[] = [];
    for (const rows of [1_000, 50_000]) {
      const wb = workbook(rows);
      const rules = Array.from({ length: rows / 100 }, (_, i) => rule('Risk Register', `H${i * 100 + 2}`));
      rules.push(rule('Risk Register', `N2:N${rows + 1}`));
      const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights(rules);
      expect(result.applied).toBe(rules.length);
      counts.push(wb.syncCount);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  it('skips a protected sheet with a sentence and changes nothing on it', async () => {
    const wb = workbook();
    const reg = wb.sheet('Risk Register');
    reg.protected = true;
    const before = JSON.stringify(reg.conditionalFormats);
    const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights([rule('Risk Register', 'N3:N17'), rule('CAP', 'B2')]);
    expect(result.applied).toBe(1);
    expect(result.skipped).toEqual([{ sheet: 'Risk Register', reason: expect.stringContaining('"Risk Register" is protected') }]);
    expect(JSON.stringify(reg.conditionalFormats)).toBe(before);
    expect(wb.sheet('CAP').conditionalFormats).toHaveLength(1);
  });

  it('turns an AccessDenied from Excel into a plain sentence', async () => {
    const wb = workbook();
    const run = fakeRun(wb);
    // Protection switched on between our check and the write: Excel answers AccessDenied.
    let calls = 0;
    const racing = (async (batch: (c: Excel.RequestContext) => Promise<unknown>) =>
      run(async (context) => {
        const originalSync = context.sync.bind(context);
        context.sync = async () => {
          if (++calls === 3) wb.sheet('Risk Register').protected = true;
          return originalSync();
        };
        return batch(context);
      })) as unknown as typeof Excel.run;
    await expect(createOfficeWorkbookPort(racing).applyHighlights([rule('Risk Register', 'N3')])).rejects.toThrow(
      'The sheet "Risk Register" is protected, so Risk Plan could not add highlights. Unprotect it (Review > Unprotect Sheet) and try again.',
    );
  });

  it('without ExcelApi 1.9 adds one rule per area, moving the formula to each area', async () => {
    restore();
    restore = installOfficeStub('1.8');
    const wb = workbook();
    const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights([
      rule('Risk Register', 'N3:N4 N10', `=AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(N3),$A$1="ID")`),
    ]);
    expect(result.applied).toBe(1);
    const ours = wb.sheet('Risk Register').conditionalFormats.filter((c) => c.formula?.includes('RiskPlan'));
    expect(ours.map((c) => c.formula)).toEqual([
      `=AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(N3),$A$1="ID")`,
      `=AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(N10),$A$1="ID")`,
    ]);
  });

  it('reports every sheet as skipped below ExcelApi 1.6', async () => {
    restore();
    restore = installOfficeStub('1.5');
    const wb = workbook();
    const result = await createOfficeWorkbookPort(fakeRun(wb)).applyHighlights([rule('Risk Register', 'N3')]);
    expect(result.applied).toBe(0);
    expect(result.skipped[0].reason).toMatch(/cannot add highlight rules/);
    expect(wb.syncCount).toBe(0);
  });
});

describe('clearHighlights', () => {
  it('removes only our rules, counts them, and leaves the user rule', async () => {
    const wb = workbook();
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await port.applyHighlights([rule('Risk Register', 'N3:N17'), rule('Risk Register', 'H4'), rule('CAP', 'B2')]);
    expect(await port.clearHighlights(['Risk Register'])).toBe(2);
    expect(wb.sheet('CAP').conditionalFormats).toHaveLength(1);
    expect(await port.clearHighlights()).toBe(1);
    expect(await port.clearHighlights()).toBe(0);
    const left = wb.sheet('Risk Register').conditionalFormats;
    expect(left.map((c) => c.formula ?? c.type)).toEqual(['=A2="R-1"', 'ColorScale']);
  });
});

describe('shiftFormula', () => {
  it('moves relative references, keeps anchors, function names and quoted text', () => {
    expect(shiftFormula('=AND(N("RiskPlan")=0,ISBLANK(N3),$A$1="B2",LOG10(C$4),$D5)', 2, 1)).toBe(
      '=AND(N("RiskPlan")=0,ISBLANK(O5),$A$1="B2",LOG10(D$4),$D7)',
    );
  });
});
