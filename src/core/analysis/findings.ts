/**
 * What an OCR investigator would flag, per entry. Each finding names the cell to look at,
 * says what is wrong in plain words, and what would fix it.
 *
 * Scope decisions (so the list is signal, not noise):
 * - missing-owner, missing-due-date, overdue, missing-action and vague-action apply to OPEN
 *   entries only. A completed item needs verification, not an owner or a date; an Accepted or
 *   Transferred risk needs a justification (accepted-without-justification), not an action.
 * - missing-verification applies to completed entries (Complete / Mitigated / completion date).
 * - missing-root-cause applies to items of a real CAP sheet only (not register actions).
 * - stale-review applies to entries that are not completed; "no review date at all" is only
 *   reported where the sheet has a review-date column.
 * - duplicate is computed across entries by `duplicateFindings` with a Map (linear time).
 */
import { addMonths, daysBetween, type IsoDate } from '../dates';
import type { Entry, Finding, FindingKind } from '../model';
import { cellFor } from './cells';
import { FINDING_KIND_TABLE } from '../findingKinds';
import type { EntryScore } from './score';
import { isCompleted, isOpen } from './status';
import { FindingWords } from './findingWords';
import { TextKeys } from './textKeys';
import { inSlices, type Sliced } from '../slices';

export interface FindingContext {
  asOf: IsoDate;
  /** Reviews before this date are stale (asOf - 12 months); computed once by the caller when given. */
  reviewCutoff?: IsoDate;
  /** The entry comes from a CAP sheet (not from the register's own actions). */
  capSheet: boolean;
  /** The entry's sheet has a review-date column. */
  hasReviewColumn: boolean;
  /**
   * The CAP sheet has a root-cause column. When it has none, the analysis writes one sheet-level
   * note (`missingRootCauseColumn`) instead of one finding per item. Absent means "has one".
   */
  hasRootCauseColumn?: boolean;
  /** The run's memo of finding words; one per analysis run (a call without one makes its own). */
  words?: FindingWords;
}

/** How long a risk title may run in a finding's subject before it is cut. */
const SUBJECT_TITLE_CHARS = 60;

/** "R-004 Shared front-desk EHR login" (ID and title, the title cut at a word): who a finding is about. */
export function findingSubject(entry: Entry): string {
  const id = entry.id?.trim() ?? '';
  let title = entry.risk ?? entry.vulnerability ?? entry.threat ?? entry.asset ?? '';
  // Most titles are one clean line: tidy only the ones that need it.
  if (/\s\s|[\n\r\t]|^\s|\s$/.test(title)) title = title.replace(/\s+/g, ' ').trim();
  if (title.length > SUBJECT_TITLE_CHARS) {
    const cut = title.lastIndexOf(' ', SUBJECT_TITLE_CHARS);
    title = `${title.slice(0, cut > 20 ? cut : SUBJECT_TITLE_CHARS).replace(/[,;:.]$/, '')}...`;
  }
  if (id && title) return `${id} ${title}`;
  return id || title || `Row ${entry.row}`;
}

/** A finding as a sentence that names its risk: "R-004 Shared front-desk login: No one is named as responsible." */
export function findingText(f: Pick<Finding, 'subject' | 'message'>): string {
  return f.subject ? `${f.subject}: ${f.message}` : f.message;
}

/** The one note for a CAP sheet without a root-cause column (instead of a finding per item). */
export function missingRootCauseColumn(sheet: string, headerCell: string, headerRow: number, items: number): Finding {
  return {
    kind: 'missing-root-cause',
    sheet,
    cell: headerCell,
    row: headerRow,
    entryId: null,
    subject: `Sheet "${sheet}"`,
    scope: 'sheet',
    message: `This corrective action sheet has no root-cause column, so none of its ${items} ${items === 1 ? 'item says' : 'items say'} why the deficiency happened.`,
    fix: 'Add a "Root cause" column and record, for each item, why the deficiency happened (an unclear process, an unassigned responsibility, missing tooling), so the fix prevents recurrence.',
  };
}

/** `message` is a literal or comes from the run's FindingWords, so equal messages are one string. */
function makeFinding(kind: FindingKind, entry: Entry, cell: string, message: string, fix: string, subject = ''): Finding {
  return { kind, sheet: entry.sheet, cell, row: entry.row, entryId: entry.id, subject, message, fix };
}

/** Days an open entry is past its due date (0 when not overdue or not open). `words`: the run's memo, if any. */
export function daysOverdue(entry: Entry, asOf: IsoDate, words?: FindingWords): number {
  const due = entry.dueDate?.iso;
  if (!due || due >= asOf || !isOpen(entry)) return 0;
  const days = words ? words.daysBetween(due, asOf) : daysBetween(due, asOf);
  return days > 0 ? days : 0;
}

