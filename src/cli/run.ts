/**
 * What the runner does for one workbook: open, load, then analyze or generate. Every
 * problem the user can act on becomes an InputError (exit 2) with a one-line reason.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { openXlsx, WorkbookOpenError } from '../adapters/xlsx';
import { generatePlan, generateProgressReport, highlightGaps, loadWorkbook, WorkflowError, type WorkbookState } from '../app/workflow';
import { DEFAULT_PRODUCT_THRESHOLDS } from '../core/analysis/matrices';
import type { IsoDate } from '../core/dates';
import type { MatrixSettings, Settings } from '../core/settings';
import type { GenerateArgs, MatrixChoiceArg } from './args';

/** Bad input the user can fix (not a workbook, no register...): exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** One line, whatever the underlying message looked like. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function matrixSettings(choice: MatrixChoiceArg | null): MatrixSettings | undefined {
  if (choice === null) return undefined;
  return choice === 'product' ? { name: 'product', thresholds: { ...DEFAULT_PRODUCT_THRESHOLDS } } : { name: choice };
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('No such file.');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('The file cannot be read (permission denied).');
    if (code === 'EISDIR') throw new InputError('This is a folder, not a workbook.');
    throw new InputError(`The file cannot be read (${code ?? 'unknown error'}).`);
  }
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
  const bytes = await readBytes(file);
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

/** Writes bytes next to the target first, so a failure never leaves half a workbook behind. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    // "-o out/plan.xlsx" on a fresh checkout: make the folder rather than fail.
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`The result could not be written to ${target} (${code ?? (err as Error).message}).`);
  }
}

/** Highlights and generates into `output` (which may be the input itself only with --in-place). */
export async function generateFile(file: string, output: string, args: GenerateArgs, asOf: IsoDate): Promise<{ state: WorkbookState; outcome: GenerateOutcome }> {
  const { port, state } = await loadFile(file, { asOf, matrix: args.matrix, practice: args.practice });
  // A workbook with only a CAP / POA&M tracker still gets its highlights and its progress report.
  const capOnly = !state.read.register && state.analysis.capItems.length > 0;
  if (!state.read.register && !capOnly) {
    throw new InputError('No risk register or corrective action plan was found in this workbook, so nothing can be generated.');
  }
  if (capOnly && !args.progress) {
    throw new InputError('No risk register was found in this workbook, so no plan can be generated; it has a corrective action plan, for which --progress writes the CAP Progress Report.');
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
    if (args.plan && capOnly) outcome.notes.push('No risk register was found, so no Risk Management Plan was written; the CAP Progress Report was.');
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
  await writeAtomically(output, await port.save());
  return { state, outcome };
}
