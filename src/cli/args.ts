/** Command-line parsing for `riskplan`: pure, so every usage error is testable without a process. */
import { isIsoDate, type IsoDate } from '../core/dates';

export const MATRIX_CHOICES = ['nist', '3x3', 'product'] as const;
export type MatrixChoiceArg = (typeof MATRIX_CHOICES)[number];

export interface CommonArgs {
  input: string;
  asOf: IsoDate | null;
  matrix: MatrixChoiceArg | null;
}

export interface AnalyzeArgs extends CommonArgs {
  command: 'analyze';
  json: boolean;
}

export interface GenerateArgs extends CommonArgs {
  command: 'generate';
  output: string | null;
  practice: string | null;
  highlights: boolean;
  plan: boolean;
  progress: boolean;
  keepPrevious: boolean;
  inPlace: boolean;
}

export type ParsedArgs = AnalyzeArgs | GenerateArgs | { command: 'help' } | { command: 'version' };

/** A mistake on the command line; the runner prints the message and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  riskplan analyze FILE.xlsx|FOLDER [--as-of YYYY-MM-DD] [--matrix nist|3x3|product] [--json]
  riskplan generate FILE.xlsx|FOLDER -o OUT.xlsx|OUTFOLDER [--as-of YYYY-MM-DD] [--matrix ...]
           [--practice NAME] [--no-highlights] [--plan] [--progress] [--keep-previous] [--in-place]

analyze   reads the risk register and CAP, scores and prioritizes the risks and lists what an
          OCR investigator would flag (--json: machine-readable, nothing else on stdout).
generate  writes a copy with the gaps highlighted and the Risk Management Plan and CAP Progress
          Report sheets (both unless --plan or --progress is given). The input is never
          overwritten unless --in-place is given.

Exit codes: 0 done; 1 done with failures in a folder; 2 bad input or usage.`;

const FLAGS_WITH_VALUE = new Set(['--as-of', '--matrix', '-o', '--output', '--practice']);
const ANALYZE_FLAGS = new Set(['--as-of', '--matrix', '--json']);
const GENERATE_FLAGS = new Set([
  '--as-of',
  '--matrix',
  '-o',
  '--output',
  '--practice',
  '--no-highlights',
  '--plan',
  '--progress',
  '--keep-previous',
  '--in-place',
]);

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'analyze' && command !== 'generate') {
    throw new UsageError(`Unknown command "${command}"; use "analyze" or "generate" (riskplan --help).`);
  }
  const allowed = command === 'analyze' ? ANALYZE_FLAGS : GENERATE_FLAGS;
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    // Accept --flag=value as well as --flag value.
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    if (!allowed.has(name)) throw new UsageError(`Unknown option "${name}" for ${command} (riskplan --help).`);
    if (FLAGS_WITH_VALUE.has(name)) {
      const value = eq > 0 ? token.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new UsageError(`The option ${name} needs a value.`);
      values.set(name === '--output' ? '-o' : name, value);
    } else {
      if (eq > 0) throw new UsageError(`The option ${name} takes no value.`);
      flags.add(name);
    }
  }
  if (positional.length === 0) throw new UsageError(`Name the workbook (or folder) to ${command}: riskplan ${command} FILE.xlsx`);
  if (positional.length > 1) throw new UsageError(`Give one workbook or folder, not ${positional.length} ("${positional.join('", "')}").`);

  const asOf = values.get('--as-of') ?? null;
  if (asOf !== null && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, like 2026-11-23 (got "${asOf}").`);
  const matrix = values.get('--matrix') ?? null;
  if (matrix !== null && !(MATRIX_CHOICES as readonly string[]).includes(matrix)) {
    throw new UsageError(`--matrix must be one of ${MATRIX_CHOICES.join(', ')} (got "${matrix}").`);
  }
  const common: CommonArgs = { input: positional[0], asOf, matrix: matrix as MatrixChoiceArg | null };
  if (command === 'analyze') return { command, ...common, json: flags.has('--json') };

  const output = values.get('-o') ?? null;
  const inPlace = flags.has('--in-place');
  if (!output && !inPlace) throw new UsageError('Say where to write the result: -o OUT.xlsx (or --in-place to update the workbook itself).');
  const plan = flags.has('--plan');
  const progress = flags.has('--progress');
  return {
    command,
    ...common,
    output,
    practice: values.get('--practice') ?? null,
    highlights: !flags.has('--no-highlights'),
    // Neither named means both.
    plan: plan || !progress,
    progress: progress || !plan,
    keepPrevious: flags.has('--keep-previous'),
    inPlace,
  };
}
