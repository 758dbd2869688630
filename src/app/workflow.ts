/**
 * The add-in's workflow, shared by the task pane and the headless runner: read the workbook,
 * analyze, highlight, generate. Every step goes through a WorkbookPort, so the same code runs
 * in Excel and on an .xlsx file; all decisions are made by the pure core.
 */
import type { SheetInfo, WorkbookPort, HighlightResult } from '../core/port';
import type { Analysis, Entry, ScoredEntry, Tier, WorkbookRead } from '../core/model';
import type { IsoDate } from '../core/dates';
import type { SheetGrid } from '../core/grid';
import { parseSettingsSliced, serializeSettingsSliced, settingsSchema, type Settings } from '../core/settings';
import { readWorkbookSliced } from '../core/register';
import { analyzeSliced, highlightRulesSliced } from '../core/analysis';
import { buildPlanSheetSliced, buildProgressSheetSliced, placeGeneratedSheet } from '../core/reports';
import { runSliced, yieldToHost } from '../host/pace';
import { effectiveFact, FACT_NAMES, harvestFacts, type EffectiveFact, type FactName, type WorkbookFacts } from '../core/facts';
import { tierChoiceKey, type ChosenTier } from '../core/analysis';

export { runSliced, yieldToHost, SLICE_BUDGET_MS } from '../host/pace';

export interface WorkbookState {
  asOf: IsoDate;
  sheets: SheetInfo[];
  read: WorkbookRead;
  analysis: Analysis;
  settings: Settings;
  /**
   * What the workbook itself states (title rows, cover/info sheets): practice name, risk analysis
   * date and author, prepared / approved by. The pane shows each as "found in the workbook" (editable);
   * a value the user types is saved in the settings and wins (see core/facts.ts `effectiveFact`).
   */
  facts: WorkbookFacts;
  /** Plain-words warnings about the saved settings (tampered or invalid values were ignored). */
  warnings: string[];
}

/** A failure the user can act on; `message` is written for a compliance officer. */
export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowError';
  }
}

export interface LoadOptions {
  asOf: IsoDate;
  /** Unsaved values from the pane or the command line; they win over the saved settings for this run. */
  settingsPatch?: Partial<Settings>;
  /** Told what the load is doing, with the share done (0..1), for the pane's progress bar. */
  onProgress?: (label: string, fraction: number) => void;
}

/** Reads the settings and every user sheet, then maps, scores and checks the register and CAP. */
export async function loadWorkbook(port: WorkbookPort, options: LoadOptions): Promise<WorkbookState> {
  const progress = options.onProgress ?? (() => {});
  progress('Reading the sheets', 0.05);
  const sheets = await port.listSheets();
  const stored = await runSliced(parseSettingsSliced(await port.readStore()));
  const settings = applyPatch(stored.settings, options.settingsPatch);
  const { read, facts, staleWarnings } = await readSheets(port, settings, progress);
  const count = (read.register?.entries.length ?? 0) + read.caps.reduce((n, t) => n + t.entries.length, 0);
  progress(`Scoring and checking ${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'}`, 0.7);
  await yieldToHost();
  const analysis = await runSliced(analyzeSliced(read, { asOf: options.asOf, matrix: settings.matrix, tierChoices: settings.tierChoices }));
  const warnings = [...stored.warnings, ...staleWarnings];
  return { asOf: options.asOf, sheets, read, analysis, settings, facts, warnings };
}

/**
 * Reads the sheets and takes from their grids all a load needs (the read, the facts, the mapping
 * warnings). Its own function so the grids, every cell of every sheet and the biggest thing a
 * load holds, can be collected when it returns, before the analysis builds its structures.
 */
