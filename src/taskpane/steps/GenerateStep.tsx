/**
 * Step 3: the practice details, the plan's approach and the CAP terms the reports print
 * (prefilled from the workbook), what will still print as MISSING, and the two Generate buttons,
 * each with its own progress, result and, when the key columns look wrong, a confirmation.
 * In Excel a link opens the new sheet; with a file, "Download workbook" saves the result.
 */
import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { missingFields, validateForm, type FormField, type SettingsForm } from '../settingsForm';
import { foundOf, type Generated } from '../useWorkbook';
import type { PaneView, PracticeDetailView } from '../paneView';
import { mappingConcerns } from '../mapping';
import { Feedback, type FeedbackState } from '../Feedback';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: '4px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 0' },
  action: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px', minWidth: 0 },
  why: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: '18px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export interface GenerateStepProps {
  view: PaneView;
  form: SettingsForm;
  busy: boolean;
  mode: 'excel' | 'file';
  generated: Generated[];
  /** File mode: changes not yet downloaded. */
  unsaved?: boolean;
  feedback: FeedbackState;
  onField<K extends FormField>(field: K, value: SettingsForm[K]): void;
  onGeneratePlan(): void;
  onGenerateProgress(): void;
  /** Goes to the Workbook step to check the columns. */
  onCheckColumns?: () => void;
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

type Kind = Generated['kind'];