const ownerWords = (_: string, typed: string) => `The owner is "${typed}", which names no one.`;
const dueWords = (kind: string, text: string): string => {
  if (kind === 'relative') return `The due date "${text}" is a timescale, not a date.`;
  if (kind === 'ambiguous') return `The due date "${text}" is ambiguous: it can be read day-first or month-first.`;
  if (kind === 'invalid') return `The due date "${text}" is not a date.`;
  return `The due date "${text}" could not be read as a date.`;
};
const vagueWords = (_: string, why: string) => `The action is too vague to verify: ${why}.`;
const acceptedWords = (_: string, typed: string) =>
  `Marked "${typed}", but no justification is recorded: why is the remaining risk reasonable and appropriate, who accepted it, and when?`;
const reviewTextWords = (_: string, text: string) => `The review date "${text}" is not a date, so the last review cannot be shown.`;

/** An action cell that itself explains an acceptance ("Accepted: replacement cost exceeds the risk"). */
function statesJustification(action: string | null): boolean {
  return (
    !!action &&
    /\b(because|rationale|justif\w*|accepted (by|on|because)|compensating control|cost (exceeds|outweighs)|risk acceptance (form|memo|signed))\b/i.test(
      action,
    )
  );
}

/** Every per-entry finding (all kinds except duplicate). `overdueDays` saves recomputing daysOverdue. */
export function entryFindings(entry: Entry, score: EntryScore, ctx: FindingContext, overdueDays?: number): Finding[] {
  const out: Finding[] = [];
  const words = ctx.words ?? new FindingWords();
  const open = isOpen(entry);
  // Findings are made with an empty subject; the entry's subject is worked out once, at the end.
  const finding = makeFinding;
  const completed = isCompleted(entry);

  if (open && !entry.owner) {
    const typed = entry.ownerText?.trim();
    out.push(
      finding(
        'missing-owner',
        entry,
        cellFor(entry, 'owner'),
        typed ? words.sentence('owner', typed, ownerWords) : 'No one is named as responsible for this item.',
        FINDING_KIND_TABLE['missing-owner'].fix,
      ),
    );
  }

  if (open) {
    const due = entry.dueDate;
    const cell = cellFor(entry, 'dueDate');
    if (!due) {
      out.push(finding('missing-due-date', entry, cell, 'There is no due date.', FINDING_KIND_TABLE['missing-due-date'].fix));
    } else if (!due.iso) {
      const text = due.text;
      const fix =
        due.kind === 'ambiguous'
          ? 'Enter the date unambiguously (for example 2026-04-03) or as a real date cell.'
          : 'Replace it with a specific date (for example the last day of the period meant).';
      out.push(finding('missing-due-date', entry, cell, words.sentence(due.kind, text, dueWords), fix));
    } else {
      const days = overdueDays ?? daysOverdue(entry, ctx.asOf, words);
      const iso = due.iso;
      if (days > 0) {
        out.push(finding('overdue', entry, cell, words.overdue(ctx.asOf, iso, days), FINDING_KIND_TABLE.overdue.fix));
      }
    }
  }

  const action = entry.action?.trim();
  if (open && !action) {
    out.push(
      finding(
        'missing-action',
        entry,
        cellFor(entry, 'action'),
        'No action is planned for this item.',
        FINDING_KIND_TABLE['missing-action'].fix,
      ),
    );
  } else if (open && action) {
    const why = words.vague(action);
    if (why) {
      out.push(
        finding(
          'vague-action',
          entry,
          cellFor(entry, 'action'),
          words.sentence('vague', why, vagueWords),
          FINDING_KIND_TABLE['vague-action'].fix,
        ),
      );
    }
  }

  // Evidence shows what was done, not that someone confirmed it worked: only a verifier or a date verifies.
  if (completed && !entry.verifiedBy?.trim() && !entry.verifiedDate) {
    const hasEvidence = !!entry.evidence?.trim();
    out.push(
      finding(
        'missing-verification',
        entry,
        cellFor(entry, 'verifiedBy', 'verifiedDate', 'evidence', 'status', 'completedDate'),
        hasEvidence
          ? 'Marked complete with evidence, but no one is recorded as having verified the fix: no verifier or verification date.'
          : 'Marked complete, but nothing shows the fix was checked: no verifier, verification date or evidence.',
        FINDING_KIND_TABLE['missing-verification'].fix,
      ),
    );
  }

  if (ctx.capSheet && ctx.hasRootCauseColumn !== false && !entry.rootCause?.trim()) {
    out.push(
      finding(
        'missing-root-cause',
        entry,
        cellFor(entry, 'rootCause'),
        'No root cause is recorded for this corrective action.',
        FINDING_KIND_TABLE['missing-root-cause'].fix,
      ),
    );
  }

  if (score.mismatch) out.push(finding('level-mismatch', entry, score.mismatch.cell, score.mismatch.message, score.mismatch.fix));

  if (!completed) {
    const review = entry.reviewDate;
    const cell = cellFor(entry, 'reviewDate');
    const reviewFix = FINDING_KIND_TABLE['stale-review'].fix;
    if (review?.iso) {
      const cutoff = ctx.reviewCutoff ?? addMonths(ctx.asOf, -12);
      if (review.iso < cutoff) {
        const iso = review.iso;
        const message = words.stale(ctx.asOf, iso);
        out.push(finding('stale-review', entry, cell, message, reviewFix));
      }
    } else if (review) {
      const message = words.sentence('review', review.text, reviewTextWords);
      out.push(finding('stale-review', entry, cell, message, reviewFix));
    } else if (ctx.hasReviewColumn) {
      out.push(finding('stale-review', entry, cell, 'No review date is recorded.', reviewFix));
    }
  }

  if (entry.status === 'Accepted' && !entry.justification?.trim() && !statesJustification(entry.action)) {
    const typed = entry.statusText?.trim() || 'Accepted';
    out.push(
      finding(
        'accepted-without-justification',
        entry,
        cellFor(entry, 'justification', 'status'),
        words.sentence('accepted', typed, acceptedWords),
        FINDING_KIND_TABLE['accepted-without-justification'].fix,
      ),
    );
  }
  if (out.length > 0) {
    const subject = findingSubject(entry);
    for (const f of out) f.subject = subject;
  }
  return out;
}

