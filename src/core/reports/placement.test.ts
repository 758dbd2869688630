import { placeGeneratedSheet, validSheetName } from './placement';
import { MARKER_PREFIX } from '../grid';
import type { SheetInfo } from '../port';

let index = 0;
function sheet(name: string, marker: string | null = null): SheetInfo {
  return { name, index: index++, visibility: 'visible', marker, protected: false };
}
const planMarker = (date: string) => `${MARKER_PREFIX}plan;v1;${date}`;
const AS_OF = '2026-11-23';

describe('placeGeneratedSheet', () => {
  it('uses the plain name in a workbook without one', () => {
    expect(placeGeneratedSheet([sheet('Risk Register')], 'plan', { keepPrevious: false, asOf: AS_OF })).toEqual({
      remove: null,
      rename: null,
      name: 'Risk Management Plan',
    });
    expect(placeGeneratedSheet([], 'progress', { keepPrevious: false, asOf: AS_OF }).name).toBe('CAP Progress Report');
  });

  it('never takes the name of a user sheet: a user sheet called "Risk Management Plan" gets a "(2)" beside it', () => {
    const sheets = [sheet('risk management plan'), sheet('Risk Management Plan (2)')];
    expect(placeGeneratedSheet(sheets, 'plan', { keepPrevious: false, asOf: AS_OF })).toEqual({
      remove: null,
      rename: null,
      name: 'Risk Management Plan (3)',
    });
  });

  it('replaces our previous sheet, recognized by its marker even after the user renamed it', () => {
    const sheets = [sheet('Risk Management Plan'), sheet('Our old plan', planMarker('2026-01-01'))];
    expect(placeGeneratedSheet(sheets, 'plan', { keepPrevious: false, asOf: AS_OF })).toEqual({
      remove: 'Our old plan',
      rename: null,
      name: 'Risk Management Plan (2)',
    });
  });

  it('reuses the name of our previous sheet it removes', () => {
    const sheets = [sheet('Risk Management Plan', planMarker('2026-01-01'))];
    expect(placeGeneratedSheet(sheets, 'plan', { keepPrevious: false, asOf: AS_OF })).toEqual({
      remove: 'Risk Management Plan',
      rename: null,
      name: 'Risk Management Plan',
    });
  });

  it('does not take a progress report for a plan', () => {
    const sheets = [sheet('CAP Progress Report', `${MARKER_PREFIX}progress;v1;2026-01-01`)];
    expect(placeGeneratedSheet(sheets, 'plan', { keepPrevious: false, asOf: AS_OF }).remove).toBeNull();
  });

  it('keeps the previous sheet under a unique dated name when asked, and leaves older dated copies alone', () => {
    const sheets = [sheet('Plan 2026-11-23', planMarker('2026-11-01')), sheet('Risk Management Plan', planMarker('2026-11-23'))];
    expect(placeGeneratedSheet(sheets, 'plan', { keepPrevious: true, asOf: AS_OF })).toEqual({
      remove: null,
      rename: { from: 'Risk Management Plan', to: 'Plan 2026-11-23 (2)' },
      name: 'Risk Management Plan',
    });
    const progress = [sheet('CAP Progress Report', `${MARKER_PREFIX}progress;v1;2026-10-01`)];
    expect(placeGeneratedSheet(progress, 'progress', { keepPrevious: true, asOf: AS_OF }).rename).toEqual({
      from: 'CAP Progress Report',
      to: 'Progress 2026-11-23',
    });
  });

  it('with only dated copies of ours, removes nothing', () => {
    const sheets = [sheet('Plan 2026-01-01', planMarker('2026-01-01'))];
    expect(placeGeneratedSheet(sheets, 'plan', { keepPrevious: false, asOf: AS_OF })).toEqual({
      remove: null,
      rename: null,
      name: 'Risk Management Plan',
    });
  });
});

describe('validSheetName', () => {
  it('keeps a valid free name as it is', () => {
    expect(validSheetName('Risk Management Plan', ['Sheet1'])).toBe('Risk Management Plan');
  });

  it('cuts names to 31 characters, also when a suffix is added', () => {
    const long = 'A very long practice risk management plan name';
    const first = validSheetName(long, []);
    expect(first).toBe(long.slice(0, 31));
    const second = validSheetName(long, [first]);
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(validSheetName(long, [first, second])).toMatch(/ \(3\)$/);
  });

  it('replaces forbidden characters, trims apostrophes and avoids "History" and blanks', () => {
    const name = validSheetName("'Plan: Q1/Q2 [draft]?*\\'", []);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name.startsWith("'")).toBe(false);
    expect(name.endsWith("'")).toBe(false);
    expect(validSheetName('history', [])).toBe('history (2)');
    expect(validSheetName('   ', [])).toBe('Sheet');
    expect(validSheetName("''", ['Sheet'])).toBe('Sheet (2)');
  });

  it('compares names without regard to case', () => {
    expect(validSheetName('CAP Progress Report', ['cap progress REPORT'])).toBe('CAP Progress Report (2)');
  });
});
