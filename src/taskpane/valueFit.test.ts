import { displaySample, judgeFit, sampleKind } from './valueFit';

describe('sampleKind', () => {
  it.each([
    [4, 'rating'],
    ['High', 'rating'],
    ['4 - Major', 'rating'],
    ['Moderate (3)', 'rating'],
    ['$3,200', 'money'],
    ['12,500.00', 'money'],
    ['1500 USD', 'money'],
    [46000, 'date'],
    ['2026-03-31', 'date'],
    ['3/31/2026', 'date'],
    [1234.5, 'number'],
    ['SRA-2026-001', 'code'],
    ['R-12', 'code'],
    ['V_004', 'code'],
    ['Enable MFA for all accounts', 'words'],
    [null, null],
    ['   ', null],
  ])('%p is %p', (value, kind) => {
    expect(sampleKind(value as never)).toBe(kind);
  });
});

describe('judgeFit', () => {
  it('accepts what each key role should hold', () => {
    expect(judgeFit('risk', ['Phishing e-mail leads to compromise', 'Lost laptop', 'Shared login']).fits).toBe(true);
    expect(judgeFit('action', ['Enable MFA', 'Encrypt laptops', null, 'Sign the BAA']).fits).toBe(true);
    expect(judgeFit('owner', ['Practice Manager', 'IT Vendor', 'HR Lead']).fits).toBe(true);
    expect(judgeFit('dueDate', [46000, '2026-03-31', 'Q3 2026']).fits).toBe(true);
    expect(judgeFit('likelihood', [4, 'High', '3 - Possible']).fits).toBe(true);
    expect(judgeFit('impact', ['Low', 'Medium', 'High']).fits).toBe(true);
  });

  it('flags ratings in the risk column and money in the action column', () => {
    expect(judgeFit('risk', [4, 5, 3])).toEqual({ fits: false, problem: 'holds ratings, not risk descriptions' });
    expect(judgeFit('action', ['$3,200', '$450', 'None'])).toEqual({
      fits: false,
      problem: 'holds amounts of money, not corrective actions',
    });
    expect(judgeFit('owner', [46000, 46031, 46100])).toEqual({ fits: false, problem: 'holds dates, not names or job titles' });
    expect(judgeFit('risk', ['SRA-2026-001', 'SRA-2026-002', 'SRA-2026-003'])).toEqual({
      fits: false,
      problem: 'holds IDs or codes, not risk descriptions',
    });
  });

  it('flags names in a due-date column and sentences in a rating column', () => {
    expect(judgeFit('dueDate', ['Practice Manager', 'HR Lead', 'IT Vendor'])).toEqual({
      fits: false,
      problem: 'holds text that is not a date, not dates',
    });
    expect(
      judgeFit('likelihood', ['Staff could click a phishing link and expose records', 'A lost laptop holds unencrypted charts']).fits,
    ).toBe(false);
  });

  it('does not judge on fewer than two values, nor a minority of odd ones', () => {
    expect(judgeFit('risk', [4]).fits).toBe(true);
    expect(judgeFit('risk', [4, 'Lost laptop', 'Phishing']).fits).toBe(true);
    expect(judgeFit('status', [1, 2, 3]).fits).toBe(true);
  });
});

describe('displaySample', () => {
  it('shows date serials in date columns as ISO dates and cuts long text', () => {
    expect(displaySample(46112, 'dueDate')).toBe('2026-03-31');
    expect(displaySample(46112, 'likelihood')).toBe('46112');
    expect(displaySample('a'.repeat(50), 'risk', 10)).toBe(`${'a'.repeat(9)}…`);
    expect(displaySample('Shared login used at the front desk', 'risk', 24)).toBe('Shared login used at…');
  });
});
