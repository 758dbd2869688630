/**
 * The analysis: score, prioritize, tier and find gaps in what the register reader found.
 * Pure: the as-of date is a parameter and nothing here reads a clock or a workbook.
 */
import { addDays, addMonths, type IsoDate } from '../dates';
import {
  FINDING_KINDS,
  type Analysis,
  type CapSummary,
  type Entry,
  type Finding,
  type ScoredEntry,
  type TableRead,
  type WorkbookRead,
} from '../model';
import type { MatrixSettings } from '../settings';
import { daysOverdue, duplicateFindingsSliced, entryFindings, FindingWords, missingRootCauseColumn, type FindingContext } from './findings';
import { inSlices, type Sliced } from '../slices';
import { chooseMatrix, type RiskMatrix } from './matrices';
import { prioritizeSliced, type Rankable } from './prioritize';
import { newEntryScore, scoreEntryInto, type EntryScore } from './score';
import { isCompleted, isOpen, isVerified } from './status';
import { classifyText, classifyTier, tierChoiceKey, tierInputKey, type ChosenTier, type TextVerdict, type TierResult } from './tiers';
import { remember } from '../memo';

export { highlightRulesSliced, highlightCutNote, MAX_HIGHLIGHT_AREAS } from './highlights';
export { chooseMatrix, buildMatrix, MATRIX_LABELS, NIST_TABLE_I2, THREE_BY_THREE, DEFAULT_PRODUCT_THRESHOLDS } from './matrices';
export { TIER_RULES, TIER_DEMAND, UNCLASSIFIED_NOTE, classifyTier, tierChoiceKey } from './tiers';
export type { ChosenTier, TierResult } from './tiers';
export { isCompleted, isOpen, isVerified } from './status';

export interface AnalyzeOptions {
  asOf: IsoDate;
  /** The matrix saved in the workbook; wins over the one the register's scales suggest. */
  matrix?: MatrixSettings;
  /** The user's tier choices saved in the workbook, by `tierChoiceKey`; they win over the engine and the tier column. */
  tierChoices?: readonly { key: string; tier: ChosenTier }[];
}

/** A table's entries top to bottom, with what the finding rules need to know about the table. */
interface TablePart {
  entries: Entry[];
  ctx: FindingContext;
}

/**
 * Scores, prioritizes, tiers and checks every register risk and CAP item. When the workbook has
 * no CAP sheet, `capItems` are the register risks that have an action (same objects as in `risks`).
 * Yields between slices of entries (see core/slices.ts).
 */
