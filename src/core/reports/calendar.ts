/**
 * The CAP calendar as published HHS resolution agreements write it, from the CAP terms in the
 * settings (every number is a setting; the defaults are the common terms):
 * - the risk analysis is submitted to HHS within `riskAnalysisDays` of the effective date (60, 90 or
 *   180 days in published agreements; 90 by default);
 * - HHS reviews a submission and answers in about `hhsReviewDays` (60); when it asks for changes the
 *   entity revises within `revisionDays` (60). Both are projected: HHS's dates are its own;
 * - the implementation report is due `implementationReportDays` (120) after HHS APPROVES the plan:
 *   until an approval date is entered it is shown as projected (from the projected end of HHS's review);
 * - an annual report is due `reportDueDaysAfterPeriod` (60) after each one-year reporting period; the
 *   last one, after the term, is the final report;
 * - the term (monitoring) lasts `monitoringYears` (2 in most agreements, 3 in some);
 * - a reportable event (a failure to comply) is reported within `reportableEventDays` (30) of learning
 *   of it, at any time during the term;
 * - documents are kept `retentionYears` (6): see `retainUntil`.
 *
 * Pure date arithmetic. The workbook does not record whether a report was submitted (except the risk
 * analysis, whose submission date is a setting), so a report whose due date has passed is "overdue"
 * ("confirm it was submitted"), one due within 30 days is "due soon", a periodic report whose period
 * has not ended is "period not ended", anything else "upcoming".
 */
import { addDays, addMonths, daysBetween } from '../dates';
import type { IsoDate } from '../dates';
import type { CapSettings } from '../settings';

export type CalendarState = 'overdue' | 'due soon' | 'upcoming' | 'period not ended' | 'submitted';

/** Days before a due date from which a report counts as "due soon". */
export const DUE_SOON_DAYS = 30;

export interface CalendarEvent {
  kind: 'risk-analysis' | 'hhs-review' | 'revision' | 'implementation' | 'periodic' | 'final' | 'monitoring-end';
  label: string;
  /** Reporting period covered, for periodic and final reports. */
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** The date the report is due (the last day of the term for monitoring-end). */
  due: IsoDate;
  /** True when the date rests on an assumption (HHS's answer, an approval date not yet entered). */
  projected: boolean;
  /** How the date was worked out, in words, e.g. "120 days after HHS approval (projected)". */
  basis: string;
  state: CalendarState;
  /** Days from the as-of date to `due` (negative when past). */
  daysUntilDue: number;
}

export interface ReportingPeriod {
  /** 1-based period number. */
  index: number;
  start: IsoDate;
  end: IsoDate;
}

export interface CapCalendar {
  /** Plain-words problems that prevent some dates, e.g. "MISSING: set the CAP effective date". */
  missing: string[];
  events: CalendarEvent[];
  /** The reporting period that contains the as-of date, or null before/after the term. */
  currentPeriod: ReportingPeriod | null;
  /** The current period in words, for the report header. */
  periodText: string;
  monitoringEnd: IsoDate | null;
  /** Standing obligations during the term, in words (reportable events, record keeping). */
  standing: string[];
}

export const MISSING_EFFECTIVE_DATE = 'MISSING: set the CAP effective date';
export const MISSING_APPROVAL_DATE = 'PROJECTED: enter the date HHS approved the plan to fix the implementation report date';

function stateFor(asOf: IsoDate, due: IsoDate, periodEnd: IsoDate | null): CalendarState {
  if (periodEnd && daysBetween(asOf, periodEnd) > 0) return 'period not ended';
  const days = daysBetween(asOf, due);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'due soon';
  return 'upcoming';
}

/** The reporting periods of the term: each runs `reportingPeriodMonths`, the last is cut at the end of the term. */
export function reportingPeriods(cap: CapSettings, effective: IsoDate): ReportingPeriod[] {
  const monitoringEnd = addMonths(effective, cap.monitoringYears * 12);
  const count = Math.ceil((cap.monitoringYears * 12) / cap.reportingPeriodMonths);
  const periods: ReportingPeriod[] = [];
  for (let k = 1; k <= count; k++) {
    const start = addMonths(effective, (k - 1) * cap.reportingPeriodMonths);
    const natural = addMonths(effective, k * cap.reportingPeriodMonths);
    const end = daysBetween(natural, monitoringEnd) < 0 ? monitoringEnd : natural;
    periods.push({ index: k, start, end });
  }
  return periods;
}

