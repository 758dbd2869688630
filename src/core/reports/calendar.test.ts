import { buildCapCalendar, calendarStateWords, MISSING_APPROVAL_DATE, MISSING_EFFECTIVE_DATE, reportingPeriods } from './calendar';
import { capSettingsSchema } from '../settings';

const cap = (patch: Record<string, unknown> = {}) => capSettingsSchema.parse(patch);

describe('buildCapCalendar', () => {
  it('computes the implementation report, each annual report and the end of monitoring from the effective date', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2026-03-01');
    expect(c.missing).toEqual([]);
    expect(c.events.map((e) => [e.kind, e.periodEnd, e.due])).toEqual([
      ['implementation', null, '2026-05-15'],
      ['periodic', '2027-01-15', '2027-03-16'],
      ['periodic', '2028-01-15', '2028-03-15'],
      ['monitoring-end', '2028-01-15', '2028-01-15'],
    ]);
    expect(c.monitoringEnd).toBe('2028-01-15');
    expect(c.currentPeriod).toEqual({ index: 1, start: '2026-01-15', end: '2027-01-15' });
    expect(c.periodText).toBe('Period 1 of 2: 2026-01-15 to 2027-01-15');
  });

  it('gives each event a state relative to the as-of date (nothing is ever "done")', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2027-02-20');
    expect(c.events.map((e) => e.state)).toEqual(['overdue', 'due soon', 'period not ended', 'upcoming']);
    expect(calendarStateWords(c.events[0])).toMatch(/^Due date passed \d+ days ago: confirm it was submitted$/);
    expect(calendarStateWords(c.events[1])).toBe('Due soon: in 24 days');
    expect(c.currentPeriod?.index).toBe(2);
    const later = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2026-04-01');
    expect(later.events[0].state).toBe('upcoming');
  });

  it('uses the configured terms: approval date, days, period length, due days and years', () => {
    const c = buildCapCalendar(
      cap({
        effectiveDate: '2026-01-31',
        approvalDate: '2026-02-10',
        implementationReportFrom: 'approval',
        implementationReportDays: 90,
        reportingPeriodMonths: 6,
        reportDueDaysAfterPeriod: 30,
        monitoringYears: 1,
      }),
      '2026-03-01',
    );
    expect(c.events[0].due).toBe('2026-05-11');
    expect(c.events.filter((e) => e.kind === 'periodic').map((e) => [e.periodEnd, e.due])).toEqual([
      ['2026-07-31', '2026-08-30'],
      ['2027-01-31', '2027-03-02'],
    ]);
  });

  it('cuts the last period at the end of monitoring when periods do not divide it evenly', () => {
    const periods = reportingPeriods(cap({ reportingPeriodMonths: 10, monitoringYears: 1 }), '2026-01-01');
    expect(periods).toEqual([
      { index: 1, start: '2026-01-01', end: '2026-11-01' },
      { index: 2, start: '2026-11-01', end: '2027-01-01' },
    ]);
  });

  it('says MISSING and skips the dates when there is no effective date', () => {
    const c = buildCapCalendar(cap(), '2026-11-23');
    expect(c.missing).toEqual([MISSING_EFFECTIVE_DATE]);
    expect(c.events).toEqual([]);
    expect(c.periodText).toBe(MISSING_EFFECTIVE_DATE);
  });

  it('says MISSING for an approval-based implementation report without an approval date', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15', implementationReportFrom: 'approval' }), '2026-11-23');
    expect(c.missing).toEqual([MISSING_APPROVAL_DATE]);
    expect(c.events.some((e) => e.kind === 'implementation')).toBe(false);
    expect(c.events.filter((e) => e.kind === 'periodic')).toHaveLength(2);
  });

  it('describes dates before the effective date and after monitoring', () => {
    expect(buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2025-12-01').periodText).toBe('Before the CAP effective date (2026-01-15)');
    const after = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2028-06-01');
    expect(after.periodText).toBe('Monitoring period ended 2028-01-15');
    expect(after.currentPeriod).toBeNull();
  });
});
