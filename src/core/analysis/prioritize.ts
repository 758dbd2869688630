/**
 * The order in which to work: open before closed; then level (highest first), score,
 * overdue before not, earliest due date; ties keep the sheet order.
 */
import type { Level, ScoredEntry } from '../model';
import { intern } from './intern';
import { levelRank } from './matrices';

/** What the ordering looks at: a ScoredEntry whose priority is not yet set (it is overwritten). */
export type Rankable = Omit<ScoredEntry, 'priority' | 'priorityReason'> & Partial<Pick<ScoredEntry, 'priority' | 'priorityReason'>>;

/**
 * Sorts entries into priority order and numbers them 1..N. `items` must be in sheet order
 * (sheet, then row): that order breaks ties. Sets `priority` and `priorityReason` on the
 * items themselves and returns them in priority order.
 */
export function prioritize(items: Rankable[]): ScoredEntry[] {
  // Scores can be any number; rank the distinct ones so every key is a small integer.
  const distinctScores = [...new Set(items.map((i) => i.score ?? -Infinity))].sort((a, b) => a - b);
  const scoreRank = new Map(distinctScores.map((s, r) => [s, r]));
  const scoreSteps = distinctScores.length + 1;
  const n = items.length;
  // One number per entry for "open, level, score, overdue" (higher first) and one for the due date (earlier first).
  const rank = new Float64Array(n);
  const due = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const level = item.level ? levelRank(item.level) : 0;
    rank[i] = (((item.open ? 1 : 0) * 6 + level) * scoreSteps + scoreRank.get(item.score ?? -Infinity)!) * 2 + (item.overdue ? 1 : 0);
    due[i] = dueKey(item.entry.dueDate?.iso);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => rank[b] - rank[a] || (due[a] === due[b] ? 0 : due[a] < due[b] ? -1 : 1) || a - b);
  return order.map((index, position) => {
    const scored = items[index] as ScoredEntry;
    scored.priority = position + 1;
    scored.priorityReason = intern(priorityReason(scored));
    return scored;
  });
}

/** YYYYMMDD as a number; Infinity (last) when there is no due date. */
function dueKey(iso: string | null | undefined): number {
  if (!iso || iso.length < 10) return Infinity;
  // Digits read in place: no substrings for 50,000 entries.
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    key = key * 10 + (iso.charCodeAt(i) - 48);
  }
  return key;
}

/** "Open, Very High (score 20), overdue 42 days" */
export function priorityReason(item: Rankable): string {
  const parts: string[] = [];
  const status = item.entry.statusText?.trim() || item.entry.status;
  parts.push(item.open ? 'Open' : `Closed${status ? ` (${status})` : ''}`);
  parts.push(describeLevel(item.level, item.score));
  if (item.overdue) parts.push(`overdue ${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'}`);
  else if (item.open && item.entry.dueDate?.iso) parts.push(`due ${item.entry.dueDate.iso}`);
  else if (item.open) parts.push('no due date');
  return parts.join(', ');
}

function describeLevel(level: Level | null, score: number | null): string {
  if (!level) return score !== null ? `not rated (score ${score})` : 'not rated';
  return score !== null ? `${level} (score ${score})` : level;
}