function event(asOf: IsoDate, e: Omit<CalendarEvent, 'state' | 'daysUntilDue'>, state?: CalendarState): CalendarEvent {
  return {
    ...e,
    state: state ?? stateFor(asOf, e.due, e.kind === 'periodic' || e.kind === 'final' ? e.periodEnd : null),
    daysUntilDue: daysBetween(asOf, e.due),
  };
}

/** Builds the calendar for the as-of date. */
export function buildCapCalendar(cap: CapSettings, asOf: IsoDate): CapCalendar {
  const missing: string[] = [];
  const events: CalendarEvent[] = [];
  const effective = cap.effectiveDate ?? null;
  const standing = standingRules(cap);
  if (!effective) {
    missing.push(MISSING_EFFECTIVE_DATE);
    // Without the effective date only an entered approval date gives a real implementation date.
    if (cap.approvalDate) events.push(implementationEvent(cap, asOf, cap.approvalDate, false));
    return { missing, events, currentPeriod: null, periodText: MISSING_EFFECTIVE_DATE, monitoringEnd: null, standing };
  }

  // A voluntary plan answers to no one at HHS: no submission, no review loop, no approval to wait for.
  if (cap.type === 'voluntary') {
    events.push(implementationEvent(cap, asOf, cap.approvalDate ?? effective, false, cap.approvalDate ? 'approval' : 'effective'));
    return finishCalendar(cap, asOf, effective, events, missing, standing);
  }

  // The risk analysis and HHS's review loop.
  const raDue = addDays(effective, cap.riskAnalysisDays);
  const submitted = cap.riskAnalysisSubmittedDate ?? null;
  events.push(
    event(
      asOf,
      {
        kind: 'risk-analysis',
        label: 'Risk analysis submitted to HHS',
        periodStart: null,
        periodEnd: null,
        due: raDue,
        projected: false,
        basis: `${cap.riskAnalysisDays} days after the effective date`,
      },
      submitted ? 'submitted' : undefined,
    ),
  );
  const sentOn = submitted ?? raDue;
  const hhsAnswer = addDays(sentOn, cap.hhsReviewDays);
  const revision = addDays(hhsAnswer, cap.revisionDays);
  events.push(
    event(asOf, {
      kind: 'hhs-review',
      label: "HHS's answer on the risk analysis (HHS's date, not ours)",
      periodStart: null,
      periodEnd: null,
      due: hhsAnswer,
      projected: true,
      basis: `about ${cap.hhsReviewDays} days after ${submitted ? 'the submission' : 'the submission deadline'} (projected)`,
    }),
    event(asOf, {
      kind: 'revision',
      label: 'Revisions, if HHS asks for them',
      periodStart: null,
      periodEnd: null,
      due: revision,
      projected: true,
      basis: `within ${cap.revisionDays} days of HHS's answer (projected)`,
    }),
  );

  // The implementation report: from HHS's approval (projected until the date is entered).
  if (cap.implementationReportFrom === 'effective') {
    events.push(
      event(asOf, {
        kind: 'implementation',
        label: 'Implementation report',
        periodStart: null,
        periodEnd: null,
        due: addDays(effective, cap.implementationReportDays),
        projected: false,
        basis: `${cap.implementationReportDays} days after the effective date`,
      }),
    );
  } else if (cap.approvalDate) {
    events.push(implementationEvent(cap, asOf, cap.approvalDate, false));
  } else {
    missing.push(MISSING_APPROVAL_DATE);
    events.push(implementationEvent(cap, asOf, hhsAnswer, true));
  }

  return finishCalendar(cap, asOf, effective, events, missing, standing);
}

