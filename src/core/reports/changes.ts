/**
 * "Changes since the last plan": each plan stores a snapshot of its risks in the settings;
 * the next plan compares the register against it.
 *
 * Matching: a risk is matched by its ID when it has one ("id:" + the ID, case and spacing
 * ignored), otherwise by its normalized risk text ("text:" + lower case, punctuation and extra
 * spaces removed). Two risks with the same key get "#2", "#3"... in register order, so each
 * snapshot key is unique.
 */
import { CLOSED_STATUSES } from '../model';
import type { ScoredEntry, Status } from '../model';
import type { IsoDate } from '../dates';
import type { PlanSnapshot, SnapshotRisk } from '../settings';
import { riskWords } from './entryText';
import { normalizeRiskText } from '../analysis/findings';

export type ChangeKind = 'closed' | 'new' | 'removed' | 'date-changed' | 'owner-changed';

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  closed: 'Risk closed',
  new: 'New risk',
  removed: 'Risk no longer in the register',
  'date-changed': 'Target date changed',
  'owner-changed': 'Responsible party changed',
};

export interface PlanChange {
  kind: ChangeKind;
  id: string | null;
  risk: string | null;
  before: string | null;
  after: string | null;
}

/** The same normalization the analysis uses to spot duplicate risks (one rule, one place). */
const normalizeText = normalizeRiskText;

/** The key a risk is matched on between plans (before de-duplication). */
export function riskKey(id: string | null, risk: string | null): string {
  if (id && id.trim()) {
    const trimmed = id.trim();
    // Most IDs ("R-001") hold no space at all: skip the replace for them.
    return `id:${hasSpaceLike(trimmed) ? trimmed.toLowerCase().replace(/\s+/g, '') : trimmed.toLowerCase()}`;
  }
  return `text:${normalizeText(risk ?? '')}`;
}

/** True when `text` may hold a character `\s` matches (control characters, spaces, any non-ASCII). */
function hasSpaceLike(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return true;
  }
  return false;
}

function clip(s: string | null, max: number): string | null {
  return s === null ? null : s.length > max ? s.slice(0, max) : s;
}

function dueText(s: ScoredEntry): string | null {
  const d = s.entry.dueDate;
  if (!d) return null;
  return d.iso ?? (d.text.trim() || null);
}

/** The snapshot this plan leaves behind for the next one (sized to fit the settings schema). */
export function takeSnapshot(risks: ScoredEntry[], asOf: IsoDate, version: number): PlanSnapshot {
  const snapshot = new SnapshotBuilder();
  for (const s of risks) snapshot.add(s, riskWords(s.entry));
  return snapshot.finish(asOf, version);
}

/**
 * `takeSnapshot` one risk at a time, in priority order, so the plan can record each risk while it
 * writes that risk's row (one visit per risk object instead of two).
 */
export class SnapshotBuilder {
  private readonly seen = new Map<string, number>();
  private readonly risks: SnapshotRisk[] = [];

  /** `words` is `riskWords(s.entry)`. */
  add(s: ScoredEntry, words: string | null): void {
    const base = riskKey(s.entry.id, words).slice(0, 1990);
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    this.risks.push({
      key: n === 1 ? base : `${base}#${n}`,
      id: clip(s.entry.id, 500),
      risk: clip(words, 2000),
      owner: clip(s.entry.owner, 500),
      dueDate: clip(dueText(s), 100),
      status: s.entry.status,
      level: s.level,
    });
  }

  finish(asOf: IsoDate, version: number): PlanSnapshot {
    return { generatedOn: asOf, version, risks: this.risks };
  }
}

function isClosed(status: Status | null): boolean {
  return status !== null && CLOSED_STATUSES.includes(status);
}

/** Differences between the last plan's snapshot and the current one, in register order. */
export function diffSnapshots(previous: PlanSnapshot, current: PlanSnapshot): PlanChange[] {
  const before = new Map(previous.risks.map((r) => [r.key, r]));
  const nowKeys = new Set(current.risks.map((r) => r.key));
  const changes: PlanChange[] = [];
  for (const now of current.risks) {
    const was = before.get(now.key);
    const base = { id: now.id, risk: now.risk };
    if (!was) {
      changes.push({ kind: 'new', ...base, before: null, after: now.status });
      continue;
    }
    if (isClosed(now.status) && !isClosed(was.status)) {
      changes.push({ kind: 'closed', ...base, before: was.status ?? 'Open', after: now.status });
    }
    if ((was.dueDate ?? null) !== (now.dueDate ?? null)) {
      changes.push({ kind: 'date-changed', ...base, before: was.dueDate, after: now.dueDate });
    }
    if (normalizeText(was.owner ?? '') !== normalizeText(now.owner ?? '')) {
      changes.push({ kind: 'owner-changed', ...base, before: was.owner, after: now.owner });
    }
  }
  for (const was of previous.risks) {
    if (!nowKeys.has(was.key)) changes.push({ kind: 'removed', id: was.id, risk: was.risk, before: was.status, after: null });
  }
  return changes;
}