async function readSheets(
  port: WorkbookPort,
  settings: Settings,
  progress: NonNullable<LoadOptions['onProgress']>,
): Promise<{ read: WorkbookRead; facts: WorkbookFacts; staleWarnings: string[] }> {
  const grids = await port.readGrids();
  progress('Finding the register and its columns', 0.4);
  await yieldToHost();
  const read = await runSliced(readWorkbookSliced(grids, settings.mapping));
  return { read, facts: harvestFacts(grids, read), staleWarnings: staleMappingWarnings(settings, grids) };
}

/** A saved mapping for a sheet that is no longer in the workbook does nothing; say so rather than stay silent. */
function staleMappingWarnings(settings: Settings, grids: SheetGrid[]): string[] {
  const names = new Set(grids.map((g) => g.name));
  return settings.mapping
    .filter((m) => !names.has(m.sheet))
    .map(
      (m) =>
        `The saved setting "mapping" names the sheet "${m.sheet}", which is not in this workbook; that part of the mapping was ignored.`,
    );
}

/** Merges a patch into settings; a patch that breaks the schema is refused with the field named. */
export function applyPatch(settings: Settings, patch: Partial<Settings> | undefined): Settings {
  if (!patch) return settings;
  const merged = { ...settings, ...stripUndefined(patch) };
  // The saved snapshot (50,000 risks after a big plan) was checked when it was read, in slices:
  // checking it again here would hold the pane's thread for one long block. A patched one is checked.
  const keptSnapshot = patch.snapshot === undefined ? settings.snapshot : undefined;
  const parsed = settingsSchema.safeParse(keptSnapshot ? { ...merged, snapshot: undefined } : merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkflowError(`The setting "${issue?.path.join('.') ?? '?'}" is not valid: ${issue?.message ?? 'invalid value'}.`);
  }
  // The snapshot is the schema's last field, so appending it keeps the key order of one schema pass.
  return keptSnapshot ? { ...parsed.data, snapshot: keptSnapshot } : parsed.data;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Saves settings (mapping, matrix, practice details, CAP terms) into the workbook. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<void> {
  await port.writeStore(await runSliced(serializeSettingsSliced(settings)));
}

/** Adds the add-in's highlight rules to the register and CAP sheets (replacing our earlier ones). */
export async function highlightGaps(port: WorkbookPort, state: WorkbookState): Promise<HighlightResult> {
  if (!port.capabilities().conditionalFormats) {
    return {
      applied: 0,
      skipped: [{ sheet: '', reason: 'This version of Excel cannot add highlight rules (ExcelApi 1.6 is needed).' }],
    };
  }
  return port.applyHighlights(await runSliced(highlightRulesSliced(state.analysis, state.read)));
}

/** Removes exactly the add-in's highlight rules; the user's own conditional formats stay. */
export async function clearHighlights(port: WorkbookPort): Promise<number> {
  return port.clearHighlights();
}

export interface GenerateOptions {
  /** Keep our previous plan as a dated copy instead of replacing it (defaults to the saved setting). */
  keepPrevious?: boolean;
}

/**
 * Writes the Risk Management Plan sheet, then saves the snapshot that the next plan's
 * "changes since the last plan" is computed against.
 */
export async function generatePlan(
  port: WorkbookPort,
  state: WorkbookState,
  options: GenerateOptions = {},
): Promise<{ sheet: string; settings: Settings }> {
  if (!state.read.register) {
    throw new WorkflowError(
      'No risk register was found in this workbook, so there is nothing to plan. Check the Workbook step: pick the register sheet and its columns, then try again.',
    );
  }
  await yieldToHost();
  const { spec, snapshot } = await runSliced(
    buildPlanSheetSliced({ analysis: state.analysis, read: state.read, settings: state.settings, asOf: state.asOf, facts: state.facts }),
  );
  await yieldToHost();
  const keepPrevious = options.keepPrevious ?? state.settings.keepPreviousPlan;
  const placement = placeGeneratedSheet(await port.listSheets(), 'plan', { keepPrevious, asOf: state.asOf });
  await port.writeSheet(spec, placement);
  const settings: Settings = { ...state.settings, planVersion: state.settings.planVersion + 1, snapshot };
  await saveSettings(port, settings);
  return { sheet: placement.name, settings };
}

/** Writes the CAP Progress Report sheet (from the CAP sheets, or the register's actions when there are none). */
export async function generateProgressReport(
  port: WorkbookPort,
  state: WorkbookState,
  options: GenerateOptions = {},
): Promise<{ sheet: string }> {
  if (state.analysis.capItems.length === 0) {
    throw new WorkflowError(
      'No corrective actions were found: there is no CAP sheet, and the register has no action column with entries. Add the actions, or map the CAP sheet in the Workbook step.',
    );
  }
  await yieldToHost();
  const spec = await runSliced(
    buildProgressSheetSliced({
      analysis: state.analysis,
      read: state.read,
      settings: state.settings,
      asOf: state.asOf,
      facts: state.facts,
    }),
  );
  await yieldToHost();
  const placement = placeGeneratedSheet(await port.listSheets(), 'progress', {
    keepPrevious: options.keepPrevious ?? false,
    asOf: state.asOf,
  });
  await port.writeSheet(spec, placement);
  return { sheet: placement.name };
}

// ---------------------------------------------------------------- tiers and facts, for the pane

/**
 * The pane's three buttons for an item: the tiers in the order to show them, the engine's best guess
 * first (the user's saved choice first when there is one), and which one is current.
 */
export function tierButtons(item: ScoredEntry): { tiers: readonly ChosenTier[]; current: Tier; chosenByUser: boolean } {
  const tiers = item.tierGuesses ?? (['This week', 'Vendor conversations', 'Budget decisions'] as const);
  return { tiers, current: item.tier, chosenByUser: item.tierSource === 'choice' };
}

/** `settings` with the user's tier for `entry` set (or removed with null), keyed by `tierChoiceKey`. */
export function withTierChoice(
  settings: Settings,
  entry: Pick<Entry, 'sheet' | 'id' | 'risk' | 'action'>,
  tier: ChosenTier | null,
): Settings {
  const key = tierChoiceKey(entry);
  const others = settings.tierChoices.filter((c) => c.key !== key);
  return { ...settings, tierChoices: tier ? [...others, { key, tier }] : others };
}

/**
 * The pane's tier buttons call this: saves the choice in the workbook's settings (never in the
 * user's cells) and returns the state analysed again with it, so the plan and the runner use it too.
 */
export async function chooseTier(port: WorkbookPort, state: WorkbookState, entry: Entry, tier: ChosenTier | null): Promise<WorkbookState> {
  const settings = withTierChoice(state.settings, entry, tier);
  await saveSettings(port, settings);
  return reanalyze(state, settings);
}

/** The same workbook read, analysed again with changed settings (no sheet is read again). */
export async function reanalyze(state: WorkbookState, settings: Settings): Promise<WorkbookState> {
  const analysis = await runSliced(
    analyzeSliced(state.read, { asOf: state.asOf, matrix: settings.matrix, tierChoices: settings.tierChoices }),
  );
  return { ...state, settings, analysis };
}

/** Labels of the practice details the plan prints, for the pane's form. */
export const FACT_LABELS: Record<FactName, string> = {
  practiceName: 'Practice name',
  riskAnalysisDate: 'Risk analysis date',
  riskAnalysisBy: 'Risk analysis conducted by',
  preparedBy: 'Plan prepared by',
  approvedBy: 'Plan approved by',
};

/**
 * The practice details as the pane shows them: the value the plan will print, and whether it was
 * typed (settings) or "found in the workbook" (with the cell), or is missing. Editing a value saves it
 * in the settings (applyPatch / saveSettings), where it wins over what the workbook says.
 */
export function practiceDetails(state: WorkbookState): ({ name: FactName; label: string } & EffectiveFact)[] {
  return FACT_NAMES.map((name) => ({ name, label: FACT_LABELS[name], ...effectiveFact(state.settings, state.facts, name) }));
}
