/**
 * Cell text is data, never a key into a plain object: "constructor", "__proto__", "toString" and
 * friends in every kind of cell go through read, analysis, highlights and both generated sheets as
 * plain text. And a saved snapshot of 100,000 risks that left the register does not overflow the stack.
 */
import ExcelJS from 'exceljs';
import { openXlsx } from '../../src/adapters/xlsx';
import { generatePlan, generateProgressReport, highlightGaps, loadWorkbook, saveSettings } from '../../src/app/workflow';
import { DEFAULT_SETTINGS, type SnapshotRisk } from '../../src/core/settings';
import { AS_OF, bytesOf } from './helpers';

const WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];

function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.addRow(['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Risk Level', 'Mitigation Plan', 'Owner', 'Due Date', 'Status']);
  WORDS.forEach((w, i) => {
    ws.addRow([`R-${i + 1}`, `Risk ${w}`, w, w, w, `Fix the ${w} problem`, w, w, w]);
  });
  // And the words as whole cells wherever a lookup could take them.
  ws.addRow(['constructor', '__proto__', 3, 4, 'High', 'toString', 'valueOf', new Date(Date.UTC(2026, 11, 1)), 'hasOwnProperty']);
  const cap = wb.addWorksheet('CAP');
  cap.addRow(['Finding', 'Corrective Action', 'Responsible', 'Due Date', 'Status', 'Verified By']);
  for (const w of WORDS) cap.addRow([`Finding ${w}`, `Action ${w}`, w, w, w, w]);
  return wb;
}

describe('prototype words in cells', () => {
  it('are plain text through read, highlights and both generated sheets', async () => {
    const port = await openXlsx(await bytesOf(register()));
    const state = await loadWorkbook(port, { asOf: AS_OF });
    expect(state.read.register?.entries.length).toBe(WORDS.length + 1);
    // Nothing took the words for a known status or rating.
    for (const risk of state.analysis.risks) {
      expect(['string', 'object']).toContain(typeof risk.entry.status);
      expect(typeof risk.level === 'string' || risk.level === null).toBe(true);
    }
    await highlightGaps(port, state);
    await generatePlan(port, state);
    await generateProgressReport(port, state);
    const saved = await openXlsx(await port.save());
    const grids = await saved.readGrids();
    const plan = grids.find((g) => g.name === 'Risk Management Plan')!;
    const text = plan.values
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    for (const w of WORDS) expect(text).toContain(w);
    expect(grids.some((g) => g.name === 'CAP Progress Report')).toBe(true);
  });
});

describe('a snapshot of 100,000 risks no longer in the register', () => {
  it('is read, compared and replaced without overflowing the stack', async () => {
    const port = await openXlsx(await bytesOf(register()));
    const risks: SnapshotRisk[] = Array.from({ length: 100_000 }, (_, i) => ({
      key: `gone-${i}`,
      id: `OLD-${i}`,
      risk: `A risk that was closed and removed ${i}`,
      owner: 'Someone',
      dueDate: '2025-01-01',
      status: 'Open',
      level: 'High',
    }));
    await saveSettings(port, { ...DEFAULT_SETTINGS, planVersion: 1, snapshot: { generatedOn: '2026-01-01', version: 1, risks } });
    const reopened = await openXlsx(await port.save());
    const state = await loadWorkbook(reopened, { asOf: AS_OF });
    expect(state.settings.snapshot?.risks).toHaveLength(100_000);
    expect(state.warnings).toEqual([]);
    const result = await generatePlan(reopened, state);
    expect(result.sheet).toBe('Risk Management Plan');
    const again = await openXlsx(await reopened.save());
    expect((await again.listSheets()).some((s) => s.name === 'Risk Management Plan')).toBe(true);
  }, 60_000);
});
