/**
 * The pane's engine: one open workbook, its latest read, and the actions on it, answering with
 * a PaneView. `LocalSession` does the work on the calling thread (Excel, where Office.js must
 * stay on the page's thread, and the component tests); in file mode the page talks to a
 * LocalSession inside a Web Worker through `workerSession.ts`, so reading, analyzing, building
 * sheets and writing the file never freeze the pane.
 */
import type { HighlightResult, HostCapabilities, WorkbookPort } from '../core/port';
import type { MappingOverride } from '../core/model';
import type { MatrixSettings } from '../core/settings';
import type { SheetGrid } from '../core/grid';
import { chooseTier as chooseTierInWorkbook, type WorkbookState } from '../app/workflow';
import { tierChoiceKey, type ChosenTier } from '../core/analysis';
import * as actions from './workbookActions';
import type { PanePort, ProgressFn } from './workbookActions';
import type { SettingsForm } from './settingsForm';
import { paneViewOfSliced, type PaneView } from './paneView';
import { runSliced } from '../host/pace';

export interface GeneratedView {
  sheet: string;
  view: PaneView;
}

/** Everything the pane asks of a workbook. Progress is reported as (label, 0..1). */
export interface PaneSession {
  /** File mode: opens .xlsx bytes as the session's workbook (replacing any other). */
  open(bytes: ArrayBuffer, asOf: string, progress: ProgressFn): Promise<PaneView>;
  read(asOf: string, progress: ProgressFn): Promise<PaneView>;
  saveMapping(mapping: MappingOverride[], progress: ProgressFn): Promise<PaneView>;
  saveMatrix(matrix: MatrixSettings | undefined, progress: ProgressFn): Promise<PaneView>;
  /**
   * Saves the user's tier for the open risk saved under `key` (PaneView.tierItems), or removes it
   * (null), in the workbook's settings, never in its cells; the view comes back with it applied.
   */
  chooseTier(key: string, tier: ChosenTier | null, progress: ProgressFn): Promise<PaneView>;
  highlight(): Promise<HighlightResult>;
  clear(): Promise<number>;
  generatePlan(form: SettingsForm, progress: ProgressFn): Promise<GeneratedView>;
  generateProgress(form: SettingsForm, progress: ProgressFn): Promise<GeneratedView>;
  /** File mode: the workbook as .xlsx bytes with every change made so far. */
  save(progress: ProgressFn): Promise<Uint8Array>;
  capabilities(): Promise<HostCapabilities | null>;
  /** Ends a worker; nothing for a local session. */
  dispose(): void;
}

/** Opens .xlsx bytes as a port (the ExcelJS adapter, loaded lazily so the Excel bundle stays small). */
export type OpenXlsxFn = (data: ArrayBuffer) => Promise<PanePort>;

export const openXlsxLazily: OpenXlsxFn = async (data) => {
  const { openXlsx } = await import('../adapters/xlsx');
  return openXlsx(data);
};

/** The port with `readGrids` noted, so the view can show sample values from the same read. */
function recordingGrids(port: PanePort): { port: PanePort; take(): SheetGrid[] } {
  let grids: SheetGrid[] = [];
  const wrapped: WorkbookPort = {
    host: port.host,
    capabilities: () => port.capabilities(),
    listSheets: () => port.listSheets(),
    readGrids: async (names) => {
      const read = await port.readGrids(names);
      if (!names) grids = read;
      return read;
    },
    readStore: () => port.readStore(),
    writeStore: (json) => port.writeStore(json),
    writeSheet: (spec, placement) => port.writeSheet(spec, placement),
    applyHighlights: (rules) => port.applyHighlights(rules),
    clearHighlights: (sheets) => port.clearHighlights(sheets),
  };
  return {
    port: wrapped,
    take() {
      const out = grids;
      grids = [];
      return out;
    },
  };
}

const NO_WORKBOOK = 'No workbook is open.';

