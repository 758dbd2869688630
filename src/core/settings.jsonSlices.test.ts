/**
 * The stored settings JSON with a big snapshot is read and written in slices (core/jsonSlices.ts):
 * the text written is byte for byte one JSON.stringify, the value read is one JSON.parse, and a
 * text JSON.parse refuses is refused the same way (today's warning), whatever it holds.
 */
import { LEVELS, STATUSES } from './model';
import { parseJsonSliced, stringifyJsonSliced } from './jsonSlices';
import {
  DEFAULT_SETTINGS,
  parseSettingsSliced,
  serializeSettingsSliced,
  settingsSchema,
  STORE_SHEET_NAME,
  type Settings,
  type SnapshotRisk,
} from './settings';
import { finish, ROWS_PER_SLICE } from './slices';
import { drainCounting } from './slices.testing';

const PATH = ['snapshot', 'risks'];

/** Text that a naive scanner or splitter would get wrong. */
const TRICKY = [
  'He said "encrypt it"',
  'C:\\Users\\front desk\\',
  'ends with a backslash \\',
  '\\"',
  '"]}',
  '],[',
  '{"risks":[1,2]}',
  '"snapshot":{"risks":[',
  'Größe – 日本語 – 🔐',
  'line\nbreak\ttab\r',
  'lone \ud800 surrogate',
  '\u2028\u2029',
  '\u0000\u001f',
  '__proto__',
  'constructor',
  '',
];

function trickyRisks(n: number): SnapshotRisk[] {
  return Array.from({ length: n }, (_, i) => {
    const text = TRICKY[i % TRICKY.length];
    return {
      key: `${text}|${i}`,
      id: i % 5 ? `R-${i}` : null,
      risk: i % 2 ? text : `${text} ${TRICKY[(i * 7) % TRICKY.length]}`,
      owner: i % 3 ? text : null,
      dueDate: i % 4 ? '2027-01-31' : null,
      status: STATUSES[i % STATUSES.length],
      level: i % 7 ? LEVELS[i % LEVELS.length] : null,
    };
  });
}

function planWith(risks: SnapshotRisk[]): Settings {
  return {
    ...DEFAULT_SETTINGS,
    practiceName: 'Riverside "Family" Medicine ]}',
    tierChoices: [{ key: '"snapshot":{"risks":[', tier: 'This week' }],
    planVersion: 4,
    snapshot: { generatedOn: '2026-11-23', version: 4, risks },
  };
}

const big = planWith(trickyRisks(3 * ROWS_PER_SLICE + 17));

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What JSON.parse says about a text: its value as JSON again, or that it throws. */
function plainParse(text: string): string {
  try {
    return `value ${JSON.stringify(JSON.parse(text))}`;
  } catch {
    return 'throws';
  }
}

function slicedParse(text: string): string {
  try {
    return `value ${JSON.stringify(finish(parseJsonSliced(text, PATH)))}`;
  } catch {
    return 'throws';
  }
}

describe('writing the snapshot in slices', () => {
  it('gives byte for byte the text of one JSON.stringify, and pauses between slices', () => {
    const { value, pauses } = drainCounting(serializeSettingsSliced(big));
    expect(pauses).toBeGreaterThan(3);
    expect(value).toBe(JSON.stringify(settingsSchema.parse(big)));
  });

  it('keeps every key in its place, own "__proto__" keys included, at every size around a slice', () => {
    const element = JSON.parse('{"__proto__":"x","b":"]","a":[{"c":"\\"}"}]}') as unknown;
    for (const n of [0, 1, ROWS_PER_SLICE - 1, ROWS_PER_SLICE, ROWS_PER_SLICE + 1, 2 * ROWS_PER_SLICE]) {
      const doc = JSON.parse(
        `{"__proto__":1,"z":"last?","snapshot":{"risks":${JSON.stringify(Array(n).fill(element))},"after":[]},"a":{"risks":[]}}`,
      ) as unknown;
      expect(finish(stringifyJsonSliced(doc, PATH))).toBe(JSON.stringify(doc));
    }
  });

  it('writes anything not shaped as expected with one JSON.stringify', () => {
    for (const doc of [null, 'text', [1, 2], { snapshot: null }, { snapshot: { risks: 'no' } }, { snapshot: [] }]) {
      expect(drainCounting(stringifyJsonSliced(doc, PATH))).toEqual({ value: JSON.stringify(doc), pauses: 0 });
    }
  });
});

