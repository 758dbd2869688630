/**
 * Everything the pane does to a workbook, as small async functions outside the components
 * (components get these as props and never touch Excel). They call only the shared workflow
 * in src/app/workflow.ts, so the pane and the headless runner behave the same.
 */
import type { HighlightResult, WorkbookPort } from '../core/port';
import type { MappingOverride } from '../core/model';
import type { MatrixSettings, Settings } from '../core/settings';
import {
  clearHighlights,
  generatePlan,
  generateProgressReport,
  highlightGaps,
  loadWorkbook,
  saveSettings,
  yieldToHost,
  type WorkbookState,
} from '../app/workflow';
import { foundValues, patchFromForm, type SettingsForm } from './settingsForm';

/** A workbook the pane works on: Excel adds navigation, a file adds save(). */
export type PanePort = WorkbookPort & {
  selectCell?(sheet: string, cell: string): Promise<void>;
  activateSheet?(name: string): Promise<void>;
  save?(): Promise<Uint8Array>;
};

/** Reports what long work is doing; fraction is 0..1. */
export type ProgressFn = (label: string, fraction: number) => void;

/** Lets Excel (and the browser) breathe between long steps so the pane never looks frozen. */
export { yieldToHost };

/** Reads and analyzes the workbook as of the given date. */
export function readState(port: PanePort, asOf: string, patch?: Partial<Settings>, onProgress?: ProgressFn): Promise<WorkbookState> {
  return loadWorkbook(port, { asOf, settingsPatch: patch, onProgress });
}

/** Saves the user's column mapping into the workbook and re-reads with it. */
export async function saveMapping(
  port: PanePort,
  state: WorkbookState,
  mapping: MappingOverride[],
  onProgress: ProgressFn,
): Promise<WorkbookState> {
  onProgress('Saving the mapping', 0.2);
  await saveSettings(port, { ...state.settings, mapping });
  await yieldToHost();
  onProgress('Re-reading the workbook', 0.6);
  return readState(port, state.asOf);
}

/**
 * Saves the risk matrix (undefined = choose from the register's scales) into the workbook
 * and re-reads, so the counts, findings and the next plan use it.
 */
export async function saveMatrix(
  port: PanePort,
  state: WorkbookState,
  matrix: MatrixSettings | undefined,
  onProgress: ProgressFn,
): Promise<WorkbookState> {
  onProgress('Saving the risk matrix', 0.2);
  // Spread then set: an explicit undefined removes a saved matrix (the JSON drops the key).
  await saveSettings(port, { ...state.settings, matrix });
  await yieldToHost();
  onProgress('Re-reading the workbook', 0.6);
  return readState(port, state.asOf);
}

/** Adds highlight rules for the gaps the analysis found. */
export function highlight(port: PanePort, state: WorkbookState): Promise<HighlightResult> {
  return highlightGaps(port, state);
}

/** Removes the add-in's highlight rules; returns how many were removed. */
export function clear(port: PanePort): Promise<number> {
  return clearHighlights(port);
}

/** Result of a Generate button: the new sheet's name and the workbook re-read afterwards. */
export interface GenerateResult {
  sheet: string;
  state: WorkbookState;
}

/** Generates the Risk Management Plan with the form's values (which the workflow saves with the snapshot). */
export async function generatePlanSheet(
  port: PanePort,
  state: WorkbookState,
  form: SettingsForm,
  onProgress: ProgressFn,
): Promise<GenerateResult> {
  onProgress('Reading the register', 0.1);
  const fresh = await readState(port, form.asOf, patchFromForm(form, state.settings, foundValues(state.facts)));
  await yieldToHost();
  onProgress('Writing the risk management plan', 0.4);
  const { sheet } = await generatePlan(port, fresh, { keepPrevious: form.keepPreviousPlan });
  await yieldToHost();
  onProgress('Re-reading the workbook', 0.85);
  return { sheet, state: await readState(port, form.asOf) };
}

/** Generates the CAP Progress Report, saving the form's values first so they travel with the workbook. */
export async function generateProgressSheet(
  port: PanePort,
  state: WorkbookState,
  form: SettingsForm,
  onProgress: ProgressFn,
): Promise<GenerateResult> {
  onProgress('Reading the corrective action plan', 0.1);
  const fresh = await readState(port, form.asOf, patchFromForm(form, state.settings, foundValues(state.facts)));
  await saveSettings(port, fresh.settings);
  await yieldToHost();
  onProgress('Writing the progress report', 0.4);
  const { sheet } = await generateProgressReport(port, fresh);
  await yieldToHost();
  onProgress('Re-reading the workbook', 0.85);
  return { sheet, state: await readState(port, form.asOf) };
}
