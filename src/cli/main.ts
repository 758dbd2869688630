/**
 * `riskplan`: the headless runner. Reads one workbook or every .xlsx in a folder, prints an
 * analysis or writes a copy with highlights and the generated sheets. This is the shell: it
 * may read the clock and the file system; the core never does.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs, USAGE, UsageError, type AnalyzeArgs, type GenerateArgs } from './args';
import { buildAnalysisJson, type BatchJson } from './json';
import { generateFile, InputError, loadFile, oneLine, requireSomethingToRead } from './run';
import { folderEntries, printable, printableJson, sameFile, type FolderEntry } from './files';
import { analyzeSummary, batchRowOf, batchTable, type BatchRow } from './summary';
import { localIsoDate, type IsoDate } from '../core/dates';

export const EXIT = { ok: 0, batchFailures: 1, badInput: 2 } as const;

/** Where output goes; tests and the shim pass the real streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: draw a progress bar instead of plain lines. */
  isTTY: boolean;
  /** Today's date, for --as-of's default. */
  today: () => IsoDate;
}

const VERSION = '0.1.0';

/** Today's date on the user's machine (local calendar day). */
export function localToday(): IsoDate {
  return localIsoDate(new Date());
}

function defaultIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    today: localToday,
  };
}

/**
 * The same streams, printing file names and cell text safely: control characters and bidi
 * overrides are dropped from text (and \u-escaped in JSON, so the data stays exact). The
 * progress bar's own cursor codes go through `raw`.
 */
function safeIo(io: CliIo, json: boolean): CliIo & { raw: CliIo } {
  return {
    ...io,
    stdout: (t) => io.stdout(json ? printableJson(t) : printable(t)),
    stderr: (t) => io.stderr(printable(t)),
    raw: io,
  };
}

