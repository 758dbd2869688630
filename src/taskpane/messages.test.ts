import { describeError } from './messages';
import { downloadName } from './fileMode';

describe('describeError', () => {
  it('keeps the adapter and workflow wording and adds what to do', () => {
    const open = Object.assign(new Error('This file is not an Excel workbook.'), { name: 'WorkbookOpenError' });
    const m = describeError(open, 'Opening the workbook');
    expect(m.intent).toBe('error');
    expect(m.body).toContain('This file is not an Excel workbook.');
    expect(m.body).toMatch(/Choose an \.xlsx workbook/);
    const wf = Object.assign(new Error('No risk register was found.'), { name: 'WorkflowError' });
    expect(describeError(wf, 'Generating the plan')).toMatchObject({
      title: 'Generating the plan did not finish',
      body: 'No risk register was found.',
    });
  });

  it('explains a protected sheet instead of AccessDenied', () => {
    const m = describeError({ code: 'AccessDenied', message: 'AccessDenied' }, 'Generating the plan');
    expect(m.title).toBe('A sheet is protected');
    expect(m.body).toMatch(/Unprotect/);
  });

  it("keeps the Excel adapter's sentence, which names the sheet", () => {
    const e = Object.assign(new Error('The sheet "CAP" is protected, so Risk Plan could not write the sheet. Unprotect it.'), {
      name: 'OfficeAdapterError',
      code: 'AccessDenied',
    });
    expect(describeError(e, 'Generating the plan')).toEqual({
      intent: 'error',
      title: 'A sheet is protected',
      body: e.message,
    });
  });

  it('never shows an empty message', () => {
    expect(describeError(undefined, 'Reading the workbook').body).toMatch(/Try again/);
  });
});

describe('downloadName', () => {
  it('appends -riskplan to the original name', () => {
    expect(downloadName('Clinic Register.xlsx')).toBe('Clinic Register-riskplan.xlsx');
    expect(downloadName('register.XLSX')).toBe('register-riskplan.xlsx');
    expect(downloadName('')).toBe('workbook-riskplan.xlsx');
  });
});
