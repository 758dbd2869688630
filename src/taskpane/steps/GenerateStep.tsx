/**
 * Step 3: the practice details and CAP terms the reports print (prefilled from the
 * workbook), and the two Generate buttons. In Excel a link opens the new sheet; with a
 * file, "Download workbook" saves the result.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Input, Link, Select, Text, makeStyles } from '@fluentui/react-components';
import { validateForm, type FormField, type SettingsForm } from '../settingsForm';
import type { Generated } from '../useWorkbook';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px' },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  legend: { fontWeight: 600, padding: 0, marginBottom: '4px' },
  buttons: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '8px' },
});

export interface GenerateStepProps {
  form: SettingsForm;
  busy: boolean;
  mode: 'excel' | 'file';
  hasRegister: boolean;
  generated: Generated[];
  onField<K extends FormField>(field: K, value: SettingsForm[K]): void;
  onGeneratePlan(): void;
  onGenerateProgress(): void;
  /** Excel: opens a generated sheet. */
  onActivateSheet?: (sheet: string) => void;
  /** File mode: saves the workbook as a download. */
  onDownload?: () => void;
}

const TEXT_FIELDS: { field: FormField; label: string; type?: 'date' }[] = [
  { field: 'practiceName', label: 'Practice name' },
  { field: 'preparedBy', label: 'Prepared by' },
  { field: 'approvedBy', label: 'Approved by' },
  { field: 'consultant', label: 'Consultant (if any)' },
  { field: 'riskAnalysisDate', label: 'Risk analysis date', type: 'date' },
  { field: 'riskAnalysisBy', label: 'Risk analysis conducted by' },
  { field: 'asOf', label: 'As-of date', type: 'date' },
  { field: 'nextReviewDate', label: 'Next review date', type: 'date' },
];

const KIND_NAMES: Record<Generated['kind'], string> = {
  plan: 'Risk management plan',
  progress: 'Progress report',
};

/** Step 3 of the pane. */
export function GenerateStep(props: GenerateStepProps): React.ReactElement {
  const { form, busy, mode, hasRegister, generated, onField } = props;
  const styles = useStyles();
  const problems = validateForm(form);
  const invalid = Object.keys(problems).length > 0;
  const text = (field: FormField) => String(form[field]);

  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label="Report details">
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Practice and plan</legend>
        {TEXT_FIELDS.map(({ field, label, type }) => (
          <Field key={field} label={label} validationMessage={problems[field]} validationState={problems[field] ? 'error' : 'none'}>
            <Input
              type={type ?? 'text'}
              value={text(field)}
              placeholder={type === 'date' ? 'YYYY-MM-DD' : undefined}
              onChange={(_, data) => onField(field, data.value as never)}
            />
          </Field>
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Corrective action plan terms</legend>
        <Field label="CAP type">
          <Select value={form.capType} onChange={(_, data) => onField('capType', data.value as SettingsForm['capType'])}>
            <option value="voluntary">Voluntary (internal)</option>
            <option value="ocr">OCR resolution agreement</option>
          </Select>
        </Field>
        <Field label="CAP reference" hint="e.g. the OCR transaction number, or your own CAP ID">
          <Input value={form.capReference} onChange={(_, d) => onField('capReference', d.value)} />
        </Field>
        <Field
          label="CAP effective date"
          validationMessage={problems.capEffectiveDate}
          validationState={problems.capEffectiveDate ? 'error' : 'none'}
        >
          <Input type="date" value={form.capEffectiveDate} onChange={(_, d) => onField('capEffectiveDate', d.value)} />
        </Field>
        <Field
          label="CAP approval date"
          hint="Only needed when the implementation report counts from approval"
          validationMessage={problems.capApprovalDate}
          validationState={problems.capApprovalDate ? 'error' : 'none'}
        >
          <Input type="date" value={form.capApprovalDate} onChange={(_, d) => onField('capApprovalDate', d.value)} />
        </Field>
        <NumberField field="capTermYears" label="CAP term (years)" min={1} max={3} form={form} problems={problems} onField={onField} />
        <NumberField field="capImplementationReportDays" label="Implementation report due (days after that date)" min={1} max={720} form={form} problems={problems} onField={onField} />
        <Field label="Implementation report counts from">
          <Select
            value={form.capImplementationReportFrom}
            onChange={(_, data) => onField('capImplementationReportFrom', data.value as SettingsForm['capImplementationReportFrom'])}
          >
            <option value="effective">The effective date</option>
            <option value="approval">The approval date</option>
          </Select>
        </Field>
        <NumberField field="capReportingPeriodMonths" label="Reporting period (months)" hint="Usually 12: one periodic report a year" min={1} max={24} form={form} problems={problems} onField={onField} />
        <NumberField field="capReportDueDays" label="Periodic report due (days after each period ends)" hint="Usually 60" min={0} max={365} form={form} problems={problems} onField={onField} />
      </fieldset>
      <Checkbox
        label="Keep previous plan as a dated copy"
        checked={form.keepPreviousPlan}
        onChange={(_, data) => onField('keepPreviousPlan', data.checked === true)}
      />
      {!hasRegister && <Text>Generating needs a risk register: see the Workbook step.</Text>}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || invalid || !hasRegister} onClick={props.onGeneratePlan}>
          Generate risk management plan
        </Button>
        <Button disabled={busy || invalid || !hasRegister} onClick={props.onGenerateProgress}>
          Generate progress report
        </Button>
      </div>
      {generated.length > 0 && (
        <div role="status" aria-label="Generated sheets">
          {generated.map((g) => (
            <div key={g.kind}>
              {KIND_NAMES[g.kind]} written to sheet{' '}
              {mode === 'excel' && props.onActivateSheet ? (
                <Link onClick={() => props.onActivateSheet?.(g.sheet)}>“{g.sheet}” (open it)</Link>
              ) : (
                <Text weight="semibold">“{g.sheet}”</Text>
              )}
              .
            </div>
          ))}
        </div>
      )}
      {mode === 'file' && props.onDownload && (
        <Button appearance={generated.length > 0 ? 'primary' : 'secondary'} disabled={busy} onClick={props.onDownload}>
          Download workbook
        </Button>
      )}
    </form>
  );
}

/** A whole-number input bound to one form field, with its range and its problem shown in words. */
function NumberField(props: {
  field: FormField;
  label: string;
  hint?: string;
  min: number;
  max: number;
  form: SettingsForm;
  problems: Partial<Record<FormField, string>>;
  onField: GenerateStepProps['onField'];
}) {
  const { field, problems } = props;
  return (
    <Field label={props.label} hint={props.hint} validationMessage={problems[field]} validationState={problems[field] ? 'error' : 'none'}>
      <Input
        type="number"
        min={props.min}
        max={props.max}
        value={String(props.form[field])}
        onChange={(_, d) => props.onField(field, d.value as never)}
      />
    </Field>
  );
}