describe('reading the snapshot in slices', () => {
  it('gives the value of one JSON.parse, and pauses between slices', () => {
    const json = finish(serializeSettingsSliced(big));
    const { value, pauses } = drainCounting(parseJsonSliced(json, PATH));
    expect(pauses).toBe(3);
    expect(JSON.stringify(value)).toBe(json);
    expect(value).toEqual(JSON.parse(json));
  });

  it('reads the settings of a big plan back exactly, in slices', () => {
    const json = finish(serializeSettingsSliced(big));
    const { value, pauses } = drainCounting(parseSettingsSliced(json));
    expect(pauses).toBeGreaterThan(3);
    expect(value).toEqual({ settings: settingsSchema.parse(big), warnings: [] });
    expect(finish(serializeSettingsSliced(value.settings))).toBe(json);
  });

  it('reads JSON with whitespace, escaped keys and own "__proto__" keys as JSON.parse does', () => {
    const json = finish(serializeSettingsSliced(big));
    const spaced = JSON.stringify(JSON.parse(json), null, '\t').replace(/\n/g, '\r\n');
    const { value, pauses } = drainCounting(parseJsonSliced(spaced, PATH));
    expect(pauses).toBe(3);
    expect(JSON.stringify(value)).toBe(json);

    const escapedKeys = json.replace('"snapshot":', '"snaps\\u0068ot" :').replace('"risks":', ' "risk\\u0073"\n:');
    expect(JSON.stringify(finish(parseJsonSliced(escapedKeys, PATH)))).toBe(json);

    const proto = `{"__proto__":{"risks":[]},"snapshot":{"risks":[${Array(ROWS_PER_SLICE + 5)
      .fill('{"__proto__":{"polluted":true},"k":"]"}')
      .join(',')}]}}`;
    const read = drainCounting(parseJsonSliced(proto, PATH));
    expect(read.pauses).toBe(1);
    expect(JSON.stringify(read.value)).toBe(JSON.stringify(JSON.parse(proto)));
    const risks = (read.value as { snapshot: { risks: object[] } }).snapshot.risks;
    expect(Object.getPrototypeOf(risks[0])).toBe(Object.prototype);
    expect(Object.hasOwn(risks[0], '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reads a repeated key on the path as JSON.parse does (the last one wins)', () => {
    const many = Array(ROWS_PER_SLICE + 1)
      .fill(1)
      .join(',');
    for (const text of [
      `{"snapshot":{"risks":[${many}],"risks":[2]}}`,
      `{"snapshot":{"risks":[${many}]},"snapshot":{"risks":[3]}}`,
      `{"snapshot":{"risks":[${many}]},"snapshot":7}`,
      `{"snapshot":{"risks":[]},"snapshot":{"risks":[${many}]}}`,
    ]) {
      expect(slicedParse(text)).toBe(plainParse(text));
    }
  });

  it('refuses every text JSON.parse refuses, and reads the rest the same (cuts and edits of a stored text)', () => {
    // Short risks (not valid ones: only the JSON matters here), so that 400 edits stay quick.
    const risks = trickyRisks(ROWS_PER_SLICE + 300).map((r, i) => (i % 50 ? { key: r.key, level: r.level } : r));
    const json = JSON.stringify(planWith(risks as SnapshotRisk[]));
    const next = random(18);
    const edits = ['', ']', '[', '}', '{', ',', '"', '\\', ':', ' ', 'x', '0', ']}', '"]'];
    let refused = 0;
    for (let n = 0; n < 400; n++) {
      // Half the edits fall outside the array of risks, where the text is short.
      const at = n % 2 ? Math.floor(next() * json.length) : json.length - 1 - Math.floor(next() * 40);
      const edited = n % 5 === 0 ? json.slice(0, at) : json.slice(0, at) + edits[n % edits.length] + json.slice(at + (n % 3));
      const expected = plainParse(edited);
      if (expected === 'throws') refused++;
      expect({ at, result: slicedParse(edited) }).toEqual({ at, result: expected });
    }
    expect(refused).toBeGreaterThan(100);
  });

  it("gives today's warning for a stored text that is not JSON", () => {
    const json = finish(serializeSettingsSliced(big));
    const notReadable = {
      settings: DEFAULT_SETTINGS,
      warnings: [`The saved Risk Plan settings in sheet "${STORE_SHEET_NAME}" are not readable; defaults are used.`],
    };
    for (const text of [
      json.slice(0, -1),
      json.slice(0, json.length / 2),
      `${json}x`,
      json.replace('},{"key"', '},,{"key"'),
      '{"snapshot":{"risks":[1,]}}',
    ]) {
      expect(finish(parseSettingsSliced(text))).toEqual(notReadable);
    }
  });
});
