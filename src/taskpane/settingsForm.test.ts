import { settingsSchema } from '../core/settings';
import { formFromSettings, mergeForm, patchFromForm, validateForm, type FormField } from './settingsForm';

const saved = settingsSchema.parse({
  practiceName: 'Sunrise Family Clinic',
  preparedBy: 'Dana Cole',
  riskAnalysisDate: '2026-06-01',
  cap: { type: 'ocr', monitoringYears: 3, implementationReportDays: 90 },
});

describe('settings form', () => {
  it('is prefilled from the saved settings with today as the as-of date', () => {
    const form = formFromSettings(saved, '2026-11-23');
    expect(form).toMatchObject({
      practiceName: 'Sunrise Family Clinic',
      preparedBy: 'Dana Cole',
      approvedBy: '',
      riskAnalysisDate: '2026-06-01',
      asOf: '2026-11-23',
      capType: 'ocr',
      capTermYears: '3',
      capImplementationReportDays: '90',
    });
  });

  it('keeps what the user edited when the workbook is re-read', () => {
    const before = { ...formFromSettings(saved, '2026-11-23'), approvedBy: 'Dr. Patel (typed)' };
    const fresh = formFromSettings(settingsSchema.parse({ ...saved, preparedBy: 'Changed in sheet' }), '2026-11-23');
    const merged = mergeForm(before, fresh, new Set<FormField>(['approvedBy']));
    expect(merged.approvedBy).toBe('Dr. Patel (typed)');
    expect(merged.preparedBy).toBe('Changed in sheet');
  });

  it('names bad dates and terms', () => {
    const form = { ...formFromSettings(saved, '2026-11-23'), nextReviewDate: '31/12/2026', capTermYears: '5', asOf: '' };
    expect(Object.keys(validateForm(form)).sort()).toEqual(['asOf', 'capTermYears', 'nextReviewDate']);
    expect(validateForm(formFromSettings(saved, '2026-11-23'))).toEqual({});
  });

  it('becomes a patch the settings schema accepts, blanks leaving saved values alone', () => {
    const form = { ...formFromSettings(saved, '2026-11-23'), approvedBy: '  Dr. Patel ', preparedBy: '', capTermYears: '2' };
    const patch = patchFromForm(form, saved);
    expect(patch.approvedBy).toBe('Dr. Patel');
    expect(patch.preparedBy).toBeUndefined();
    expect(patch.cap).toMatchObject({ type: 'ocr', monitoringYears: 2, implementationReportDays: 90 });
    expect(settingsSchema.safeParse({ ...saved, ...patch }).success).toBe(true);
  });

  it('edits every CAP term: reference, approval date, basis, period length and report due days', () => {
    const form = formFromSettings(saved, '2026-11-23');
    expect([form.capImplementationReportFrom, form.capReportingPeriodMonths, form.capReportDueDays]).toEqual(['approval', '12', '60']); // default changed on purpose (issue 17): resolution agreements count from HHS approval
    const edited = {
      ...form,
      capReference: 'OCR 24-123456',
      capApprovalDate: '2026-02-01',
      capImplementationReportFrom: 'approval' as const,
      capReportingPeriodMonths: '6',
      capReportDueDays: '30',
    };
    expect(validateForm(edited)).toEqual({});
    expect(patchFromForm(edited, saved).cap).toMatchObject({
      reference: 'OCR 24-123456',
      approvalDate: '2026-02-01',
      implementationReportFrom: 'approval',
      reportingPeriodMonths: 6,
      reportDueDaysAfterPeriod: 30,
    });
    const bad = { ...edited, capApprovalDate: '02/01/2026', capReportingPeriodMonths: '0', capReportDueDays: '' };
    expect(Object.keys(validateForm(bad)).sort()).toEqual(['capApprovalDate', 'capReportDueDays', 'capReportingPeriodMonths']);
  });
});