export function* analyzeSliced(read: WorkbookRead, options: AnalyzeOptions): Sliced<Analysis> {
  const { asOf } = options;
  const matrix = chooseMatrix(read.register, options.matrix);
  const reviewCutoff = addMonths(asOf, -12);
  // This run's memos: the finding sentences, and assessEntry's working score (read at once, never kept).
  const words = new FindingWords();
  const scratchScore = newEntryScore();
  const registerParts = tableParts(read.register ? [read.register] : [], asOf, reviewCutoff, words);
  const capParts = tableParts(read.caps, asOf, reviewCutoff, words);
  const capFromRegister = read.caps.length === 0;

  const duplicates = yield* duplicateFindingsSliced([
    { entries: entriesOf(registerParts), cap: false },
    { entries: entriesOf(capParts), cap: true },
  ]);
  // Registers repeat the same action and risk texts on many rows: classify each distinct text once
  // (bounded: a register of unique risk texts would otherwise keep one verdict per row).
  const verdicts = new Map<string, TextVerdict>();
  const verdictOf = (text: string): TextVerdict => remember(verdicts, text, classifyText);
  const riskVerdicts = new Map<string, TextVerdict>();
  const riskVerdictOf = (text: string): TextVerdict => remember(riskVerdicts, text, classifyStrongOnly);
  const choices = new Map<string, ChosenTier>();
  for (const c of options.tierChoices ?? []) choices.set(c.key, c.tier);
  // Entries with the same action, owner, cost and tier cells share one result when the action names
  // a tier. Most registers have only an action and an owner: those look up action -> owner without
  // building a key string.
  const byActionOwner = new Map<string, Map<string | null, Tiered>>();
  const byKey = new Map<string, Tiered>();
  const engineTier = (entry: Entry): Tiered => {
    const result = classifyTier(entry, verdictOf, riskVerdictOf);
    return { ...result, source: result.fromColumn ? 'column' : 'engine' };
  };
  const tierOf = (entry: Entry): Tiered => {
    const action = entry.action;
    const actionDecides = action !== null && verdictOf(action).tier !== null;
    let engine: Tiered;
    if (actionDecides && !entry.cost && !entry.vendorDependency && entry.tierText === null) {
      const owners = remember(byActionOwner, action, newOwnerMap);
      engine = remember(owners, entry.owner ?? entry.ownerText, () => engineTier(entry));
    } else if (actionDecides) {
      engine = remember(byKey, tierInputKey(entry), () => engineTier(entry));
    } else {
      // The risk text decides, and risk texts rarely repeat: no key to build (riskVerdictOf keeps
      // the costly part, the risk text's verdict, once per distinct text).
      engine = engineTier(entry);
    }
    const chosen = choices.size > 0 ? choices.get(tierChoiceKey(entry)) : undefined;
    if (!chosen) return engine;
    const guesses = [chosen, ...engine.guesses.filter((t) => t !== chosen)];
    return {
      tier: chosen,
      reason: `Chosen by the user (saved in the workbook); the engine said: ${engine.reason}`,
      guesses,
      source: 'choice',
    };
  };
  const assessParts = function* (parts: TablePart[]): Sliced<Rankable[]> {
    // Sized up front: growing a 50,000-item list by push copies it over and over.
    const out: Rankable[] = new Array(parts.reduce((n, p) => n + p.entries.length, 0));
    let at = 0;
    for (const { entries, ctx } of parts) {
      yield* inSlices(entries.length, (from, to) => {
        for (let i = from; i < to; i++, at++)
          out[at] = assessEntry(entries[i], matrix, ctx, duplicates.get(entries[i]), tierOf, scratchScore);
      });
    }
    return out;
  };

  const registerAssessed = yield* assessParts(registerParts);
  const capAssessed = capFromRegister ? [] : yield* assessParts(capParts);
  yield;
  const { sorted: risks, order } = yield* prioritizeSliced(registerAssessed);
  yield;
  // Without a CAP sheet, the register's actions are the CAP: the same objects, so they keep the
  // plan's priority numbers (the progress report and the plan then agree on "priority 4").
  const { capItems, capInSheetOrder } = capFromRegister
    ? registerActions(registerAssessed, risks, order)
    : { capItems: (yield* prioritizeSliced(capAssessed)).sorted, capInSheetOrder: capAssessed as ScoredEntry[] };
  yield;

  // Findings in sheet order (register, then CAP sheets; by row), not in priority order. A CAP sheet
  // with no root-cause column gets one sheet-level note, first, instead of a finding per item.
  const findings: Finding[] = [];
  if (!capFromRegister) {
    for (const table of read.caps) {
      if (table.columns.rootCause !== undefined || table.entries.length === 0) continue;
      const first = table.headers[0]?.letter ?? 'A';
      findings.push(missingRootCauseColumn(table.sheet, `${first}${table.headerRow}`, table.headerRow, table.entries.length));
    }
  }
  for (const list of [registerAssessed, capFromRegister ? [] : capAssessed]) {
    yield* inSlices(list.length, (from, to) => {
      for (let i = from; i < to; i++) for (const f of list[i].findings) findings.push(f);
    });
  }

  // The counts do not depend on order; sheet order reads the items in memory order.
  return { asOf, matrix: matrix.choice, risks, capItems, capFromRegister, capSummary: summarizeCap(capInSheetOrder, asOf), findings };
}

/**
 * The risks that have an action, in priority order and in sheet order. Which ones is read in sheet
 * order (sequential in memory), then picked in priority order (`risks[p]` is `assessed[order[p]]`).
 */
function registerActions(
  assessed: Rankable[],
  risks: ScoredEntry[],
  order: ArrayLike<number>,
): { capItems: ScoredEntry[]; capInSheetOrder: ScoredEntry[] } {
  const hasAction = new Uint8Array(assessed.length);
  const capInSheetOrder: ScoredEntry[] = [];
  for (let i = 0; i < assessed.length; i++) {
    if (!hasText(assessed[i].entry.action)) continue;
    hasAction[i] = 1;
    capInSheetOrder.push(assessed[i] as ScoredEntry);
  }
  const capItems: ScoredEntry[] = [];
  for (let p = 0; p < order.length; p++) if (hasAction[order[p]]) capItems.push(risks[p]);
  return { capItems, capInSheetOrder };
}

