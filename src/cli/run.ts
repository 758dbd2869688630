/**
 * What the runner does for one workbook: open, load, then analyze or generate. Every
 * problem the user can act on becomes an InputError (exit 2) with a one-line reason.
 */
import { openXlsx, WorkbookOpenError } from '../adapters/xlsx';
import { generatePlan, generateProgressReport, highlightGaps, loadWorkbook, WorkflowError, type WorkbookState } from '../app/workflow';
import { DEFAULT_PRODUCT_THRESHOLDS } from '../core/analysis/matrices';
import type { IsoDate } from '../core/dates';
import type { MatrixSettings, Settings } from '../core/settings';
import type { GenerateArgs, MatrixChoiceArg } from './args';
import { InputError, readWorkbookBytes, writeAtomically } from './files';

export { InputError } from './files';

/** One line, whatever the underlying message looked like. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function matrixSettings(choice: MatrixChoiceArg | null): MatrixSettings | undefined {
  if (choice === null) return undefined;
  return choice === 'product' ? { name: 'product', thresholds: { ...DEFAULT_PRODUCT_THRESHOLDS } } : { name: choice };
}

export interface LoadedWorkbook {
  port: Awaited<ReturnType<typeof openXlsx>>;
  state: WorkbookState;
}

/** Opens and reads a workbook; everything the user can fix is an InputError. */
export async function loadFile(
  file: string,
  options: { asOf: IsoDate; matrix: MatrixChoiceArg | null; practice?: string | null },
): Promise<LoadedWorkbook> {
  const bytes = await readWorkbookBytes(file);
  try {
    const port = await openXlsx(bytes);
    const patch: Partial<Settings> = {};
    const matrix = matrixSettings(options.matrix);
    if (matrix) patch.matrix = matrix;
    if (options.practice) patch.practiceName = options.practice;
    const state = await loadWorkbook(port, { asOf: options.asOf, settingsPatch: patch });
    return { port, state };
  } catch (err) {
    if (err instanceof WorkbookOpenError || err instanceof WorkflowError) throw new InputError(err.message);
    throw err;
  }
}

/** Refuses a workbook in which neither a register nor a CAP was found. */
export function requireSomethingToRead(state: WorkbookState): void {
  if (!state.read.register && state.read.caps.length === 0) {
    throw new InputError('No risk register or corrective action plan was found in this workbook.');
  }
}

export interface GenerateOutcome {
  highlighted: number;
  skipped: string[];
  sheets: string[];
  notes: string[];
}

/** Highlights and generates into `output` (which may be the input itself only with --in-place). */
export async function generateFile(
  file: string,
  output: string,
  args: GenerateArgs,
  asOf: IsoDate,
): Promise<{ state: WorkbookState; outcome: GenerateOutcome }> {
  const { port, state } = await loadFile(file, { asOf, matrix: args.matrix, practice: args.practice });
  // A workbook with only a CAP / POA&M tracker still gets its highlights and its progress report.
  const capOnly = !state.read.register && state.analysis.capItems.length > 0;
  if (!state.read.register && !capOnly) {
    throw new InputError('No risk register or corrective action plan was found in this workbook, so nothing can be generated.');
  }
  if (capOnly && !args.progress) {
    throw new InputError(
      'No risk register was found in this workbook, so no plan can be generated; it has a corrective action plan, for which --progress writes the CAP Progress Report.',
    );
  }
  // Settings that were ignored (tampered or invalid) are worth telling whoever runs the batch.
  const outcome: GenerateOutcome = { highlighted: 0, skipped: [], sheets: [], notes: [...state.warnings] };
  try {
    if (args.highlights) {
      const result = await highlightGaps(port, state);
      outcome.highlighted = result.applied;
      outcome.skipped = result.skipped.map((s) => s.reason);
      outcome.notes.push(...(result.notes ?? []));
    }
    if (args.plan && capOnly)
      outcome.notes.push('No risk register was found, so no Risk Management Plan was written; the CAP Progress Report was.');
    else if (args.plan) outcome.sheets.push((await generatePlan(port, state, { keepPrevious: args.keepPrevious })).sheet);
    if (args.progress) {
      if (state.analysis.capItems.length === 0 && args.plan) {
        // Both were asked for by default: a register without actions still gets its plan.
        outcome.notes.push('No corrective actions were found, so no CAP Progress Report was written.');
      } else {
        outcome.sheets.push((await generateProgressReport(port, state, { keepPrevious: args.keepPrevious })).sheet);
      }
    }
  } catch (err) {
    if (err instanceof WorkflowError) throw new InputError(err.message);
    throw err;
  }
  // Excel opens a workbook only under the extension its content type says: macros stay in an .xlsm.
  if (port.macroEnabled !== /\.xlsm$/i.test(output)) {
    throw new InputError(
      port.macroEnabled
        ? `The workbook has macros, so the result must be an .xlsm file (Excel would not open ${output}); name the output .xlsm.`
        : `The workbook has no macros, so the result must be an .xlsx file (Excel would not open ${output}); name the output .xlsx.`,
    );
  }
  await writeAtomically(output, await port.save());
  return { state, outcome };
}
