import { matrixSettingsSchema } from '../core/settings';
import { NIST_TABLE_I2 } from '../core/analysis/matrices';
import {
  matrixFitWarning,
  matrixFormChanged,
  matrixFormFromSettings,
  matrixSettingsFromForm,
  stepNames,
  validateMatrixForm,
  withCustomCell,
} from './matrixForm';

describe('matrix form', () => {
  it('starts on Automatic with the default thresholds and the NIST table ready for editing', () => {
    const form = matrixFormFromSettings(undefined);
    expect(form.choice).toBe('auto');
    expect(form.thresholds).toEqual({ Low: '4', Medium: '8', High: '15', 'Very High': '20' });
    expect(form.levels).toEqual(NIST_TABLE_I2.map((r) => [...r]));
    expect(matrixSettingsFromForm(form)).toBeUndefined();
    expect(matrixFormChanged(form, undefined)).toBe(false);
  });

  it('round-trips every kind of saved matrix', () => {
    const saved = [
      { name: 'nist' },
      { name: '3x3' },
      { name: 'product', thresholds: { Low: 3, Medium: 6, High: 12, 'Very High': 18 } },
      {
        name: 'custom',
        levels: [
          ['Low', 'Medium', 'High'],
          ['Medium', 'High', 'High'],
          ['High', 'High', 'Very High'],
        ],
      },
    ].map((m) => matrixSettingsSchema.parse(m));
    for (const m of saved) {
      const form = matrixFormFromSettings(m);
      expect(matrixSettingsFromForm(form)).toEqual(m);
      expect(matrixFormChanged(form, m)).toBe(false);
      // What the form produces is always storable.
      expect(matrixSettingsSchema.safeParse(matrixSettingsFromForm(form)).success).toBe(true);
    }
  });

  it('sees a different choice as a change, including Automatic -> an explicit NIST', () => {
    const form = matrixFormFromSettings(undefined);
    expect(matrixFormChanged({ ...form, choice: 'nist' }, undefined)).toBe(true);
    expect(matrixFormChanged({ ...form, choice: 'auto' }, { name: '3x3' })).toBe(true);
  });

  it('sets one custom cell without touching the others or the original table', () => {
    const form = { ...matrixFormFromSettings(undefined), choice: 'custom' as const };
    const next = withCustomCell(form, 5, 1, 'High');
    expect(next.levels[4][0]).toBe('High');
    expect(form.levels[4][0]).toBe('Very Low');
    expect(next.levels.flat().filter((v, i) => v !== form.levels.flat()[i])).toHaveLength(1);
    expect(matrixSettingsFromForm(next)).toEqual({ name: 'custom', levels: next.levels });
  });

  it('refuses thresholds that are blank, out of 1-25 or not increasing, and names the field', () => {
    const base = { ...matrixFormFromSettings(undefined), choice: 'product' as const };
    expect(validateMatrixForm(base)).toEqual({});
    expect(validateMatrixForm({ ...base, thresholds: { ...base.thresholds, Low: '' } })).toEqual({
      Low: 'Enter a score from 1 to 25.',
    });
    expect(validateMatrixForm({ ...base, thresholds: { ...base.thresholds, 'Very High': '30' } })).toEqual({
      'Very High': 'Enter a score from 1 to 25.',
    });
    expect(validateMatrixForm({ ...base, thresholds: { ...base.thresholds, High: '8' } })).toEqual({
      High: 'Must be more than the Medium minimum (8).',
    });
    // Only the product matrix has inputs: bad thresholds do not block another choice.
    expect(validateMatrixForm({ ...base, choice: 'nist', thresholds: { ...base.thresholds, Low: 'x' } })).toEqual({});
    expect(matrixFormChanged({ ...base, thresholds: { ...base.thresholds, Low: 'x' } }, undefined)).toBe(true);
  });

  it('names matrix steps: the five levels, Low/Medium/High, or numbers', () => {
    expect(stepNames(5)).toEqual(['Very Low', 'Low', 'Medium', 'High', 'Very High']);
    expect(stepNames(3)).toEqual(['Low', 'Medium', 'High']);
    expect(stepNames(4)).toEqual(['1', '2', '3', '4']);
  });
});

describe('matrix fit', () => {
  it('starts the custom table from the matrix in use at its own scale', () => {
    const threeByThree = [
      ['Low', 'Low', 'Medium'],
      ['Low', 'Medium', 'High'],
      ['Medium', 'High', 'High'],
    ] as const;
    const form = matrixFormFromSettings(
      undefined,
      threeByThree.map((r) => [...r]),
    );
    expect(form.levels).toEqual(threeByThree.map((r) => [...r]));
    // Saved unchanged, it is the same table: no level moves.
    expect(matrixSettingsFromForm({ ...form, choice: 'custom' })).toEqual({ name: 'custom', levels: threeByThree.map((r) => [...r]) });
  });

  it('warns when the matrix has other steps than the ratings, and not when it fits', () => {
    const five = matrixFormFromSettings(undefined);
    expect(matrixFitWarning({ ...five, choice: 'custom' }, { likelihood: 3, impact: 3 })).toMatch(
      /likelihood on 3 steps \(the matrix has 5 rows\) and impact on 3 steps/,
    );
    expect(matrixFitWarning({ ...five, choice: '3x3' }, { likelihood: 5, impact: 5 })).toMatch(/does not fit/);
    expect(matrixFitWarning({ ...five, choice: 'nist' }, { likelihood: 5, impact: 5 })).toBeNull();
    expect(matrixFitWarning({ ...five, choice: 'auto' }, { likelihood: 3 })).toBeNull();
    expect(matrixFitWarning({ ...five, choice: 'nist' }, {})).toBeNull();
  });
});
