import fc from 'fast-check';
import { normalizeRiskText, normalizedHash, TextKeys } from './textKeys';

describe('TextKeys', () => {
  it('gives texts the same key exactly when they differ only in case, punctuation and spacing', () => {
    const keys = new TextKeys();
    const a = keys.keyOf('Phishing e-mail, front desk');
    expect(keys.keyOf('  PHISHING  e mail front-desk!! ')).toBe(a);
    expect(keys.keyOf('Phishing e-mail, back office')).not.toBe(a);
    expect(keys.size).toBe(2);
  });

  it('gives -1 to texts with no letters or digits', () => {
    const keys = new TextKeys();
    expect(keys.keyOf('')).toBe(-1);
    expect(keys.keyOf('  -- ?! ')).toBe(-1);
    expect(keys.size).toBe(0);
  });

  it('tells apart two different texts whose hashes collide', () => {
    // Found by search: FNV-1a gives both the same 32-bit hash.
    expect(normalizedHash('risk 2vl8')).toBe(normalizedHash('risk jpd6'));
    const keys = new TextKeys();
    const first = keys.keyOf('risk 2vl8');
    const second = keys.keyOf('risk jpd6');
    expect(second).not.toBe(first);
    expect(keys.keyOf('RISK 2VL8')).toBe(first);
    expect(keys.keyOf('Risk  JPD6.')).toBe(second);
  });

  it('hashes non-ASCII text by its normalized form (lower-casing may turn it into ASCII)', () => {
    // U+212A KELVIN SIGN lower-cases to "k".
    expect(normalizedHash('\u212Aey backup')).toBe(normalizedHash('key backup'));
    const keys = new TextKeys();
    expect(keys.keyOf('Café Wi-Fi')).toBe(keys.keyOf('café wi fi'));
  });

  it('agrees with normalizeRiskText on any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'z', '1', ' ', '-', ',', '\t', 'é', 'İ', '\u212A', '!'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const keys = new TextKeys();
        const got = texts.map((t) => keys.keyOf(t));
        const normal = texts.map(normalizeRiskText);
        for (let i = 0; i < texts.length; i++) {
          expect(got[i] === -1).toBe(normal[i] === '');
          for (let j = 0; j < i; j++) if (normal[i] !== '') expect(got[i] === got[j]).toBe(normal[i] === normal[j]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
