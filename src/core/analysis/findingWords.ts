/**
 * One analysis run's memo of the words its findings say. Its own module so that scoring
 * (score.ts) and the findings (findings.ts) can both use it without importing each other.
 */
import { daysBetween, formatLongDate, type IsoDate } from '../dates';
import { remember } from '../memo';
import { vagueReason } from './vague';

/**
 * One analysis run's memo of finding words. Registers repeat the same dates, owners and actions on
 * thousands of rows, so each sentence (and each action's vagueness verdict) is worked out once per
 * run and shared by the findings that say it. Made by the caller for one run and dropped with it:
 * nothing outlives the analysis.
 */
export class FindingWords {
  /** Sentences by topic (a constant such as "owner", or the words around the varying part), then by that part. */
  private readonly texts = new Map<string, Map<string, string>>();
  /** Overdue and stale-review sentences by as-of date, then by the date they are about. */
  private readonly overdueTexts = new Map<IsoDate, Map<IsoDate, string>>();
  private readonly staleTexts = new Map<IsoDate, Map<IsoDate, string>>();
  private readonly verdicts = new Map<string, string | null>();
  private readonly dayCounts = new Map<IsoDate, Map<IsoDate, number>>();
  /** Level-mismatch words by matrix, stated level, likelihood and impact (the objects themselves: see `mismatch`). */
  private readonly mismatches = new Map<object, Map<object, Map<object, Map<object, MismatchWords>>>>();

  /** `daysBetween(from, to)`, once per distinct pair (due dates repeat). */
  daysBetween(from: IsoDate, to: IsoDate): number {
    return memo(this.dayCounts, to, from, () => daysBetween(from, to));
  }

  /**
   * The sentence `build(topic, part)`, once per distinct (topic, part). Two keys rather than one
   * joined string: the topic is usually a constant and the part a text the sheet already holds,
   * so a lookup builds no new string.
   */
  sentence(topic: string, part: string, build: (topic: string, part: string) => string): string {
    return memo(this.texts, topic, part, () => build(topic, part));
  }

  /** `days` is `daysBetween(due, asOf)`, so the two dates decide the sentence. */
  overdue(asOf: IsoDate, due: IsoDate, days: number): string {
    return memo(
      this.overdueTexts,
      asOf,
      due,
      () => `Due ${formatLongDate(due)} and not completed: ${days} day${days === 1 ? '' : 's'} overdue as of ${formatLongDate(asOf)}.`,
    );
  }

  stale(asOf: IsoDate, reviewed: IsoDate): string {
    return memo(
      this.staleTexts,
      asOf,
      reviewed,
      () => `Last reviewed ${formatLongDate(reviewed)}, more than 12 months before ${formatLongDate(asOf)}.`,
    );
  }

  /**
   * The words of a disagreement between the stated level and the matrix, once per (matrix, stated,
   * likelihood, impact). Keyed by the objects: the reader gives equal ratings of one read one shared
   * object (register/values.ts, ValueMemo), so a lookup builds nothing.
   */
  mismatch(matrix: object, stated: object, likelihood: object, impact: object, make: () => MismatchWords): MismatchWords {
    const byStated = child(this.mismatches, matrix);
    const byLikelihood = child(byStated, stated);
    return remember(child(byLikelihood, likelihood), impact, make);
  }

  /** `vagueReason(action)`, once per distinct action. */
  vague(action: string): string | null {
    return remember(this.verdicts, action, vagueReason);
  }
}

export interface MismatchWords {
  message: string;
  fix: string;
}

function child<K, I, V>(map: Map<K, Map<I, V>>, key: K): Map<I, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

/** `make()`, kept in `memos` under (topic, key) and reused. */
function memo<T>(memos: Map<string, Map<string, T>>, topic: string, key: string, make: () => T): T {
  return remember(child(memos, topic), key, make);
}
