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
import type { Entry, Level, ScoredEntry, Status } from '../model';
import type { IsoDate } from '../dates';
import type { PlanSnapshot, SnapshotRisk } from '../settings';
import { riskWords } from './entryText';
import { normalizeRiskText } from '../analysis/findings';
import { inSlices, type Sliced } from '../slices';

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

function dueText(entry: Entry): string | null {
  const d = entry.dueDate;
  if (!d) return null;
  return d.iso ?? (d.text.trim() || null);
}

/** The snapshot this plan leaves behind for the next one (sized to fit the settings schema). */
export function takeSnapshot(risks: ScoredEntry[], asOf: IsoDate, version: number): PlanSnapshot {
  const snapshot = new SnapshotBuilder();
  for (const s of risks) snapshot.add(s, riskWords(s.entry));
  return snapshot.finish(asOf, version);
}

/** The snapshot key of a risk before de-duplication (riskKey, cut to fit the settings schema). */
export function snapshotBaseKey(id: string | null, words: string | null): string {
  return riskKey(id, words).slice(0, 1990);
}

/** The fields of a snapshot risk, cut to fit the settings schema, as `SnapshotBuilder.add` records them. */
export const snapshotId = (id: string | null): string | null => clip(id, 500);
export const snapshotRisk = (words: string | null): string | null => clip(words, 2000);
export const snapshotOwner = (owner: string | null): string | null => clip(owner, 500);
export const snapshotDue = (entry: Entry): string | null => clip(dueText(entry), 100);

/**
 * `takeSnapshot` one risk at a time, in priority order, so the plan can record each risk while it
 * writes that risk's row (one visit per risk object instead of two).
 */
export class SnapshotBuilder {
  private readonly seen = new Map<string, number>();
  private readonly risks: SnapshotRisk[] = [];

  /** `words` is `riskWords(s.entry)`. */
  add(s: ScoredEntry, words: string | null): void {
    const e = s.entry;
    this.addFields(
      snapshotBaseKey(e.id, words),
      false,
      snapshotId(e.id),
      snapshotRisk(words),
      snapshotOwner(e.owner),
      snapshotDue(e),
      e.status,
      s.level,
    );
  }

  /**
   * A risk from its fields worked out already (see the snapshot* helpers). `unique`: no other risk
   * recorded in this snapshot has the same base key, so the key needs no "#n" and no bookkeeping.
   */
  addFields(
    base: string,
    unique: boolean,
    id: string | null,
    risk: string | null,
    owner: string | null,
    dueDate: string | null,
    status: Status | null,
    level: Level | null,
  ): void {
    let key = base;
    if (!unique) {
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      if (n > 1) key = `${base}#${n}`;
    }
    this.risks.push({ key, id, risk, owner, dueDate, status, level });
  }

  finish(asOf: IsoDate, version: number): PlanSnapshot {
    return { generatedOn: asOf, version, risks: this.risks };
  }
}

function isClosed(status: Status | null): boolean {
  return status !== null && CLOSED_STATUSES.includes(status);
}

/** Differences between the last plan's snapshot and the current one, in register order. Yields between slices of risks (see slices.ts). */
export function* diffSnapshotsSliced(previous: PlanSnapshot, current: PlanSnapshot): Sliced<PlanChange[]> {
  const before = new Map<string, SnapshotRisk>();
  yield* inSlices(previous.risks.length, (from, to) => {
    for (let i = from; i < to; i++) before.set(previous.risks[i].key, previous.risks[i]);
  });
  const nowKeys = new Set<string>();
  yield* inSlices(current.risks.length, (from, to) => {
    for (let i = from; i < to; i++) nowKeys.add(current.risks[i].key);
  });
  const changes: PlanChange[] = [];
  yield* inSlices(current.risks.length, (from, to) => {
    for (let i = from; i < to; i++) changesOf(current.risks[i], before, changes);
  });
  yield* inSlices(previous.risks.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const was = previous.risks[i];
      if (!nowKeys.has(was.key)) changes.push({ kind: 'removed', id: was.id, risk: was.risk, before: was.status, after: null });
    }
  });
  return changes;
}

/** The changes of one current risk against the previous snapshot's risks by key. */
function changesOf(now: SnapshotRisk, before: Map<string, SnapshotRisk>, changes: PlanChange[]): void {
  const was = before.get(now.key);
  const base = { id: now.id, risk: now.risk };
  if (!was) {
    changes.push({ kind: 'new', ...base, before: null, after: now.status });
    return;
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