/** True when `text` has a non-space character (a plain first character answers without a regex). */
function hasText(text: string | null): text is string {
  if (text === null || text.length === 0) return false;
  const first = text.charCodeAt(0);
  return (first > 32 && first < 127) || /\S/.test(text);
}

/** Each table's entries top to bottom (the reader lists them so; sorted, stably, only if not) and its finding context. */
function tableParts(tables: TableRead[], asOf: IsoDate, reviewCutoff: IsoDate, words: FindingWords): TablePart[] {
  return tables.map((table) => {
    let sorted = true;
    for (let i = 1; i < table.entries.length && sorted; i++) if (table.entries[i - 1].row > table.entries[i].row) sorted = false;
    return {
      entries: sorted ? table.entries : [...table.entries].sort((a, b) => a.row - b.row),
      ctx: {
        asOf,
        reviewCutoff,
        capSheet: table.kind === 'cap',
        hasReviewColumn: table.columns.reviewDate !== undefined,
        hasRootCauseColumn: table.columns.rootCause !== undefined,
        words,
      },
    };
  });
}

/** The parts' entries as one list, in order (no copy for a single table). */
function entriesOf(parts: TablePart[]): Entry[] {
  return parts.length === 1 ? parts[0].entries : parts.flatMap((p) => p.entries);
}

function assessEntry(
  entry: Entry,
  matrix: RiskMatrix,
  ctx: FindingContext,
  duplicates: Finding[] | undefined,
  tierOf: (entry: Entry) => TierResult & { source: 'choice' | 'column' | 'engine' },
  scratchScore: EntryScore,
): Rankable {
  const score = scoreEntryInto(entry, matrix, scratchScore, ctx.words);
  const tier = tierOf(entry);
  const overdueDays = daysOverdue(entry, ctx.asOf, ctx.words);
  const findings = entryFindings(entry, score, ctx, overdueDays);
  if (duplicates) {
    // A loop, not push(...duplicates): spreading 100,000 findings overflows the stack.
    for (const d of duplicates) findings.push(d);
    findings.sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind));
  }
  return {
    entry,
    level: score.level,
    score: score.score,
    residualLevel: score.residualLevel,
    open: isOpen(entry),
    overdue: overdueDays > 0,
    daysOverdue: overdueDays,
    // Set by prioritize; present from the start so every object has the same shape.
    priority: 0,
    priorityReason: '',
    tier: tier.tier,
    tierReason: tier.reason,
    tierGuesses: tier.guesses,
    tierSource: tier.source,
    completed: isCompleted(entry),
    verified: isVerified(entry),
    findings,
  };
}

/** Counts for the CAP progress report. `dueNext30Days`: open items due from asOf to asOf + 30 days. */
export function summarizeCap(items: ScoredEntry[], asOf: IsoDate): CapSummary {
  const horizon = addDays(asOf, 30);
  const summary: CapSummary = { total: 0, completed: 0, verified: 0, inProgress: 0, notStarted: 0, overdue: 0, dueNext30Days: 0 };
  for (const item of items) {
    const status = item.entry.status;
    summary.total++;
    if (item.completed) summary.completed++;
    if (item.verified) summary.verified++;
    if (!item.completed && status === 'In Progress') summary.inProgress++;
    if (!item.completed && (status === null || status === 'Not Started' || status === 'Open' || status === 'Planned')) summary.notStarted++;
    if (item.overdue) summary.overdue++;
    const due = item.entry.dueDate?.iso;
    if (item.open && due && due >= asOf && due <= horizon) summary.dueNext30Days++;
  }
  return summary;
}

/** A tier and where it came from: the user's choice, the sheet's tier column or the engine. */
type Tiered = TierResult & { source: 'choice' | 'column' | 'engine' };

/** A risk text's tier verdict: only strong evidence counts there (see classifyTier). */
function classifyStrongOnly(text: string): TextVerdict {
  return classifyText(text, true);
}

function newOwnerMap(): Map<string | null, Tiered> {
  return new Map();
}