export { normalizeRiskText } from './textKeys';
export { FindingWords } from './findingWords';
export { cellFor } from './cells';

/**
 * Duplicates, in linear time. Within each group (the register; all CAP sheets together),
 * a risk text recorded a second time is flagged against the first. A CAP item that is not
 * completed and repeats a completed CAP item is flagged as recurring.
 * Yields between slices of entries.
 */
export function* duplicateFindingsSliced(groups: { entries: Entry[]; cap: boolean }[]): Sliced<Map<Entry, Finding[]>> {
  const out = new Map<Entry, Finding[]>();
  const add = (entry: Entry, f: Finding) => {
    const list = out.get(entry);
    if (list) list.push(f);
    else out.set(entry, [f]);
  };
  for (const { entries, cap } of groups) {
    // keys[i]: entries[i]'s risk text as a number, equal for texts that differ only in case,
    // punctuation or spacing; -1 for no text. The first entry with each key is firstSeen[key].
    const textKeys = new TextKeys();
    const keys = new Int32Array(entries.length);
    const firstSeen: Entry[] = [];
    const completedSeen: (Entry | undefined)[] = [];
    yield* inSlices(entries.length, (from, to) => {
      for (let i = from; i < to; i++) {
        const entry = entries[i];
        const key = entry.risk === null ? -1 : textKeys.keyOf(entry.risk);
        keys[i] = key;
        if (key < 0) continue;
        if (key === firstSeen.length) firstSeen.push(entry);
        if (cap && completedSeen[key] === undefined && isCompleted(entry)) completedSeen[key] = entry;
      }
    });
    yield* inSlices(entries.length, (from, to) => {
      for (let i = from; i < to; i++) {
        const key = keys[i];
        if (key >= 0) flagRepeat(entries[i], firstSeen[key], cap ? completedSeen[key] : undefined, add);
      }
    });
  }
  return out;
}

/** The duplicate finding for `entry`, if any, given the first entry with its text and the first completed one (CAP). */
function flagRepeat(entry: Entry, first: Entry, closedEarlier: Entry | undefined, add: (entry: Entry, f: Finding) => void): void {
  if (first === entry && !closedEarlier) return;
  const completed = closedEarlier ? isCompleted(entry) : false;
  const cell = cellFor(entry, 'risk');
  if (closedEarlier && closedEarlier !== entry && !completed) {
    add(
      entry,
      makeFinding(
        'duplicate',
        entry,
        cell,
        `This finding recurs: the same deficiency was closed in ${where(closedEarlier, entry)}.`,
        'Check why the earlier fix did not hold (root cause, verification) and link the two items.',
        findingSubject(entry),
      ),
    );
    return;
  }
  // A completed CAP item is compared with the first completed one: the open repeat is the recurrence.
  const earlier = closedEarlier && completed ? closedEarlier : first;
  if (earlier === entry) return;
  add(
    entry,
    makeFinding(
      'duplicate',
      entry,
      cell,
      `The same risk is already recorded in ${where(earlier, entry)}.`,
      FINDING_KIND_TABLE.duplicate.fix,
      findingSubject(entry),
    ),
  );
}

function where(other: Entry, entry: Entry): string {
  const label = other.id ? ` (${other.id})` : '';
  return other.sheet === entry.sheet ? `row ${other.row}${label}` : `sheet "${other.sheet}" row ${other.row}${label}`;
}
