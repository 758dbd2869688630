/**
 * What an entry's status means for the plan: one place for "completed", "verified" and "open".
 */
import { CLOSED_STATUSES, type Entry, type Status } from '../model';

const COMPLETED_STATUSES: readonly Status[] = ['Complete', 'Mitigated'];

/** The work is done: status Complete/Mitigated, or a completion date is recorded. */
export function isCompleted(entry: Entry): boolean {
  return (entry.status !== null && COMPLETED_STATUSES.includes(entry.status)) || entry.completedDate !== null;
}

/** Completion was confirmed by someone: a verifier or a verification date. */
export function isVerified(entry: Entry): boolean {
  return isCompleted(entry) && (!!entry.verifiedBy?.trim() || entry.verifiedDate !== null);
}

/** Still needs work: not completed and not closed (Accepted, Transferred...). A blank status is open. */
export function isOpen(entry: Entry): boolean {
  return !isCompleted(entry) && !(entry.status !== null && CLOSED_STATUSES.includes(entry.status));
}
