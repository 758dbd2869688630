import { buildMatrix } from './matrices';
import { scoreEntry } from './score';
import { makeEntry, scale } from './testing';

const nist = buildMatrix({ name: 'nist' }, 'test');
const threeByThree = buildMatrix({ name: '3x3' }, 'test');

describe('scoreEntry', () => {
  it('computes the level from likelihood and impact', () => {
    const s = scoreEntry(makeEntry({ likelihood: scale(4), impact: scale(5) }), nist);
    expect(s).toMatchObject({ level: 'Very High', score: 20, levelSource: 'computed', mismatch: null });
  });

  it('flags a stated level that disagrees, naming the stated cell', () => {
    const e = makeEntry({ likelihood: scale(4), impact: scale(5), statedLevel: scale(2, 5, 'Low') });
    const s = scoreEntry(e, nist);
    expect(s.level).toBe('Very High');
    expect(s.mismatch?.cell).toBe('G5');
    expect(s.mismatch?.message).toMatch(/"Low".*Very High/);
  });

  it('does not flag a stated level that agrees', () => {
    const e = makeEntry({ likelihood: scale(4), impact: scale(5), statedLevel: scale(5, 5, 'Very High') });
    expect(scoreEntry(e, nist).mismatch).toBeNull();
  });

  it('a 3-step "High" vs a computed "Very High" is not a mismatch (compared on the coarser scale)', () => {
    const e = makeEntry({ likelihood: scale(5), impact: scale(5), statedLevel: scale(3, 3, 'High') });
    expect(scoreEntry(e, nist).level).toBe('Very High');
    expect(scoreEntry(e, nist).mismatch).toBeNull();
  });

  it('a 3-step "Low" vs a computed "Very High" is a mismatch', () => {
    const e = makeEntry({ likelihood: scale(5), impact: scale(5), statedLevel: scale(1, 3, 'Low') });
    expect(scoreEntry(e, nist).mismatch).not.toBeNull();
  });

  it('on the 3x3 matrix a stated 5-step "Very High" agrees with "High"', () => {
    const e = makeEntry({ likelihood: scale(3, 3), impact: scale(3, 3), statedLevel: scale(5, 5, 'Very High') });
    expect(scoreEntry(e, threeByThree)).toMatchObject({ level: 'High', mismatch: null });
  });

  it('flags a stated score that is not likelihood x impact', () => {
    const e = makeEntry({ likelihood: scale(3), impact: scale(4), statedScore: { raw: 15, value: 15 } });
    const s = scoreEntry(e, nist);
    expect(s.mismatch?.cell).toBe('F5');
    expect(s.mismatch?.message).toMatch(/3 x impact 4 is 12/);
  });

  it('accepts a stated score equal to likelihood x impact', () => {
    const e = makeEntry({ likelihood: scale(3), impact: scale(4), statedScore: { raw: 12, value: 12 } });
    expect(scoreEntry(e, nist).mismatch).toBeNull();
  });

  it('without ratings falls back to the stated level, then the stated score', () => {
    expect(scoreEntry(makeEntry({ statedLevel: scale(4, 5, 'High') }), nist)).toMatchObject({ level: 'High', levelSource: 'stated-level' });
    expect(scoreEntry(makeEntry({ statedScore: { raw: 16, value: 16 } }), nist)).toMatchObject({
      level: 'High',
      levelSource: 'stated-score',
      score: 16,
    });
    expect(scoreEntry(makeEntry(), nist)).toMatchObject({ level: null, levelSource: 'none', score: null });
  });

  it('residual level from residual likelihood and impact, else the residual level column', () => {
    expect(scoreEntry(makeEntry({ residualLikelihood: scale(2), residualImpact: scale(2) }), nist).residualLevel).toBe('Low');
    expect(scoreEntry(makeEntry({ residualLevel: scale(1, 3, 'Low') }), nist).residualLevel).toBe('Low');
  });
});
