/** Builds a PaneView from grids the way a session does, for component tests. */
import type { SheetGrid } from '../../core/grid';
import { readWorkbook } from '../../core/register';
import { analyze } from '../../core/analysis';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { harvestFacts } from '../../core/facts';
import { paneViewOf, type PaneView } from '../paneView';

export function viewOfGrids(grids: SheetGrid[], asOf = '2026-11-23', settings: Settings = DEFAULT_SETTINGS): PaneView {
  const read = readWorkbook(grids, settings.mapping);
  const analysis = analyze(read, { asOf, matrix: settings.matrix, tierChoices: settings.tierChoices });
  const sheets = grids.map((g, index) => ({ name: g.name, index, visibility: g.visibility, marker: g.marker, protected: g.protected }));
  return paneViewOf({ asOf, sheets, read, analysis, settings, facts: harvestFacts(grids, read), warnings: [] }, grids);
}
