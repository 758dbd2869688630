/** Command-line parsing for `riskplan`: pure, so every usage error is testable without a process. */
import { parseArgs as parseArgsTokens, type ParseArgsConfig } from 'node:util';
import { isIsoDate, type IsoDate } from '../core/dates';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

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

/** The options of each command, as node:util parseArgs takes them. */
const COMMON_OPTIONS = {
  'as-of': { type: 'string' },
  matrix: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;
const ANALYZE_OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean' } } as const satisfies ParseArgsOptionsConfig;
const GENERATE_OPTIONS = {
  ...COMMON_OPTIONS,
  output: { type: 'string', short: 'o' },
  practice: { type: 'string' },
  'no-highlights': { type: 'boolean' },
  plan: { type: 'boolean' },
  progress: { type: 'boolean' },
  'keep-previous': { type: 'boolean' },
  'in-place': { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'analyze' && command !== 'generate') {
    throw new UsageError(`Unknown command "${command}"; use "analyze" or "generate" (riskplan --help).`);
  }
  const options: ParseArgsOptionsConfig = command === 'analyze' ? ANALYZE_OPTIONS : GENERATE_OPTIONS;
  // Not strict: the tokens come back as typed (--flag value or --flag=value), and the messages below say
  // what is wrong in our words, in command-line order.
  const { tokens } = parseArgsTokens({ args: rest, options, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const name = token.rawName;
    if (!Object.hasOwn(options, token.name)) throw new UsageError(`Unknown option "${name}" for ${command} (riskplan --help).`);
    if (options[token.name].type === 'string') {
      if (token.value === undefined || token.value === '') throw new UsageError(`The option ${name} needs a value.`);
      values.set(token.name, token.value);
    } else {
      if (token.inlineValue) throw new UsageError(`The option ${name} takes no value.`);
      flags.add(token.name);
    }
  }
  if (positional.length === 0) throw new UsageError(`Name the workbook (or folder) to ${command}: riskplan ${command} FILE.xlsx`);
  if (positional.length > 1) throw new UsageError(`Give one workbook or folder, not ${positional.length} ("${positional.join('", "')}").`);

  const asOf = values.get('as-of') ?? null;
  if (asOf !== null && !isIsoDate(asOf))
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, like 2026-11-23 (got "${asOf}").`);
  const matrix = values.get('matrix') ?? null;
  if (matrix !== null && !(MATRIX_CHOICES as readonly string[]).includes(matrix)) {
    throw new UsageError(`--matrix must be one of ${MATRIX_CHOICES.join(', ')} (got "${matrix}").`);
  }
  const common: CommonArgs = { input: positional[0], asOf, matrix: matrix as MatrixChoiceArg | null };
  if (command === 'analyze') return { command, ...common, json: flags.has('json') };

  const output = values.get('output') ?? null;
  const inPlace = flags.has('in-place');
  if (!output && !inPlace)
    throw new UsageError('Say where to write the result: -o OUT.xlsx (or --in-place to update the workbook itself).');
  const plan = flags.has('plan');
  const progress = flags.has('progress');
  return {
    command,
    ...common,
    output,
    practice: values.get('practice') ?? null,
    highlights: !flags.has('no-highlights'),
    // Neither named means both.
    plan: plan || !progress,
    progress: progress || !plan,
    keepPrevious: flags.has('keep-previous'),
    inPlace,
  };
}
