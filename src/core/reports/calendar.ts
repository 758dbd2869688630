/**
 * The CAP reporting calendar, from the CAP terms in the settings: the implementation report,
 * one report per reporting period over the monitoring years, and the end of monitoring.
 *
 * Pure date arithmetic. The workbook does not record whether a report was submitted, so no
 * event is ever "done": a report whose due date has passed is "overdue" (the report says
 * "due date passed: confirm it was submitted"), one due within 30 days is "due soon", a periodic
 * report whose period has not ended yet is "period not ended", anything else is "upcoming".
 */
import { addDays, addMonths, daysBetween } from '../dates';
import type { IsoDate } from '../dates';
import type { CapSettings } from '../settings';

export type CalendarState = 'overdue' | 'due soon' | 'upcoming' | 'period not ended';

/** Days before a due date from which a report counts as "due soon". */
export const DUE_SOON_DAYS = 30;

export interface CalendarEvent {
  kind: 'implementation' | 'periodic' | 'monitoring-end';
  label: string;
  /** Reporting period covered, for periodic reports. */
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** The date the report is due (the last day of monitoring for monitoring-end). */
  due: IsoDate;
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
  /** The reporting period that contains the as-of date, or null before/after monitoring. */
  currentPeriod: ReportingPeriod | null;
  /** The current period in words, for the report header. */
  periodText: string;
  monitoringEnd: IsoDate | null;
}

export const MISSING_EFFECTIVE_DATE = 'MISSING: set the CAP effective date';
export const MISSING_APPROVAL_DATE = 'MISSING: set the CAP approval date';

function stateFor(asOf: IsoDate, due: IsoDate, periodEnd: IsoDate | null): CalendarState {
  if (periodEnd && daysBetween(asOf, periodEnd) > 0) return 'period not ended';
  const days = daysBetween(asOf, due);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'due soon';
  return 'upcoming';
}

/** The reporting periods of the monitoring term: each runs `reportingPeriodMonths`, the last is cut at the end of monitoring. */
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

/** Builds the reporting calendar for the as-of date. */
export function buildCapCalendar(cap: CapSettings, asOf: IsoDate): CapCalendar {
  const missing: string[] = [];
  const events: CalendarEvent[] = [];
  const effective = cap.effectiveDate ?? null;
  if (!effective) missing.push(MISSING_EFFECTIVE_DATE);

  const implementationFrom = cap.implementationReportFrom === 'approval' ? cap.approvalDate ?? null : effective;
  if (cap.implementationReportFrom === 'approval' && !cap.approvalDate) missing.push(MISSING_APPROVAL_DATE);
  if (implementationFrom) {
    const due = addDays(implementationFrom, cap.implementationReportDays);
    const from = cap.implementationReportFrom === 'approval' ? 'approval' : 'effective';
    events.push({
      kind: 'implementation',
      label: `Implementation report (${cap.implementationReportDays} days after the ${from} date)`,
      periodStart: null,
      periodEnd: null,
      due,
      state: stateFor(asOf, due, null),
      daysUntilDue: daysBetween(asOf, due),
    });
  }

  if (!effective) {
    return { missing, events, currentPeriod: null, periodText: MISSING_EFFECTIVE_DATE, monitoringEnd: null };
  }

  const periods = reportingPeriods(cap, effective);
  for (const p of periods) {
    const due = addDays(p.end, cap.reportDueDaysAfterPeriod);
    events.push({
      kind: 'periodic',
      label: `Report for period ${p.index} (${cap.reportDueDaysAfterPeriod} days after the period ends)`,
      periodStart: p.start,
      periodEnd: p.end,
      due,
      state: stateFor(asOf, due, p.end),
      daysUntilDue: daysBetween(asOf, due),
    });
  }
  const monitoringEnd = addMonths(effective, cap.monitoringYears * 12);
  events.push({
    kind: 'monitoring-end',
    label: `End of the ${cap.monitoringYears}-year monitoring period`,
    periodStart: effective,
    periodEnd: monitoringEnd,
    due: monitoringEnd,
    state: daysBetween(asOf, monitoringEnd) < 0 ? 'overdue' : daysBetween(asOf, monitoringEnd) <= DUE_SOON_DAYS ? 'due soon' : 'upcoming',
    daysUntilDue: daysBetween(asOf, monitoringEnd),
  });

  // A period runs from its start (inclusive) to its end (exclusive): the next period starts that day.
  const currentPeriod =
    periods.find((p) => daysBetween(p.start, asOf) >= 0 && daysBetween(asOf, p.end) > 0) ?? null;
  let periodText: string;
  if (currentPeriod) {
    periodText = `Period ${currentPeriod.index} of ${periods.length}: ${currentPeriod.start} to ${currentPeriod.end}`;
  } else if (daysBetween(effective, asOf) < 0) {
    periodText = `Before the CAP effective date (${effective})`;
  } else {
    periodText = `Monitoring period ended ${monitoringEnd}`;
  }
  return { missing, events, currentPeriod, periodText, monitoringEnd };
}

/** The state of a calendar event in words for the report. */
export function calendarStateWords(event: CalendarEvent): string {
  switch (event.state) {
    case 'overdue':
      return event.kind === 'monitoring-end'
        ? 'Monitoring period has ended'
        : `Due date passed ${-event.daysUntilDue} days ago: confirm it was submitted`;
    case 'due soon':
      return event.daysUntilDue === 0 ? 'Due today' : `Due soon: in ${event.daysUntilDue} days`;
    case 'period not ended':
      return 'Period not ended';
    case 'upcoming':
      return `Upcoming: in ${event.daysUntilDue} days`;
  }
}
