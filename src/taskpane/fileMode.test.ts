import { adviceForPickedFile, downloadName } from './fileMode';

describe('adviceForPickedFile', () => {
  it('names the file and gives CSV, empty and .xls files their own advice', () => {
    expect(adviceForPickedFile({ name: 'register.csv', size: 200 })?.title).toBe('“register.csv” is a CSV file, not a workbook');
    expect(adviceForPickedFile({ name: 'register.csv', size: 200 })?.body).toMatch(/Save As > Excel Workbook \(\.xlsx\)/);
    expect(adviceForPickedFile({ name: 'Register.xlsx', size: 0 })?.title).toBe('“Register.xlsx” is empty');
    expect(adviceForPickedFile({ name: 'old.XLS', size: 10 })?.title).toBe('“old.XLS” is an old .xls workbook');
    expect(adviceForPickedFile({ name: 'Register.xlsx', size: 10 })).toBeNull();
    expect(adviceForPickedFile({ name: 'no-extension', size: 10 })).toBeNull();
  });

  it('names the download after the original', () => {
    expect(downloadName('Clinic Register.xlsx')).toBe('Clinic Register-riskplan.xlsx');
  });
});
