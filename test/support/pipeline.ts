/**
 * The pipeline's steps run to the end in one go, for tests, the bench and scripts. The core's only
 * public form of each step is the sliced one the app runs (src/core/slices.ts); each helper here is
 * that same generator drained with `finish`, so what is tested is what the pane and the runner run.
 * Only tests may import this module from src/ (test/architecture.test.ts checks it).
 */
import type { SheetGrid } from '../../src/core/grid';
import type { HighlightRule } from '../../src/core/highlight';
import type { Analysis, MappingOverride, WorkbookRead } from '../../src/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { finish } from '../../src/core/slices';
import { harvestFacts } from '../../src/core/facts';
import { readWorkbookSliced } from '../../src/core/register';
import { analyzeSliced, highlightRulesSliced, type AnalyzeOptions } from '../../src/core/analysis';
import { makeRead, makeTable, openEntry } from '../../src/core/analysis/testing';
import { paneViewOfSliced, type PaneView } from '../../src/taskpane/paneView';

export function readWorkbookNow(grids: SheetGrid[], overrides: MappingOverride[] = []): WorkbookRead {
  return finish(readWorkbookSliced(grids, overrides));
}

export function analyzeNow(read: WorkbookRead, options: AnalyzeOptions): Analysis {
  return finish(analyzeSliced(read, options));
}

export function highlightRulesNow(analysis: Analysis, read?: WorkbookRead): HighlightRule[] {
  return finish(highlightRulesSliced(analysis, read));
}

/** The pane's view of `grids`, read and analyzed the way a session does, for component tests. */
export function viewOfGrids(grids: SheetGrid[], asOf = '2026-11-23', settings: Settings = DEFAULT_SETTINGS): PaneView {
  const read = readWorkbookNow(grids, settings.mapping);
  const analysis = analyzeNow(read, { asOf, matrix: settings.matrix, tierChoices: settings.tierChoices });
  const sheets = grids.map((g, index) => ({ name: g.name, index, visibility: g.visibility, marker: g.marker, protected: g.protected }));
  return finish(paneViewOfSliced({ asOf, sheets, read, analysis, settings, facts: harvestFacts(grids, read), warnings: [] }, grids));
}

/**
 * The highlight rules of `count` open risks whose action is the vague "Review", on rows one apart:
 * more areas than one rule may cover, so the vague-action rule is cut.
 */
export function vagueActionRules(count: number): HighlightRule[] {
  const entries = Array.from({ length: count }, (_, i) => openEntry(5 + 2 * i, { risk: `Risk ${i}`, action: 'Review' }));
  const read = makeRead(makeTable('register', entries, { roles: ['id', 'risk', 'action', 'owner', 'dueDate', 'status'] }));
  return highlightRulesNow(analyzeNow(read, { asOf: '2026-11-23' }));
}
