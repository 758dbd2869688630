/**
 * The pure core keeps no state between calls: a module-level cache, pool or scratch object makes the
 * engine non-reentrant (two workbooks analysed at once, or a worker reused, see each other's data)
 * and keeps memory after a run. A memo that pays is a per-run object passed down (FindingWords).
 * This scans the top level of every module of the core for the shapes such state takes. A constant lookup table is fine when its type says
 * it cannot change (ReadonlyMap, ReadonlySet, readonly arrays, frozen objects).
 */
import fs from 'node:fs';
import path from 'node:path';

const CORE = path.join(__dirname);
const FOLDERS = ['', 'analysis', 'reports', 'register'];

function modules(): string[] {
  return FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(CORE, folder))
      .filter((f) => f.endsWith('.ts') && !/\.test\.ts$|(^|\.)testing\.ts$/.test(f))
      .map((f) => path.join(folder, f)),
  );
}

const MUTABLE_TOP_LEVEL: [RegExp, string][] = [
  [/^(export )?(let|var) /, 'a top-level let/var'],
  [/^(export )?const \w+ = new (Map|Set|WeakMap|WeakSet)\b/, 'a top-level Map/Set not typed Readonly'],
  [/^(export )?const \w+: (Map|Set|WeakMap|WeakSet)</, 'a top-level Map/Set typed as mutable'],
  [/^(export )?const \w+(: [^=]+)? = \[\];/, 'a top-level empty array (a scratch list)'],
  [
    /^(export )?const \w+(: [^=]+)? = new (Int8|Uint8|Int16|Uint16|Int32|Uint32|Float32|Float64)Array\(/,
    'a top-level typed array (a scratch buffer)',
  ],
];

/** Lines at the top level of `source` (not inside a function, class or object: brace depth 0). */
function topLevelLines(source: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  let depth = 0;
  source.split('\n').forEach((line, i) => {
    if (depth === 0) out.push({ line, number: i + 1 });
    // Braces inside strings and regexes are rare in declarations; good enough for a lint-like scan.
    for (const c of line.replace(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"/g, '')) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    }
  });
  return out;
}

describe('module-level state in the core', () => {
  it('finds the modules to check', () => {
    const files = modules();
    expect(files).toEqual(
      expect.arrayContaining(['analysis/findings.ts', 'reports/plan.ts', 'findingKinds.ts', 'register/values.ts', 'register/rows.ts']),
    );
  });

  it('has no top-level mutable cache, pool or scratch object', () => {
    const problems: string[] = [];
    for (const file of modules()) {
      for (const { line, number } of topLevelLines(fs.readFileSync(path.join(CORE, file), 'utf8'))) {
        for (const [pattern, what] of MUTABLE_TOP_LEVEL)
          if (pattern.test(line)) problems.push(`${file}:${number}: ${what}: ${line.trim()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches the shapes it looks for', () => {
    const flagged = (line: string) => MUTABLE_TOP_LEVEL.some(([p]) => p.test(line));
    expect(flagged('const memo = new Map<string, string>();')).toBe(true);
    expect(flagged('let nextRow = 5;')).toBe(true);
    expect(flagged('const scratch: Finding[] = [];')).toBe(true);
    expect(flagged('const KIND_INDEX: ReadonlyMap<string, number> = new Map([]);')).toBe(false);
    expect(topLevelLines('function f() {\n  let x = 1;\n}\nlet y = 2;').map((l) => l.line)).toEqual(['function f() {', 'let y = 2;']);
  });
});
