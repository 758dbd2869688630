/**
 * The finding kinds, one row each: what a compliance officer calls it, the usual fix, its highlight
 * colour, and whether Excel can test it live. The analysis, the highlights, both reports, the CLI and
 * the pane read their words from here, so adding a kind is one row here plus its rule in
 * analysis/findings.ts (FINDING_KINDS in model.ts gives the order findings are listed in).
 */
import type { FindingKind } from './model';

/** Red for what makes an item unmanageable (no one, no date, late, nothing planned); amber for quality gaps. */
export const RED = Object.freeze({ fill: '#F8D7DA', fontColor: '#842029' });
export const AMBER = Object.freeze({ fill: '#FFF3CD', fontColor: '#664D03' });
export type HighlightColour = typeof RED | typeof AMBER;

/**
 * `live`: the cell a live conditional-format rule tests, when Excel can test the kind itself
 * (a blank owner, a blank due date, a due date passed on an open item); null for judgement calls.
 */
export type LiveTest = 'owner-blank' | 'due-date-blank' | 'due-date-passed';

export interface FindingKindInfo {
  /** The kind as a compliance officer would say it (plan, highlights note, pane, CLI). */
  readonly label: string;
  /** What would fix it, for the usual case; a rule may word a special case its own way. */
  readonly fix: string;
  readonly colour: HighlightColour;
  readonly live: LiveTest | null;
  /** The CAP Progress Report's follow-up list of the items with this finding (null: no list of its own). */
  readonly progressList: string | null;
}

export const FINDING_KIND_TABLE: Readonly<Record<FindingKind, FindingKindInfo>> = Object.freeze({
  'missing-owner': {
    label: 'No responsible party',
    fix: 'Name the person or role accountable (often the practice owner or office manager, or the vendor that runs the control).',
    colour: RED,
    live: 'owner-blank',
    progressList: null,
  },
  'missing-due-date': {
    label: 'No target date',
    fix: 'Enter the specific date by which the action will be completed.',
    colour: RED,
    live: 'due-date-blank',
    progressList: null,
  },
  overdue: {
    label: 'Overdue',
    fix: 'Finish the action and record the completion date, or set a new realistic date and note why it moved.',
    colour: RED,
    live: 'due-date-passed',
    progressList: null,
  },
  'missing-action': {
    label: 'No action stated',
    fix: 'Describe the specific step that will reduce the risk (for example "Enable MFA on the EHR portal").',
    colour: RED,
    live: null,
    progressList: null,
  },
  'vague-action': {
    label: 'Vague action',
    fix: 'Say what will be done to which system, document or group, so someone can check it was done.',
    colour: AMBER,
    live: null,
    progressList: null,
  },
  'missing-verification': {
    label: 'Completed but not verified',
    fix: 'Record who confirmed the fix works, when, and the evidence (a screenshot, report or signed document).',
    colour: AMBER,
    live: null,
    progressList: null,
  },
  'missing-root-cause': {
    label: 'No root cause recorded',
    fix: 'State why the deficiency happened (an unclear process, an unassigned responsibility, missing tooling) so the fix prevents recurrence.',
    colour: AMBER,
    live: null,
    progressList: 'No root cause recorded',
  },
  'level-mismatch': {
    label: 'Stated level disagrees with the matrix',
    // analysis/score.ts words this fix with the ratings and the matrix's result.
    fix: 'Check the likelihood, impact and level of this risk and correct whichever is wrong.',
    colour: AMBER,
    live: null,
    progressList: null,
  },
  'stale-review': {
    label: 'Review date out of date',
    fix: 'Review this risk (at least once a year) and record the review date.',
    colour: AMBER,
    live: null,
    progressList: null,
  },
  duplicate: {
    label: 'Recurring or duplicate finding',
    fix: 'Merge the two rows, or reword them so each describes a different risk.',
    colour: AMBER,
    live: null,
    progressList: 'Recurring findings (the same finding more than once)',
  },
  'accepted-without-justification': {
    label: 'Accepted without a written justification',
    fix: 'Record why the remaining risk is reasonable and appropriate (cost, likelihood, compensating controls), who accepted it and when.',
    colour: AMBER,
    live: null,
    progressList: null,
  },
} satisfies Record<FindingKind, FindingKindInfo>);

/** A finding kind in plain words: the one wording for the plan, the highlights, the pane and the CLI. */
export function findingLabel(kind: FindingKind): string {
  return FINDING_KIND_TABLE[kind].label;
}

/** True when one of `findings` is of `kind`. */
export function hasKind(findings: readonly { kind: FindingKind }[], kind: FindingKind): boolean {
  for (const f of findings) if (f.kind === kind) return true;
  return false;
}

/** The kinds of `findings`, each once, in the order they first appear (a risk's findings are few: no Set needed). */
export function distinctKinds(findings: readonly { kind: FindingKind }[]): FindingKind[] {
  const kinds: FindingKind[] = [];
  for (const f of findings) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  return kinds;
}

/** Finding kinds of a list of findings, de-duplicated, in plain words, joined for one cell. */
export function flagsText(kinds: readonly FindingKind[]): string {
  return [...new Set(kinds)].map(findingLabel).join('; ');
}