/** Adds the reporting periods and the end of the term, sorts by date, and works out the current period. */
function finishCalendar(
  cap: CapSettings,
  asOf: IsoDate,
  effective: IsoDate,
  events: CalendarEvent[],
  missing: string[],
  standing: string[],
): CapCalendar {
  const periods = reportingPeriods(cap, effective);
  for (const p of periods) {
    const final = p.index === periods.length;
    events.push(
      event(asOf, {
        kind: final ? 'final' : 'periodic',
        label: final ? `Final report (period ${p.index}, after the term)` : `Annual report for period ${p.index}`,
        periodStart: p.start,
        periodEnd: p.end,
        due: addDays(p.end, cap.reportDueDaysAfterPeriod),
        projected: false,
        basis: `${cap.reportDueDaysAfterPeriod} days after the period ends`,
      }),
    );
  }
  const monitoringEnd = addMonths(effective, cap.monitoringYears * 12);
  const endDays = daysBetween(asOf, monitoringEnd);
  events.push(
    event(
      asOf,
      {
        kind: 'monitoring-end',
        label: `End of the ${cap.monitoringYears}-year term`,
        periodStart: effective,
        periodEnd: monitoringEnd,
        due: monitoringEnd,
        projected: false,
        basis: `${cap.monitoringYears} years after the effective date`,
      },
      endDays < 0 ? 'overdue' : endDays <= DUE_SOON_DAYS ? 'due soon' : 'upcoming',
    ),
  );
  events.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));

  // A period runs from its start (inclusive) to its end (exclusive): the next period starts that day.
  const currentPeriod = periods.find((p) => daysBetween(p.start, asOf) >= 0 && daysBetween(asOf, p.end) > 0) ?? null;
  let periodText: string;
  if (currentPeriod) periodText = `Period ${currentPeriod.index} of ${periods.length}: ${currentPeriod.start} to ${currentPeriod.end}`;
  else if (daysBetween(effective, asOf) < 0) periodText = `Before the CAP effective date (${effective})`;
  else periodText = `Term ended ${monitoringEnd}`;
  return { missing, events, currentPeriod, periodText, monitoringEnd, standing };
}

function implementationEvent(
  cap: CapSettings,
  asOf: IsoDate,
  from: IsoDate,
  projected: boolean,
  fromWhat: 'approval' | 'effective' = 'approval',
): CalendarEvent {
  return event(asOf, {
    kind: 'implementation',
    label: projected ? 'Implementation report (projected: no approval date yet)' : 'Implementation report',
    periodStart: null,
    periodEnd: null,
    due: addDays(from, cap.implementationReportDays),
    projected,
    basis: projected
      ? `${cap.implementationReportDays} days after HHS approves the plan; approval assumed at the end of HHS's review (projected)`
      : fromWhat === 'effective'
        ? `${cap.implementationReportDays} days after the effective date`
        : `${cap.implementationReportDays} days after ${cap.type === 'ocr' ? 'HHS approved' : 'the approval of'} the plan (${from})`,
  });
}

function standingRules(cap: CapSettings): string[] {
  if (cap.type === 'voluntary') {
    return [
      `Records: keep every document relating to the corrective actions for ${cap.retentionYears} years (the "Retain until" date in the evidence index).`,
    ];
  }
  return [
    `Reportable events: tell HHS within ${cap.reportableEventDays} days of learning that a workforce member did not comply with the CAP or the policies it requires, at any time during the term.`,
    `Records: keep every document relating to compliance with the CAP for ${cap.retentionYears} years (the "Retain until" date in the evidence index).`,
  ];
}

/**
 * The date until which a CAP record is kept: `retentionYears` after the later of the record's date
 * (completion or verification) and the effective date. Null when neither date is known.
 */
export function retainUntil(cap: CapSettings, recordDate: IsoDate | null): IsoDate | null {
  const dates = [recordDate, cap.effectiveDate ?? null].filter((d): d is IsoDate => d !== null).sort();
  const from = dates[dates.length - 1];
  return from ? addMonths(from, cap.retentionYears * 12) : null;
}

/** The state of a calendar event in words for the report. */
export function calendarStateWords(event: CalendarEvent): string {
  const projected = event.projected ? ' (projected)' : '';
  switch (event.state) {
    case 'submitted':
      return 'Submitted';
    case 'overdue':
      if (event.kind === 'monitoring-end') return 'Term has ended';
      if (event.kind === 'hhs-review') return `Passed ${-event.daysUntilDue} days ago: record HHS's answer`;
      if (event.kind === 'revision') return `Passed ${-event.daysUntilDue} days ago: confirm any revisions were sent`;
      return `Due date passed ${-event.daysUntilDue} days ago: confirm it was submitted${projected}`;
    case 'due soon':
      return event.daysUntilDue === 0 ? `Due today${projected}` : `Due soon: in ${event.daysUntilDue} days${projected}`;
    case 'period not ended':
      return 'Period not ended';
    case 'upcoming':
      return `Upcoming: in ${event.daysUntilDue} days${projected}`;
  }
}
