/**
 * The demo workbook (samples/sample-register.xlsx, built by scripts/make-sample.mjs) read
 * through the .xlsx adapter and the register reader, then analyzed as of 2026-11-23: the
 * gaps seeded on purpose must be found, at the cells where they were seeded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx } from '../src/adapters/xlsx';
import { readWorkbookNow, analyzeNow, highlightRulesNow } from './support/pipeline';
import { parseSettingsSliced } from '../src/core/settings';
import { finish } from '../src/core/slices';

const SAMPLE = join(__dirname, '..', 'samples', 'sample-register.xlsx');

describe('sample workbook analysis', () => {
  let analysis: ReturnType<typeof analyzeNow>;

  beforeAll(async () => {
    const port = await openXlsx(readFileSync(SAMPLE));
    const read = readWorkbookNow(await port.readGrids());
    analysis = analyzeNow(read, { asOf: '2026-11-23' });
  });

  const at = (sheet: string, cell: string) => analysis.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.kind);

  it('reads 25 risks and 12 CAP items, with the product matrix the sheet itself uses', () => {
    expect(analysis.risks).toHaveLength(25);
    expect(analysis.capItems).toHaveLength(12);
    expect(analysis.capFromRegister).toBe(false);
    expect(analysis.matrix.name).toBe('product');
  });

  it('puts the overdue Very High MFA risk first', () => {
    expect(analysis.risks[0].entry.id).toBe('R-01');
    expect(analysis.risks[0].priorityReason).toBe('Open, Very High (score 20), overdue 39 days');
    expect(analysis.risks[0].tier).toBe('This week');
  });

  it('finds the seeded register gaps at their cells', () => {
    const reg = 'Risk Register';
    expect(at(reg, 'M10')).toEqual(['missing-owner']); // R-04 owner "TBD"
    expect(at(reg, 'M21')).toEqual(['missing-owner']); // R-15 owner blank
    expect(at(reg, 'N12')).toEqual(['overdue']);
    expect(at(reg, 'L14')).toEqual(['vague-action']); // R-08 "Improve security awareness"
    expect(at(reg, 'L22')).toEqual(['vague-action']); // R-16 "Monitor"
    expect(at(reg, 'Q16')).toEqual(['missing-verification']);
    expect(at(reg, 'K24')).toEqual(['level-mismatch']); // R-18 stated Medium, 4 x 4 = 16
    expect(at(reg, 'N26')).toEqual(['missing-due-date']); // R-20 "Q2 2027"
    expect(at(reg, 'R27')).toEqual(['accepted-without-justification']);
    expect(at(reg, 'S18')).toEqual(['stale-review']); // R-12 reviewed 2025-06-01
  });

  it('finds the seeded CAP gaps', () => {
    const cap = 'CAP Tracker';
    expect(at(cap, 'D8')).toEqual(['missing-root-cause']);
    expect(at(cap, 'J8')).toEqual(['missing-verification']);
    expect(at(cap, 'C13')).toEqual(['vague-action']);
    expect(at(cap, 'A15')).toEqual(['duplicate']);
    expect(analysis.capSummary).toEqual({
      total: 12,
      completed: 4,
      verified: 2,
      inProgress: 3,
      notStarted: 5,
      overdue: 2,
      dueNext30Days: 2,
    });
  });

  it('highlights blank owners with a live rule on the owner column', () => {
    const owner = highlightRulesNow(analysis).find((r) => r.sheet === 'Risk Register' && r.kind === 'missing-owner');
    expect(owner?.ranges).toBe('M7:M31');
    expect(owner?.formula.startsWith('=AND(N("RiskPlan")=0,OR(LEN(TRIM(M7))=0')).toBe(true);
  });
});

describe('sample workbook settings', () => {
  it('carries valid saved settings, so the demo plan header is complete', async () => {
    const port = await openXlsx(readFileSync(SAMPLE));
    const { settings, warnings } = finish(parseSettingsSliced(await port.readStore()));
    expect(warnings).toEqual([]);
    expect(settings.practiceName).toBe('Riverside Family Medicine');
    expect(settings.riskAnalysisDate).toBe('2026-06-25');
    expect(settings.cap.effectiveDate).toBe('2026-07-01');
    // The store sheet is not a user sheet: the reader never sees it.
    expect((await port.readGrids()).map((g) => g.name)).not.toContain('RiskPlan_Data');
  });
});
