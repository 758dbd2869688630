import {
  buildCapCalendar,
  calendarStateWords,
  MISSING_APPROVAL_DATE,
  MISSING_EFFECTIVE_DATE,
  reportingPeriods,
  retainUntil,
} from './calendar';
import { capSettingsSchema } from '../settings';

const cap = (patch: Record<string, unknown> = {}) => capSettingsSchema.parse({ type: 'ocr', ...patch });
const dues = (c: ReturnType<typeof buildCapCalendar>) => c.events.map((e) => [e.kind, e.due, e.projected]);

describe('buildCapCalendar (resolution-agreement terms)', () => {
  it('defaults: risk analysis in 90 days, HHS review loop, implementation report 120 days after approval (projected), annual reports, final report, 2-year term', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2026-03-01');
    expect(dues(c)).toEqual([
      ['risk-analysis', '2026-04-15', false],
      ['hhs-review', '2026-06-14', true],
      ['revision', '2026-08-13', true],
      ['implementation', '2026-10-12', true],
      ['periodic', '2027-03-16', false],
      ['monitoring-end', '2028-01-15', false],
      ['final', '2028-03-15', false],
    ]);
    expect(c.missing).toEqual([MISSING_APPROVAL_DATE]);
    expect(c.events.find((e) => e.kind === 'implementation')?.label).toMatch(/projected/);
    expect(c.currentPeriod).toEqual({ index: 1, start: '2026-01-15', end: '2027-01-15' });
    expect(c.periodText).toBe('Period 1 of 2: 2026-01-15 to 2027-01-15');
    expect(c.standing.join(' ')).toMatch(/within 30 days/);
    expect(c.standing.join(' ')).toMatch(/6 years/);
  });

  it('an entered approval date fixes the implementation report: 120 days after it', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15', approvalDate: '2026-07-01' }), '2026-03-01');
    const impl = c.events.find((e) => e.kind === 'implementation')!;
    expect([impl.due, impl.projected]).toEqual(['2026-10-29', false]);
    expect(c.missing).toEqual([]);
  });

  it('risk analysis days (60 / 90 / 180) and a 3-year term are settings', () => {
    const c = buildCapCalendar(
      cap({ effectiveDate: '2026-01-15', riskAnalysisDays: 180, monitoringYears: 3, approvalDate: '2026-09-01' }),
      '2026-03-01',
    );
    expect(c.events.find((e) => e.kind === 'risk-analysis')?.due).toBe('2026-07-14');
    expect(c.events.filter((e) => e.kind === 'periodic').map((e) => e.due)).toEqual(['2027-03-16', '2028-03-15']);
    expect(c.events.find((e) => e.kind === 'final')?.periodEnd).toBe('2029-01-15');
    expect(c.events.find((e) => e.kind === 'monitoring-end')?.label).toBe('End of the 3-year term');
  });

  it('a submitted risk analysis is "Submitted" and HHS\'s answer is projected from the submission', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15', riskAnalysisSubmittedDate: '2026-03-20' }), '2026-06-01');
    const ra = c.events.find((e) => e.kind === 'risk-analysis')!;
    expect(calendarStateWords(ra)).toBe('Submitted');
    expect(c.events.find((e) => e.kind === 'hhs-review')?.due).toBe('2026-05-19');
    expect(calendarStateWords(c.events.find((e) => e.kind === 'hhs-review')!)).toMatch(/record HHS's answer/);
  });

  it('gives each event a state relative to a fixed as-of date', () => {
    const c = buildCapCalendar(cap({ effectiveDate: '2026-01-15', approvalDate: '2026-05-01' }), '2027-02-20');
    const byKind = new Map(c.events.map((e) => [e.kind, e]));
    expect(byKind.get('risk-analysis')?.state).toBe('overdue');
    expect(calendarStateWords(byKind.get('risk-analysis')!)).toMatch(/^Due date passed \d+ days ago: confirm it was submitted$/);
    expect(byKind.get('periodic')?.state).toBe('due soon');
    expect(calendarStateWords(byKind.get('periodic')!)).toBe('Due soon: in 24 days');
    expect(byKind.get('final')?.state).toBe('period not ended');
    expect(byKind.get('monitoring-end')?.state).toBe('upcoming');
    expect(c.currentPeriod?.index).toBe(2);
    const projected = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2026-09-01');
    expect(calendarStateWords(projected.events.find((e) => e.kind === 'implementation')!)).toBe('Upcoming: in 41 days (projected)');
  });

  it('the older terms still work: implementation report from the effective date, 6-month periods', () => {
    const c = buildCapCalendar(
      cap({
        effectiveDate: '2026-01-31',
        implementationReportFrom: 'effective',
        implementationReportDays: 90,
        reportingPeriodMonths: 6,
        reportDueDaysAfterPeriod: 30,
        monitoringYears: 1,
      }),
      '2026-03-01',
    );
    expect(c.events.find((e) => e.kind === 'implementation')?.due).toBe('2026-05-01');
    expect(c.events.filter((e) => e.kind === 'periodic' || e.kind === 'final').map((e) => [e.periodEnd, e.due])).toEqual([
      ['2026-07-31', '2026-08-30'],
      ['2027-01-31', '2027-03-02'],
    ]);
  });

  it('cuts the last period at the end of the term when periods do not divide it evenly', () => {
    expect(reportingPeriods(cap({ reportingPeriodMonths: 10, monitoringYears: 1 }), '2026-01-01')).toEqual([
      { index: 1, start: '2026-01-01', end: '2026-11-01' },
      { index: 2, start: '2026-11-01', end: '2027-01-01' },
    ]);
  });

  it('says MISSING and invents no dates without an effective date', () => {
    const c = buildCapCalendar(cap(), '2026-11-23');
    expect(c.missing).toEqual([MISSING_EFFECTIVE_DATE]);
    expect(c.events).toEqual([]);
    expect(c.periodText).toBe(MISSING_EFFECTIVE_DATE);
  });

  it('describes dates before the effective date and after the term', () => {
    expect(buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2025-12-01').periodText).toBe(
      'Before the CAP effective date (2026-01-15)',
    );
    const after = buildCapCalendar(cap({ effectiveDate: '2026-01-15' }), '2028-06-01');
    expect(after.periodText).toBe('Term ended 2028-01-15');
    expect(after.currentPeriod).toBeNull();
  });
});

describe('a voluntary plan', () => {
  it('has no HHS submission or review loop; its implementation report runs from the effective date', () => {
    const c = buildCapCalendar(capSettingsSchema.parse({ effectiveDate: '2026-01-15' }), '2026-03-01');
    expect(dues(c)).toEqual([
      ['implementation', '2026-05-15', false],
      ['periodic', '2027-03-16', false],
      ['monitoring-end', '2028-01-15', false],
      ['final', '2028-03-15', false],
    ]);
    expect(c.missing).toEqual([]);
    expect(c.standing).toHaveLength(1);
  });
});

describe('retainUntil', () => {
  it('six years after the later of the record date and the effective date', () => {
    expect(retainUntil(cap({ effectiveDate: '2026-01-15' }), '2026-09-01')).toBe('2032-09-01');
    expect(retainUntil(cap({ effectiveDate: '2027-01-15' }), '2026-09-01')).toBe('2033-01-15');
    expect(retainUntil(cap(), '2026-09-01')).toBe('2032-09-01');
    expect(retainUntil(cap(), null)).toBeNull();
  });
});