function describe(err: unknown): { message: string; code: number } {
  if (err instanceof InputError || err instanceof UsageError) return { message: oneLine(err.message), code: EXIT.badInput };
  const message = err instanceof Error ? err.message : String(err);
  return { message: oneLine(`Unexpected error: ${message}`), code: EXIT.batchFailures };
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The workbooks a folder run processes: *.xlsx and *.xlsm directly inside (links followed), not Excel's ~$ lock files. */
export async function workbooksIn(folder: string): Promise<string[]> {
  return (await folderEntries(folder)).filter((e) => e.skip === null).map((e) => e.name);
}

/** The folder's workbooks; every look-alike it does not take gets a line saying why. */
async function folderWorkbooks(folder: string, io: CliIo): Promise<string[]> {
  const entries: FolderEntry[] = await folderEntries(folder);
  for (const e of entries) if (e.skip !== null) io.stderr(`riskplan: ${path.join(folder, e.name)}: ${e.skip}.\n`);
  return entries.filter((e) => e.skip === null).map((e) => e.name);
}

function progress(io: CliIo & { raw: CliIo }, done: number, total: number, name: string, status: string): void {
  if (io.isTTY) {
    const width = 20;
    const filled = Math.round((done / total) * width);
    io.raw.stderr('\r\x1b[K');
    io.stderr(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${name}${done === total ? '\n' : ''}`);
  } else {
    io.stderr(`[${done}/${total}] ${name}: ${status}\n`);
  }
}

async function analyzeOne(file: string, args: AnalyzeArgs, asOf: IsoDate) {
  const { state } = await loadFile(file, { asOf, matrix: args.matrix });
  requireSomethingToRead(state);
  return state;
}

async function runAnalyze(args: AnalyzeArgs, io: CliIo & { raw: CliIo }, asOf: IsoDate): Promise<number> {
  if (!(await isFolder(args.input))) {
    const label = path.basename(args.input);
    try {
      const state = await analyzeOne(args.input, args, asOf);
      io.stdout(args.json ? `${JSON.stringify(buildAnalysisJson(label, state), null, 2)}\n` : `${analyzeSummary(args.input, state)}\n`);
      return EXIT.ok;
    } catch (err) {
      const { message, code } = describe(err);
      io.stderr(`riskplan: ${args.input}: ${message}\n`);
      return code;
    }
  }

  const names = await folderWorkbooks(args.input, io);
  if (names.length === 0) {
    io.stderr(`riskplan: ${args.input}: There are no .xlsx or .xlsm workbooks in this folder.\n`);
    return EXIT.badInput;
  }
  const rows: BatchRow[] = [];
  const json: BatchJson = [];
  for (const [i, name] of names.entries()) {
    try {
      const state = await analyzeOne(path.join(args.input, name), args, asOf);
      json.push(buildAnalysisJson(name, state));
      if (!args.json) io.stdout(`${analyzeSummary(name, state)}\n\n`);
      rows.push(batchRowOf(name, state, ''));
      progress(io, i + 1, names.length, name, 'ok');
    } catch (err) {
      const { message } = describe(err);
      json.push({ file: name, error: message });
      rows.push({ file: name, ok: false, note: message });
      progress(io, i + 1, names.length, name, `failed: ${message}`);
    }
  }
  if (args.json) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  else io.stdout(`${batchTable(rows)}\n`);
  return rows.every((r) => r.ok) ? EXIT.ok : EXIT.batchFailures;
}

function generateNote(outcome: Awaited<ReturnType<typeof generateFile>>['outcome']): string {
  const parts = [`highlighted ${outcome.highlighted} gap rule${outcome.highlighted === 1 ? '' : 's'}`];
  if (outcome.sheets.length > 0) parts.push(`wrote ${outcome.sheets.map((s) => `"${s}"`).join(' and ')}`);
  // Sentences joined without doubled full stops; the caller adds the last one.
  return [parts.join('; '), ...outcome.skipped, ...outcome.notes].map((s) => s.replace(/\.\s*$/, '')).join('. ');
}

/** The headline figures of a generated workbook, one line, for the summary after "generate". */
function headline(state: Awaited<ReturnType<typeof generateFile>>['state']): string {
  const { risks, capSummary: c, findings } = state.analysis;
  const open = risks.filter((r) => r.open);
  const high = open.filter((r) => r.level === 'Very High' || r.level === 'High').length;
  const cap = c.total > 0 ? `, ${c.total} corrective actions (${c.completed} completed, ${c.verified} verified, ${c.overdue} overdue)` : '';
  return `${risks.length} risks (${open.length} open, ${high} High or Very High)${cap}; ${findings.length} findings an investigator would flag.`;
}

async function runGenerate(args: GenerateArgs, io: CliIo & { raw: CliIo }, asOf: IsoDate): Promise<number> {
  const folder = await isFolder(args.input);
  if (args.inPlace && args.output && !(await sameFile(args.output, args.input))) {
    throw new UsageError('Use either --in-place or -o, not both.');
  }
  if (!folder) {
    let output = args.inPlace ? args.input : (args.output as string);
    if (!args.inPlace && (await isFolder(output))) output = path.join(output, path.basename(args.input));
    // Judged by the file's identity, not its spelling: a symlinked folder or another letter case is the same file.
    if (!args.inPlace && (await sameFile(output, args.input))) {
      throw new UsageError(`-o ${args.output} is the input workbook; choose another file, or add --in-place to update it.`);
    }
    try {
      const { state, outcome } = await generateFile(args.input, output, args, asOf);
      io.stdout(`${args.input} -> ${output}: ${generateNote(outcome)}.\n  ${headline(state)}\n`);
      return EXIT.ok;
    } catch (err) {
      const { message, code } = describe(err);
      io.stderr(`riskplan: ${args.input}: ${message}\n`);
      return code;
    }
  }

  const outDir = args.inPlace ? args.input : (args.output as string);
  if (!args.inPlace && (await sameFile(outDir, args.input))) {
    throw new UsageError(`-o ${args.output} is the input folder; choose another folder, or add --in-place to update the workbooks.`);
  }
  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (err) {
    throw new InputError(`The output folder ${outDir} cannot be created (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (!(await isFolder(outDir))) throw new UsageError(`-o ${outDir} must be a folder when the input is a folder.`);
  const names = await folderWorkbooks(args.input, io);
  if (names.length === 0) {
    io.stderr(`riskplan: ${args.input}: There are no .xlsx or .xlsm workbooks in this folder.\n`);
    return EXIT.badInput;
  }
  const rows: BatchRow[] = [];
  for (const [i, name] of names.entries()) {
    try {
      const source = path.join(args.input, name);
      const target = path.join(outDir, name);
      // Without --in-place a result never lands on an input, whatever path leads there.
      if (!args.inPlace && (await sameFile(target, source)))
        throw new InputError(`${target} is this workbook itself; it was left as it is.`);
      const { state, outcome } = await generateFile(source, target, args, asOf);
      rows.push(batchRowOf(name, state, generateNote(outcome)));
      progress(io, i + 1, names.length, name, 'ok');
    } catch (err) {
      const { message } = describe(err);
      rows.push({ file: name, ok: false, note: message });
      progress(io, i + 1, names.length, name, `failed: ${message}`);
    }
  }
  io.stdout(`${batchTable(rows)}\n`);
  return rows.every((r) => r.ok) ? EXIT.ok : EXIT.batchFailures;
}

/** Runs the command line; resolves to the exit code (never calls process.exit, so output flushes). */
export async function main(argv: string[], plainIo: CliIo = defaultIo()): Promise<number> {
  let io = safeIo(plainIo, false);
  try {
    const args = parseArgs(argv);
    if (args.command === 'analyze' && args.json) io = safeIo(plainIo, true);
    if (args.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (args.command === 'version') {
      io.stdout(`riskplan ${VERSION}\n`);
      return EXIT.ok;
    }
    const asOf = args.asOf ?? io.today();
    return args.command === 'analyze' ? await runAnalyze(args, io, asOf) : await runGenerate(args, io, asOf);
  } catch (err) {
    const { message, code } = describe(err);
    io.stderr(`riskplan: ${message}\n`);
    return code;
  }
}
