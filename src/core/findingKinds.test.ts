import { FINDING_KINDS } from './model';
import { FINDING_KIND_TABLE, findingLabel, flagsText } from './findingKinds';

describe('the finding-kind table', () => {
  it('has exactly one row per kind, each with its own label and a fix', () => {
    expect(Object.keys(FINDING_KIND_TABLE).sort()).toEqual([...FINDING_KINDS].sort());
    const labels = FINDING_KINDS.map(findingLabel);
    expect(new Set(labels).size).toBe(FINDING_KINDS.length);
    for (const kind of FINDING_KINDS) expect(FINDING_KIND_TABLE[kind].fix).toMatch(/^[A-Z].*\.$/);
  });

  it('marks live only the kinds Excel can test from the cells (owner, due date)', () => {
    const live = FINDING_KINDS.filter((k) => FINDING_KIND_TABLE[k].live !== null);
    expect(live).toEqual(['missing-owner', 'missing-due-date', 'overdue']);
  });

  it('says a missing due date the same way everywhere: "No target date"', () => {
    expect(findingLabel('missing-due-date')).toBe('No target date');
    expect(flagsText(['missing-due-date', 'overdue', 'missing-due-date'])).toBe('No target date; Overdue');
  });
});
