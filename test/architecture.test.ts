/**
 * The layers stay true: the pure core imports no adapter, app, pane, CLI or host code; no file
 * imports itself back through others; and the core's folders (analysis, reports, register and the
 * shared modules at its top) do not import each other in a circle. Type-only imports count too:
 * a circle of types is still a circle for whoever reads the code. Test support (test/, such as the
 * pipeline drained in one go) is for tests only: no file under src/ but a test imports it. And a
 * step that runs in slices has one public form, its `xxxSliced` generator: no synchronous `xxx`
 * twin beside it (tests drain the generator through test/support/pipeline.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
const TEST = path.join(__dirname, '..', 'test');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The relative module specifiers a file imports or re-exports (static and dynamic). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) out.push(m[1]);
  return out.filter((s) => s.startsWith('.'));
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** What `file` (with `source`) imports from test/, as paths relative to the project. */
function testImports(file: string, source: string): string[] {
  return specifiers(source)
    .map((s) => path.resolve(path.dirname(file), s))
    .filter((target) => target === TEST || target.startsWith(TEST + path.sep))
    .map((target) => path.relative(path.dirname(SRC), target).split(path.sep).join('/'));
}

/** The names a module exports: its declarations and what it re-exports (under the name it gives them). */
function exportedNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/\bexport\s+(?:default\s+)?(?:async\s+)?(?:function\s*\*?|const|let|class)\s*(\w+)/g)) names.push(m[1]);
  for (const m of source.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .replace(/^type\s+/, '');
      if (name) names.push(name);
    }
  }
  return names;
}

/** Exported `xxx` beside an exported `xxxSliced` anywhere in the given sources: a second public form of one step. */
function syncTwins(sources: readonly string[]): string[] {
  const exported = new Set(sources.flatMap(exportedNames));
  return [...exported]
    .filter((name) => name.endsWith('Sliced') && exported.has(name.slice(0, -'Sliced'.length)))
    .map((name) => name.slice(0, -'Sliced'.length));
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = specifiers(fs.readFileSync(file, 'utf8'))
      .map((s) => resolve(file, s))
      .filter((t): t is string => t !== null && t.startsWith(SRC));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle's members (strongly connected components of more than one node, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/**
 * The core's unit a file belongs to: its folder ("core/analysis", "core/reports", "core/register"),
 * or the file itself for the core's top-level modules (model, grid, dates, facts...), which each
 * folder may use.
 */
function coreUnit(file: string): string | null {
  const parts = rel(file).split('/');
  if (parts[0] !== 'core') return null;
  return parts.length > 2 ? `core/${parts[1]}` : rel(file);
}

describe('architecture', () => {
  const graph = importGraph();

  it('reads the import graph of src/', () => {
    expect(graph.size).toBeGreaterThan(50);
    const findings = [...graph.keys()].find((f) => rel(f) === 'core/analysis/findings.ts')!;
    expect(graph.get(findings)!.map(rel)).toContain('core/model.ts');
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph).map((c) => c.map(rel))).toEqual([]);
  });

  it("has no import cycle between the core's folders", () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      const from = coreUnit(file);
      if (!from) continue;
      for (const t of targets) {
        const to = coreUnit(t);
        if (to && to !== from) folders.set(from, [...new Set([...(folders.get(from) ?? []), to])]);
      }
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('keeps the core pure: no import of the adapters, the app, the pane, the CLI or the host', () => {
    const outside = /^(adapters|app|taskpane|cli|host)\//;
    const bad: string[] = [];
    for (const [file, targets] of graph) {
      if (!rel(file).startsWith('core/')) continue;
      for (const t of targets) if (outside.test(rel(t))) bad.push(`${rel(file)} -> ${rel(t)}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps test support out of the product: only tests under src/ import test/', () => {
    const bad: string[] = [];
    for (const file of graph.keys()) for (const t of testImports(file, fs.readFileSync(file, 'utf8'))) bad.push(`${rel(file)} -> ${t}`);
    expect(bad).toEqual([]);
  });

  it('gives each sliced step one public form: no synchronous twin of an exported xxxSliced', () => {
    expect(syncTwins([...graph.keys()].map((file) => fs.readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('finds a cycle and a layer break when there is one', () => {
    const a = path.join(SRC, 'core/x.ts');
    const b = path.join(SRC, 'core/y.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ).map((c) => c.map(rel)),
    ).toEqual([['core/x.ts', 'core/y.ts']]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, []],
        ]),
      ),
    ).toEqual([]);
    expect(specifiers("import type { A } from '../adapters/xlsx';\nexport { b } from './b';\nconst c = import('./c');")).toEqual([
      '../adapters/xlsx',
      './b',
      './c',
    ]);
    expect(
      testImports(
        path.join(SRC, 'core/analysis/testing.ts'),
        "import { analyzeNow } from '../../../test/support/pipeline';\nimport { makeRead } from './testing';\nimport '../../../test-results/x';",
      ),
    ).toEqual(['test/support/pipeline']);
    expect(
      syncTwins([
        'export function* analyzeSliced(read: WorkbookRead): Sliced<Analysis> {}\nexport function analyze(read: WorkbookRead) {}',
        "export { readWorkbookSliced, readWorkbook as read } from './register';\nexport { type Sliced, finish } from './slices';",
        "export { highlightRulesSliced } from './highlights';\nexport const highlightRules = (a: Analysis) => finish(highlightRulesSliced(a));",
      ]).sort(),
    ).toEqual(['analyze', 'highlightRules']);
  });
});
