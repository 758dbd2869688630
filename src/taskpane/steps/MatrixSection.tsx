/**
 * The Review step's "Risk matrix" section: the matrix in use and why, a Select to change it,
 * threshold inputs for the likelihood x impact matrix, a level grid for a custom matrix, and
 * "Save matrix", which stores the choice in the workbook and re-reads.
 */
import * as React from 'react';
import { Button, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LEVELS, type Level, type MatrixChoice } from '../../core/model';
import type { MatrixSettings } from '../../core/settings';
import { Feedback, type FeedbackState } from '../Feedback';
import {
  LEVEL_ABBREVIATIONS,
  MATRIX_OPTIONS,
  PRODUCT_MAX_SCORE,
  THRESHOLD_LEVELS,
  matrixFitWarning,
  matrixFormChanged,
  stepNames,
  type RatingSteps,
  validateMatrixForm,
  withCustomCell,
  type MatrixChoiceName,
  type MatrixForm,
} from '../matrixForm';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    paddingBottom: '8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  select: { width: '100%', minWidth: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  thresholds: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '6px', alignItems: 'start' },
  grid: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: '1px', textAlign: 'center' },
  },
  caption: { textAlign: 'left', fontSize: tokens.fontSizeBase200, paddingBottom: '4px', captionSide: 'top' },
  corner: { width: '44px', color: tokens.colorNeutralForeground3 },
  cell: {
    width: '100%',
    minWidth: 0,
    height: '26px',
    fontSize: tokens.fontSizeBase200,
    fontFamily: 'inherit',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 1px',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  'Very Low': { backgroundColor: tokens.colorPaletteGreenBackground2 },
  Low: { backgroundColor: tokens.colorPaletteLightGreenBackground2 },
  Medium: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  High: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2 },
  'Very High': { backgroundColor: tokens.colorPaletteRedBackground2 },
  // Readable by screen readers, invisible on screen (the abbreviation is shown instead).
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

export interface MatrixSectionProps {
  /** The matrix the analysis used, with its reason. */
  current: MatrixChoice;
  /** What the workbook has saved (undefined = Automatic). */
  saved: MatrixSettings | undefined;
  form: MatrixForm;
  busy: boolean;
  onChange(form: MatrixForm): void;
  onSave(): void;
  /** Steps of the register's likelihood and impact scales, to warn about a matrix that does not fit. */
  ratingSteps?: RatingSteps;
  feedback?: FeedbackState;
}

/** A step name shown short (VH) with the full name for screen readers. */
function StepName({ name }: { name: string }) {
  const styles = useStyles();
  const short = (LEVEL_ABBREVIATIONS as Record<string, string | undefined>)[name];
  if (!short) return <>{name}</>;
  return (
    <>
      <span aria-hidden="true" title={name}>
        {short}
      </span>
      <span className={styles.visuallyHidden}>{name}</span>
    </>
  );
}

/** The custom matrix as a table: likelihood rows from the highest at the top, impact columns from the lowest. */
function CustomGrid({ form, busy, onChange }: Pick<MatrixSectionProps, 'form' | 'busy' | 'onChange'>) {
  const styles = useStyles();
  const rows = form.levels.length;
  const cols = Math.min(...form.levels.map((r) => r.length));
  const likelihoodNames = stepNames(rows);
  const impactNames = stepNames(cols);
  const likelihoods = Array.from({ length: rows }, (_, i) => rows - i);
  const impacts = Array.from({ length: cols }, (_, i) => i + 1);
  return (
    <table className={styles.grid}>
      <caption className={styles.caption}>Custom matrix: the risk level for each likelihood (rows) and impact (columns).</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.corner}>
            <span aria-hidden="true">L \ I</span>
            <span className={styles.visuallyHidden}>Likelihood by impact</span>
          </th>
          {impacts.map((impact) => (
            <th key={impact} scope="col">
              <span className={styles.visuallyHidden}>Impact </span>
              <StepName name={impactNames[impact - 1]} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {likelihoods.map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row">
              <span className={styles.visuallyHidden}>Likelihood </span>
              <StepName name={likelihoodNames[likelihood - 1]} />
            </th>
            {impacts.map((impact) => {
              const level = form.levels[likelihood - 1][impact - 1];
              return (
                <td key={impact}>
                  <select
                    className={mergeClasses(styles.cell, styles[level])}
                    aria-label={`Likelihood ${likelihoodNames[likelihood - 1]}, impact ${impactNames[impact - 1]}`}
                    title={level}
                    value={level}
                    disabled={busy}
                    onChange={(e) => onChange(withCustomCell(form, likelihood, impact, e.currentTarget.value as Level))}
                  >
                    {LEVELS.map((option) => (
                      <option key={option} value={option}>
                        {LEVEL_ABBREVIATIONS[option]}
                      </option>
                    ))}
                  </select>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The "Risk matrix" section at the top of the Review step. */
export function MatrixSection(props: MatrixSectionProps): React.ReactElement {
  const { current, saved, form, busy, onChange, onSave } = props;
  const fitWarning = matrixFitWarning(form, props.ratingSteps ?? {});
  const styles = useStyles();
  const problems = validateMatrixForm(form);
  const invalid = Object.keys(problems).length > 0;
  const changed = matrixFormChanged(form, saved);

  return (
    <section className={styles.section} aria-labelledby="riskplan-matrix-heading">
      <h3 id="riskplan-matrix-heading" className={styles.heading}>
        How levels are set
      </h3>
      <Field label="Risk matrix" hint={`In use: ${current.label}. ${current.reason}`}>
        <Select
          className={styles.select}
          value={form.choice}
          disabled={busy}
          onChange={(_, data) => onChange({ ...form, choice: data.value as MatrixChoiceName })}
        >
          {MATRIX_OPTIONS.map((o) => (
            <option key={o.value} value={o.value} title={o.label}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {form.choice === 'product' && (
        <div role="group" aria-label="Minimum score for each level" className={styles.thresholds}>
          {[...THRESHOLD_LEVELS].reverse().map((level) => (
            <Field
              key={level}
              label={`${level} from`}
              validationState={problems[level] ? 'error' : 'none'}
              validationMessage={problems[level]}
            >
              <Input
                type="number"
                min={1}
                max={PRODUCT_MAX_SCORE}
                size="small"
                value={form.thresholds[level]}
                disabled={busy}
                onChange={(_, d) => onChange({ ...form, thresholds: { ...form.thresholds, [level]: d.value } })}
              />
            </Field>
          ))}
          <Text className={styles.hint} style={{ gridColumn: '1 / -1' }}>
            Likelihood x impact on 1-5 each (scores 1-{PRODUCT_MAX_SCORE}); below the Low minimum is Very Low.
          </Text>
        </div>
      )}
      {form.choice === 'custom' && (
        <>
          <CustomGrid form={form} busy={busy} onChange={onChange} />
          <Text className={styles.hint}>VL Very Low, L Low, M Medium, H High, VH Very High.</Text>
        </>
      )}
      {fitWarning && (
        <Text className={styles.warning} role="note">
          {fitWarning}
        </Text>
      )}
      <div className={styles.buttons}>
        <Button disabledFocusable={busy || invalid || !changed} aria-describedby="riskplan-matrix-state" onClick={onSave}>
          Save matrix
        </Button>
        <Text id="riskplan-matrix-state" className={styles.hint}>
          {invalid
            ? 'Fix the scores marked in red first.'
            : changed
              ? 'Changed: save to apply.'
              : 'Nothing to save: this is the saved choice.'}
        </Text>
      </div>
      {props.feedback && <Feedback slot="matrix" {...props.feedback} />}
    </section>
  );
}
