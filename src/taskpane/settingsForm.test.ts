import { DEFAULT_SETTINGS, settingsSchema } from '../core/settings';
import { formFromSettings, mergeForm, missingFields, patchFromForm, validateForm, type FormField } from './settingsForm';

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

describe('missingFields', () => {
  it('lists what the plan and the progress report will print as MISSING', () => {
    const form = formFromSettings(DEFAULT_SETTINGS, '2026-11-23');
    const empty = missingFields(form, { owner: 2, dueDate: 0, action: 1 });
    expect(empty.plan).toEqual([
      'Practice name',
      'Risk analysis date',
      'Risk analysis conducted by',
      'Prepared by',
      'Approved by',
      'Approach (default wording will print)',
      'Owner of 2 risks',
      'Action for 1 risk',
    ]);
    // The implementation report now counts from HHS approval by default: without the date it is projected.
    expect(empty.progress).toEqual([
      'Practice name',
      'CAP reference',
      'CAP effective date (no report calendar without it)',
      'CAP approval date (the implementation report date is only projected)',
    ]);
    const filled = missingFields(
      {
        ...form,
        practiceName: 'Clinic',
        riskAnalysisDate: '2026-01-01',
        riskAnalysisBy: 'A',
        preparedBy: 'B',
        approvedBy: 'C',
        approach: 'Ours',
        capReference: 'X',
        capEffectiveDate: '2026-01-01',
        capImplementationReportFrom: 'approval',
      },
      { owner: 0, dueDate: 0, action: 0 },
    );
    expect(filled).toEqual({ plan: [], progress: ['CAP approval date (the implementation report date is only projected)'] });
  });

  it('carries the approach into the settings patch', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS, '2026-11-23'), approach: '  We fix the worst first.  ' };
    expect(patchFromForm(form, DEFAULT_SETTINGS).approach).toBe('We fix the worst first.');
    expect(formFromSettings({ ...DEFAULT_SETTINGS, approach: 'Saved words' }, '2026-11-23').approach).toBe('Saved words');
  });
});

describe('practice details found in the workbook', () => {
  const found = { practiceName: 'Sunrise Family Clinic', riskAnalysisDate: '2026-01-12', riskAnalysisBy: 'Jane Ortiz (Privacy Officer)' };

  it('fill the form where nothing was typed; a typed value wins', () => {
    const form = formFromSettings({ ...DEFAULT_SETTINGS, riskAnalysisBy: 'Dr. Lee' }, '2026-11-23', found);
    expect(form.practiceName).toBe('Sunrise Family Clinic');
    expect(form.riskAnalysisDate).toBe('2026-01-12');
    expect(form.riskAnalysisBy).toBe('Dr. Lee');
    expect(form.preparedBy).toBe('');
  });

  it('are not saved as typed unless changed; a changed or previously typed value is', () => {
    const form = formFromSettings(DEFAULT_SETTINGS, '2026-11-23', found);
    const untouched = patchFromForm(form, DEFAULT_SETTINGS, found);
    expect(untouched.practiceName).toBeUndefined();
    expect(untouched.riskAnalysisDate).toBeUndefined();
    expect(patchFromForm({ ...form, practiceName: 'Sunrise Clinic PLLC' }, DEFAULT_SETTINGS, found).practiceName).toBe(
      'Sunrise Clinic PLLC',
    );
    // Typed before as something else, now set back to what the workbook says: that is saved too.
    const typedBefore = { ...DEFAULT_SETTINGS, practiceName: 'Old name' };
    expect(patchFromForm(form, typedBefore, found).practiceName).toBe('Sunrise Family Clinic');
  });

  it('are not listed as MISSING, even when the field is left blank', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS, '2026-11-23'), approach: 'Ours' };
    const report = missingFields(form, { owner: 0, dueDate: 0, action: 0 }, found);
    expect(report.plan).toEqual(['Prepared by', 'Approved by']);
    expect(report.progress).not.toContain('Practice name');
  });
});