/** A session on this thread. */
export class LocalSession implements PaneSession {
  private port: PanePort | null;
  private state: WorkbookState | null = null;
  /** The last read's grids: a view made without reading again (a tier choice) still shows sample values. */
  private grids: SheetGrid[] = [];

  constructor(
    port: PanePort | null,
    private readonly openXlsx: OpenXlsxFn = openXlsxLazily,
  ) {
    this.port = port;
  }

  private withView(next: WorkbookState, grids: SheetGrid[]): Promise<PaneView> {
    this.state = next;
    if (grids.length > 0) this.grids = grids;
    return runSliced(paneViewOfSliced(next, this.grids));
  }

  private need(): { port: PanePort; state: WorkbookState } {
    if (!this.port || !this.state) throw new Error(NO_WORKBOOK);
    return { port: this.port, state: this.state };
  }

  async open(bytes: ArrayBuffer, asOf: string, progress: ProgressFn): Promise<PaneView> {
    progress('Unpacking the workbook', 0.15);
    const port = await this.openXlsx(bytes);
    await actions.yieldToHost();
    const rec = recordingGrids(port);
    const next = await actions.readState(rec.port, asOf, undefined, (label, f) => progress(label, 0.45 + f * 0.5));
    // Only a workbook that was read replaces the one open before.
    this.port = port;
    return this.withView(next, rec.take());
  }

  async read(asOf: string, progress: ProgressFn): Promise<PaneView> {
    if (!this.port) throw new Error(NO_WORKBOOK);
    const rec = recordingGrids(this.port);
    return this.withView(await actions.readState(rec.port, asOf, undefined, progress), rec.take());
  }

  async saveMapping(mapping: MappingOverride[], progress: ProgressFn): Promise<PaneView> {
    const { port, state } = this.need();
    const rec = recordingGrids(port);
    return this.withView(await actions.saveMapping(rec.port, state, mapping, progress), rec.take());
  }

  async saveMatrix(matrix: MatrixSettings | undefined, progress: ProgressFn): Promise<PaneView> {
    const { port, state } = this.need();
    const rec = recordingGrids(port);
    return this.withView(await actions.saveMatrix(rec.port, state, matrix, progress), rec.take());
  }

  async chooseTier(key: string, tier: ChosenTier | null, progress: ProgressFn): Promise<PaneView> {
    const { port, state } = this.need();
    const scored = state.analysis.risks.find((r) => tierChoiceKey(r.entry) === key);
    if (!scored) throw new Error('That risk is no longer in the register; read the workbook again.');
    progress(tier ? `Saving “${tier}”` : 'Removing your choice', 0.3);
    return this.withView(await chooseTierInWorkbook(port, state, scored.entry, tier), []);
  }

  highlight(): Promise<HighlightResult> {
    const { port, state } = this.need();
    return actions.highlight(port, state);
  }

  clear(): Promise<number> {
    return actions.clear(this.need().port);
  }

  async generatePlan(form: SettingsForm, progress: ProgressFn): Promise<GeneratedView> {
    const { port, state } = this.need();
    const rec = recordingGrids(port);
    const result = await actions.generatePlanSheet(rec.port, state, form, progress);
    return { sheet: result.sheet, view: await this.withView(result.state, rec.take()) };
  }

  async generateProgress(form: SettingsForm, progress: ProgressFn): Promise<GeneratedView> {
    const { port, state } = this.need();
    const rec = recordingGrids(port);
    const result = await actions.generateProgressSheet(rec.port, state, form, progress);
    return { sheet: result.sheet, view: await this.withView(result.state, rec.take()) };
  }

  async save(progress: ProgressFn): Promise<Uint8Array> {
    const { port } = this.need();
    if (!port.save) throw new Error('This workbook cannot be downloaded from here.');
    progress('Writing the workbook file', 0.3);
    return port.save();
  }

  async capabilities(): Promise<HostCapabilities | null> {
    return this.port ? this.port.capabilities() : null;
  }

  dispose(): void {
    this.port = null;
    this.state = null;
    this.grids = [];
  }
}
