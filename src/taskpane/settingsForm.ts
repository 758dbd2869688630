/**
 * The Generate step's form: plain strings the inputs edit, filled from the workbook's saved
 * settings and turned back into a settings patch. Fields the user has edited are kept when
 * the workbook is re-read, so a re-read never throws away unsaved typing.
 */
import { isIsoDate, type IsoDate } from '../core/dates';
import type { Settings } from '../core/settings';
import { FACT_NAMES, type FactName } from '../core/facts';

/**
 * Practice details the workbook itself states (title rows, a cover sheet), by name. The form shows
 * them where nothing was typed; they are saved in the settings only when the user types another value.
 */
export type FoundValues = Partial<Record<FactName, string>>;

export interface SettingsForm {
  practiceName: string;
  preparedBy: string;
  approvedBy: string;
  consultant: string;
  riskAnalysisDate: string;
  riskAnalysisBy: string;
  /** The practice's approach to reducing risk, in its own words (the plan prints default wording without it). */
  approach: string;
  asOf: string;
  nextReviewDate: string;
  capType: 'ocr' | 'voluntary';
  capReference: string;
  capEffectiveDate: string;
  capApprovalDate: string;
  capTermYears: string;
  capImplementationReportDays: string;
  capImplementationReportFrom: 'effective' | 'approval';
  capReportingPeriodMonths: string;
  capReportDueDays: string;
  keepPreviousPlan: boolean;
}

export type FormField = keyof SettingsForm;

/** A typed value (the settings), else what the workbook states, else blank. */
function factValue(settings: Settings, found: FoundValues, name: FactName): string {
  const typed = settings[name];
  return typed?.trim() ? typed : (found[name] ?? '');
}

/**
 * The form as the saved settings describe it, with the practice details the workbook states where
 * none was typed; the as-of date is today unless the user changes it.
 */
export function formFromSettings(settings: Settings, today: IsoDate, found: FoundValues = {}): SettingsForm {
  return {
    practiceName: factValue(settings, found, 'practiceName'),
    preparedBy: factValue(settings, found, 'preparedBy'),
    approvedBy: factValue(settings, found, 'approvedBy'),
    consultant: settings.consultant ?? '',
    riskAnalysisDate: factValue(settings, found, 'riskAnalysisDate'),
    riskAnalysisBy: factValue(settings, found, 'riskAnalysisBy'),
    approach: settings.approach ?? '',
    asOf: today,
    nextReviewDate: settings.nextReviewDate ?? '',
    capType: settings.cap.type,
    capReference: settings.cap.reference ?? '',
    capEffectiveDate: settings.cap.effectiveDate ?? '',
    capApprovalDate: settings.cap.approvalDate ?? '',
    capTermYears: String(settings.cap.monitoringYears),
    capImplementationReportDays: String(settings.cap.implementationReportDays),
    capImplementationReportFrom: settings.cap.implementationReportFrom,
    capReportingPeriodMonths: String(settings.cap.reportingPeriodMonths),
    capReportDueDays: String(settings.cap.reportDueDaysAfterPeriod),
    keepPreviousPlan: settings.keepPreviousPlan,
  };
}

/** Takes fresh values from the workbook for every field the user has not edited. */
export function mergeForm(current: SettingsForm, fresh: SettingsForm, edited: ReadonlySet<FormField>): SettingsForm {
  const merged = { ...fresh } as Record<FormField, unknown>;
  for (const field of edited) merged[field] = current[field];
  return merged as unknown as SettingsForm;
}

/** Field -> problem in words; empty when the form can be used. */
export function validateForm(form: SettingsForm): Partial<Record<FormField, string>> {
  const problems: Partial<Record<FormField, string>> = {};
  const dateFields: FormField[] = ['riskAnalysisDate', 'nextReviewDate', 'capEffectiveDate', 'capApprovalDate'];
  for (const field of dateFields) {
    const v = String(form[field]).trim();
    if (v !== '' && !isIsoDate(v)) problems[field] = 'Enter a date like 2026-11-23.';
  }
  if (!isIsoDate(form.asOf.trim())) problems.asOf = 'Enter the as-of date like 2026-11-23.';
  const years = Number(form.capTermYears);
  if (!Number.isInteger(years) || years < 1 || years > 3) problems.capTermYears = 'Enter 1, 2 or 3 years.';
  const wholeNumberIn = (field: FormField, min: number, max: number, problem: string) => {
    const n = Number(String(form[field]).trim() === '' ? NaN : form[field]);
    if (!Number.isInteger(n) || n < min || n > max) problems[field] = problem;
  };
  wholeNumberIn('capImplementationReportDays', 1, 720, 'Enter a number of days from 1 to 720.');
  wholeNumberIn('capReportingPeriodMonths', 1, 24, 'Enter a number of months from 1 to 24.');
  wholeNumberIn('capReportDueDays', 0, 365, 'Enter a number of days from 0 to 365.');
  return problems;
}

