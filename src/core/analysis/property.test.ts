import fc from 'fast-check';
import { isoToSerial } from '../dates';
import type { DateValue, Entry, ScaleValue } from '../model';
import { LEVELS, STATUSES } from '../model';
import { analyzeNow, highlightRulesNow } from '../../../test/support/pipeline';
import { makeEntry, makeRead, makeTable } from './testing';

const weirdNumber = fc.oneof(fc.integer({ min: -3, max: 30 }), fc.constantFrom(NaN, Infinity, 0, 2.5));
const rating: fc.Arbitrary<ScaleValue | null> = fc.option(
  fc.record({ raw: fc.constant<string | number>(1), ordinal: weirdNumber, steps: weirdNumber, label: fc.option(fc.string()) }),
);
const isoDate = fc
  .integer({ min: 40000, max: 50000 })
  .map((serial) => new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10));
const dateValue: fc.Arbitrary<DateValue | null> = fc.option(
  fc.oneof(
    isoDate.map((iso): DateValue => ({ raw: isoToSerial(iso), iso, kind: 'date', text: iso })),
    fc
      .constantFrom<DateValue['kind']>('relative', 'ambiguous', 'invalid')
      .map((kind): DateValue => ({ raw: 'Q3', iso: null, kind, text: 'Q3' })),
  ),
);
const text = fc.option(
  fc.oneof(fc.string(), fc.constantFrom('Enable MFA', 'TBD', 'Review', 'Same risk', 'Ask the EHR vendor to enable MFA')),
);

const entry: fc.Arbitrary<Entry> = fc
  .record({
    risk: text,
    action: text,
    ownerText: text,
    likelihood: rating,
    impact: rating,
    statedLevel: rating,
    residualLevel: rating,
    dueDate: dateValue,
    completedDate: dateValue,
    reviewDate: dateValue,
    status: fc.option(fc.constantFrom(...STATUSES)),
    statedScore: fc.option(weirdNumber.map((value) => ({ raw: value, value }))),
    tierText: text,
  })
  .map((p) => makeEntry({ ...p, owner: p.ownerText && p.ownerText !== 'TBD' ? p.ownerText : null }));

describe('analysis on arbitrary entries', () => {
  it('never throws, numbers priorities 1..N and gives every finding a cell', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 10 }), (risks, caps) => {
        risks.forEach((e, i) => (e.row = i + 5));
        caps.forEach((e, i) => {
          e.row = i + 4;
          e.sheet = 'CAP';
        });
        const read = makeRead(
          makeTable('register', risks, { sheet: 'Risk Register' }),
          caps.length ? [makeTable('cap', caps, { sheet: 'CAP' })] : [],
        );
        const a = analyzeNow(read, { asOf: '2026-11-23' });
        expect(a.risks.map((r) => r.priority)).toEqual(risks.map((_, i) => i + 1));
        for (const f of a.findings) expect(f.cell).toMatch(/^[A-Z]+\d+$/);
        for (const r of a.risks) expect(r.level === null || (LEVELS as readonly string[]).includes(r.level)).toBe(true);
        for (const rule of highlightRulesNow(a)) expect(rule.ranges.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
