import { FakeOfficeError } from '../../../test/fakes/excel-fake';
import { explainOfficeError, OfficeAdapterError, sheetNameProblem } from './errors';

describe('explainOfficeError', () => {
  it('names the protected sheet and says what to do', () => {
    const e = explainOfficeError(new FakeOfficeError('AccessDenied', 'nope'), { action: 'add highlights', sheet: 'CAP' });
    expect(e).toBeInstanceOf(OfficeAdapterError);
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toBe(
      'The sheet "CAP" is protected, so Risk Plan could not add highlights. Unprotect it (Review > Unprotect Sheet) and try again.',
    );
  });

  it('explains the web payload limit and a rejected sheet name', () => {
    expect(explainOfficeError(new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'x'), { action: 'write the sheet' }).message).toMatch(
      /too large to send to Excel in one step/,
    );
    expect(explainOfficeError(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'x'), { action: 'read the sheets' }).message).toBe(
      'The data was too large for Excel to send back in one step, so Risk Plan could not read the sheets. Try Excel on the desktop, or shorten very long cells.',
    );
    expect(explainOfficeError(new FakeOfficeError('InvalidArgument', 'x'), { action: 'write the sheet', newName: 'A/B' }).message).toMatch(
      /Excel rejected the sheet name "A\/B"/,
    );
  });

  it('keeps an already explained error and wraps anything else', () => {
    const plain = new OfficeAdapterError('Already plain.');
    expect(explainOfficeError(plain, { action: 'x' })).toBe(plain);
    expect(explainOfficeError(new Error('boom'), { action: 'read the sheets' }).message).toBe('Excel could not read the sheets: boom');
  });
});

describe('sheetNameProblem', () => {
  it.each([
    ['', /blank/],
    ['x'.repeat(32), /longer than 31/],
    ['Plan [old]', /contains one of/],
    ["'Plan", /apostrophe/],
    ['history', /reserves/],
  ])('refuses %j', (name, why) => {
    expect(sheetNameProblem(name)).toMatch(why);
  });

  it('accepts an ordinary name', () => {
    expect(sheetNameProblem('Risk Plan 2026-11-23')).toBeNull();
  });
});