const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/**
 * The settings patch for a valid form (call validateForm first). Blank fields leave the saved value
 * alone, and so does a practice detail that is just what the workbook states (`found`) with nothing
 * typed before: the plan reads it from the workbook, so a later edit of the workbook is followed.
 */
export function patchFromForm(form: SettingsForm, base: Settings, found: FoundValues = {}): Partial<Settings> {
  const fact = (name: FactName): string | undefined => {
    const v = text(form[name]);
    return v !== undefined && !base[name]?.trim() && found[name]?.trim() === v ? undefined : v;
  };
  return {
    practiceName: fact('practiceName'),
    preparedBy: fact('preparedBy'),
    approvedBy: fact('approvedBy'),
    consultant: text(form.consultant),
    riskAnalysisDate: fact('riskAnalysisDate'),
    riskAnalysisBy: fact('riskAnalysisBy'),
    approach: text(form.approach),
    nextReviewDate: text(form.nextReviewDate),
    keepPreviousPlan: form.keepPreviousPlan,
    cap: {
      ...base.cap,
      type: form.capType,
      reference: text(form.capReference) ?? base.cap.reference,
      effectiveDate: text(form.capEffectiveDate) ?? base.cap.effectiveDate,
      approvalDate: text(form.capApprovalDate) ?? base.cap.approvalDate,
      monitoringYears: Number(form.capTermYears),
      implementationReportDays: Number(form.capImplementationReportDays),
      implementationReportFrom: form.capImplementationReportFrom,
      reportingPeriodMonths: Number(form.capReportingPeriodMonths),
      reportDueDaysAfterPeriod: Number(form.capReportDueDays),
    },
  };
}

/** What the plan and the progress report will print as MISSING (or as default wording), in words. */
export interface MissingReport {
  plan: string[];
  progress: string[];
}

/** Per-risk gaps the plan prints as MISSING, counted by the analysis of the register. */
export interface RiskGaps {
  owner: number;
  dueDate: number;
  action: number;
}

const risks = (n: number) => `${n} risk${n === 1 ? '' : 's'}`;

/**
 * The fields the reports will print as "MISSING: ..." with this form, so the user can fill them
 * before generating. Mirrors what core/reports prints; a blank practice detail falls back to what the workbook states.
 */
export function missingFields(form: SettingsForm, gaps: RiskGaps, found: FoundValues = {}): MissingReport {
  const blank = (v: string) => v.trim() === '';
  // A field left blank still prints what the workbook states.
  const noFact = (name: FactName) => blank(form[name]) && !found[name];
  const plan: string[] = [];
  if (noFact('practiceName')) plan.push('Practice name');
  if (noFact('riskAnalysisDate')) plan.push('Risk analysis date');
  if (noFact('riskAnalysisBy')) plan.push('Risk analysis conducted by');
  if (noFact('preparedBy')) plan.push('Prepared by');
  if (noFact('approvedBy')) plan.push('Approved by');
  if (blank(form.approach)) plan.push('Approach (default wording will print)');
  if (gaps.owner > 0) plan.push(`Owner of ${risks(gaps.owner)}`);
  if (gaps.dueDate > 0) plan.push(`Due date of ${risks(gaps.dueDate)}`);
  if (gaps.action > 0) plan.push(`Action for ${risks(gaps.action)}`);
  const progress: string[] = [];
  if (noFact('practiceName')) progress.push('Practice name');
  if (blank(form.capReference)) progress.push('CAP reference');
  if (blank(form.capEffectiveDate)) progress.push('CAP effective date (no report calendar without it)');
  if (form.capImplementationReportFrom === 'approval' && blank(form.capApprovalDate))
    progress.push('CAP approval date (the implementation report date is only projected)');
  return { plan, progress };
}

/** The values of harvested facts (core/facts.ts), for formFromSettings and patchFromForm. */
export function foundValues(facts: Partial<Record<FactName, { value: string }>> | undefined): FoundValues {
  const out: FoundValues = {};
  for (const name of FACT_NAMES) {
    const v = facts?.[name]?.value;
    if (v) out[name] = v;
  }
  return out;
}