/** One Generate button with why it is disabled, what will print as MISSING, a confirmation and its result. */
function GenerateAction(props: {
  kind: Kind;
  label: string;
  primary: boolean;
  disabledReason: string | null;
  missing: string[];
  concerns: string[];
  generated: Generated | undefined;
  mode: 'excel' | 'file';
  feedback: FeedbackState;
  onGenerate(): void;
  onCheckColumns?: () => void;
  onActivateSheet?: (sheet: string) => void;
}) {
  const { kind, disabledReason, missing, concerns } = props;
  const styles = useStyles();
  const [confirming, setConfirming] = React.useState(false);
  const whyId = `riskplan-why-${kind}`;
  const missingId = `riskplan-missing-${kind}`;
  const click = () => {
    if (concerns.length > 0 && !confirming) setConfirming(true);
    else {
      setConfirming(false);
      props.onGenerate();
    }
  };
  return (
    <div className={styles.action}>
      {missing.length > 0 && (
        <div id={missingId}>
          <Text size={200} weight="semibold">
            Will print as MISSING:
          </Text>
          <ul className={styles.list}>
            {missing.map((m) => (
              <li key={m}>
                <Text size={200}>{m}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Button
        appearance={props.primary ? 'primary' : 'secondary'}
        disabledFocusable={disabledReason !== null}
        aria-describedby={[disabledReason ? whyId : '', missing.length ? missingId : ''].filter(Boolean).join(' ') || undefined}
        onClick={click}
      >
        {props.label}
      </Button>
      {disabledReason && (
        <Text id={whyId} className={styles.why}>
          {disabledReason}
        </Text>
      )}
      {confirming && disabledReason === null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Check the columns first</MessageBarTitle>
            The report may print the wrong things:
            <ul className={styles.list}>
              {concerns.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <div className={styles.row}>
              <Button size="small" appearance="primary" onClick={click}>
                Generate anyway
              </Button>
              {props.onCheckColumns && (
                <Button size="small" onClick={props.onCheckColumns}>
                  Check the columns
                </Button>
              )}
              <Button size="small" appearance="subtle" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      <Feedback slot={kind} {...props.feedback} />
      {props.generated && !(props.feedback.busy?.slot === kind) && (
        <div role="status">
          {KIND_NAMES[kind]} written to sheet{' '}
          {props.mode === 'excel' && props.onActivateSheet ? (
            <Link onClick={() => props.onActivateSheet?.(props.generated!.sheet)}>“{props.generated.sheet}” (open it)</Link>
          ) : (
            <Text weight="semibold">“{props.generated.sheet}”</Text>
          )}
          .
        </div>
      )}
    </div>
  );
}

/** Step 3 of the pane. */
export function GenerateStep(props: GenerateStepProps): React.ReactElement {
  const { view, form, busy, mode, generated, onField } = props;
  const styles = useStyles();
  const problems = validateForm(form);
  const invalid = Object.keys(problems).length > 0;
  const missing = missingFields(form, view.missingPerRisk, foundOf(view));
  const common = busy ? 'Wait for the current work to finish.' : invalid ? 'Fix the fields marked in red above first.' : null;
  const planReason = !view.register
    ? 'Needs a risk register, and none was found: the plan lists the register’s risks. Pick the register sheet in step 1, or generate the progress report.'
    : common;
  const progressReason =
    view.capItemCount === 0
      ? 'No corrective actions were found: no CAP sheet, and the register has no action column with entries.'
      : common;
  const planConcerns = view.register ? mappingConcerns(view.register) : [];
  const progressConcerns = view.caps.length > 0 ? view.caps.flatMap((t) => mappingConcerns(t)) : planConcerns;

  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label="Report details">
      <DetailFields form={form} details={view.practiceDetails} onField={onField} />
      <h3 className={styles.heading}>Generate</h3>
      <GenerateAction
        kind="plan"
        label="Generate risk management plan"
        primary
        disabledReason={planReason}
        missing={view.register ? missing.plan : []}
        concerns={planConcerns}
        generated={generated.find((g) => g.kind === 'plan')}
        mode={mode}
        feedback={props.feedback}
        onGenerate={props.onGeneratePlan}
        onCheckColumns={props.onCheckColumns}
        onActivateSheet={props.onActivateSheet}
      />
      <GenerateAction
        kind="progress"
        label="Generate progress report"
        primary={!view.register}
        disabledReason={progressReason}
        missing={view.capItemCount > 0 ? missing.progress : []}
        concerns={progressConcerns}
        generated={generated.find((g) => g.kind === 'progress')}
        mode={mode}
        feedback={props.feedback}
        onGenerate={props.onGenerateProgress}
        onCheckColumns={props.onCheckColumns}
        onActivateSheet={props.onActivateSheet}
      />
      {mode === 'file' && props.onDownload && (
        <div className={styles.action}>
          <Button appearance={generated.length > 0 ? 'primary' : 'secondary'} disabled={busy} onClick={props.onDownload}>
            Download workbook
          </Button>
          {props.unsaved && <Text className={styles.why}>Changes not downloaded yet: the file on your computer does not have them.</Text>}
          <Feedback slot="download" {...props.feedback} />
        </div>
      )}
    </form>
  );
}

/**
 * The practice details and CAP terms. Memoized: while a Generate runs, progress re-renders the
 * step many times and these twenty fields need none of it (onField is stable).
 */
const DetailFields = React.memo(function DetailFields(props: {
  form: SettingsForm;
  details: readonly PracticeDetailView[];
  onField: GenerateStepProps['onField'];
}) {
  const { form, onField } = props;
  const styles = useStyles();
  const problems = validateForm(form);
  const text = (field: FormField) => String(form[field]);
  const detailOf = new Map<FormField, PracticeDetailView>(props.details.map((d) => [d.name, d]));
  return (
    <>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Practice and plan</legend>
        {TEXT_FIELDS.map(({ field, label, type }) => (
          <Field
            key={field}
            label={label}
            hint={foundHint(detailOf.get(field), text(field))}
            validationMessage={problems[field]}
            validationState={problems[field] ? 'error' : 'none'}
          >
            <Input
              type={type ?? 'text'}
              value={text(field)}
              placeholder={type === 'date' ? 'YYYY-MM-DD' : undefined}
              onChange={(_, data) => onField(field, data.value as never)}
            />
          </Field>
        ))}
        <Field
          label="Approach to reducing risk"
          hint="In your own words: how the practice brings risks down to a reasonable and appropriate level. Printed in the plan; without it the plan prints default wording marked as such."
        >
          <Textarea resize="vertical" value={form.approach} onChange={(_, d) => onField('approach', d.value)} />
        </Field>
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
        <NumberField
          field="capImplementationReportDays"
          label="Implementation report due (days after that date)"
          min={1}
          max={720}
          form={form}
          problems={problems}
          onField={onField}
        />
        <Field label="Implementation report counts from">
          <Select
            value={form.capImplementationReportFrom}
            onChange={(_, data) => onField('capImplementationReportFrom', data.value as SettingsForm['capImplementationReportFrom'])}
          >
            <option value="effective">The effective date</option>
            <option value="approval">The approval date</option>
          </Select>
        </Field>
        <NumberField
          field="capReportingPeriodMonths"
          label="Reporting period (months)"
          hint="Usually 12: one periodic report a year"
          min={1}
          max={24}
          form={form}
          problems={problems}
          onField={onField}
        />
        <NumberField
          field="capReportDueDays"
          label="Periodic report due (days after each period ends)"
          hint="Usually 60"
          min={0}
          max={365}
          form={form}
          problems={problems}
          onField={onField}
        />
      </fieldset>
      <Checkbox
        label="Keep previous plan as a dated copy"
        checked={form.keepPreviousPlan}
        onChange={(_, data) => onField('keepPreviousPlan', data.checked === true)}
      />
    </>
  );
});

/**
 * Where a practice detail's value comes from: "Found in the workbook (Sheet!B1)" while the field
 * shows what the workbook states and nothing else was typed; what the workbook says when the field differs.
 */
export function foundHint(detail: PracticeDetailView | undefined, value: string): string | undefined {
  const found = detail?.found;
  if (!found) return undefined;
  if (value.trim() === '') return `Blank: the plan prints what the workbook states, “${found.value}” (${found.where}).`;
  if (value.trim() === found.value.trim() && !detail.typed) return `Found in the workbook (${found.where}); edit it to use another value.`;
  return `The workbook says “${found.value}” (${found.where}); the value here is used.`;
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
