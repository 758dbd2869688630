/**
 * Output-equivalence check for refactors of the engine (issue 18). For every test fixture, the sample
 * register, a synthetic register and (when present) the calibration workbooks in ../shared, it
 * serializes what a user or a script sees: the read, the analysis, the highlight rules, the plan and
 * progress SheetSpecs (a first plan and a second one against the first's snapshot) and the
 * `riskplan analyze --json` object and the `riskplan analyze` text, as canonical JSON (keys sorted).
 *
 *   npm run equivalence -- write /tmp/before.json     # on the starting commit
 *   npm run equivalence -- compare /tmp/before.json   # after each step: exits 1 on any difference
 *
 * The file lives outside the repository: it is a before/after guard, not a golden file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook, type WorkbookState } from '../src/app/workflow';
import { readWorkbookNow, analyzeNow, highlightRulesNow } from '../test/support/pipeline';
import { buildPlanSheetSliced, buildProgressSheetSliced } from '../src/core/reports';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { harvestFacts } from '../src/core/facts';
import { buildAnalysisJson } from '../src/cli/json';
import { analyzeSummary } from '../src/cli/summary';
import { FIXTURES } from '../test/fixtures/workbooks';
import { registerWithCap } from '../test/cli/workbooks';
import { syntheticRegisterGrid } from '../test/fixtures/synthetic';
import { finish } from '../src/core/slices';

const AS_OF = '2026-11-23';
const root = path.join(__dirname, '..');

/** JSON with object keys sorted, Maps and Sets as arrays, so two runs compare byte for byte. */
function canonical(value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [canonical(k), canonical(v)]) };
  if (value instanceof Set) return { $set: [...value].map(canonical) };
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'function') return '<function>';
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

function reports(state: Pick<WorkbookState, 'analysis' | 'read' | 'settings' | 'asOf' | 'facts'>) {
  const input = { analysis: state.analysis, read: state.read, settings: state.settings, asOf: state.asOf, facts: state.facts };
  const highlights = highlightRulesNow(state.analysis, state.read);
  // The app passes the read; a hand-made analysis has none: both must give the same rules.
  if (JSON.stringify(highlightRulesNow(state.analysis)) !== JSON.stringify(highlights))
    throw new Error('highlight rules differ with and without the read');
  const out: Record<string, unknown> = { highlights };
  if (state.read.register) {
    const first = finish(buildPlanSheetSliced(input));
    const second = finish(buildPlanSheetSliced({ ...input, settings: { ...state.settings, planVersion: 2, snapshot: first.snapshot } }));
    out.plan = first;
    out.planAgain = second.spec;
  }
  if (state.analysis.capItems.length > 0) out.progress = finish(buildProgressSheetSliced(input));
  return out;
}

async function ofBytes(name: string, bytes: Uint8Array): Promise<string> {
  try {
    const port = await openXlsx(bytes);
    const state = await loadWorkbook(port, { asOf: AS_OF });
    const entry = {
      read: state.read,
      analysis: state.analysis,
      ...reports(state),
      json: buildAnalysisJson(name, state),
      summary: analyzeSummary(name, state),
    };
    return JSON.stringify(canonical(entry));
  } catch (err) {
    return JSON.stringify({ error: String(err) });
  }
}

async function all(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, build] of Object.entries(FIXTURES)) {
    out.set(`fixture:${name}`, await ofBytes(name, new Uint8Array((await build().xlsx.writeBuffer()) as ArrayBuffer)));
  }
  out.set('cli:registerWithCap', await ofBytes('registerWithCap', new Uint8Array(await registerWithCap())));
  out.set(
    'sample',
    await ofBytes('sample-register.xlsx', new Uint8Array(fs.readFileSync(path.join(root, 'samples/sample-register.xlsx')))),
  );
  const calibration = path.join(root, '../shared/fixtures/registers');
  if (fs.existsSync(calibration)) {
    for (const file of fs
      .readdirSync(calibration)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()) {
      out.set(`calibration:${file}`, await ofBytes(file, new Uint8Array(fs.readFileSync(path.join(calibration, file)))));
    }
  }
  // The pure pipeline on a synthetic register, as the bench runs it.
  const grids = [syntheticRegisterGrid(3_000)];
  const read = readWorkbookNow(grids, []);
  const settings = DEFAULT_SETTINGS;
  const analysis = analyzeNow(read, { asOf: AS_OF, matrix: settings.matrix, tierChoices: settings.tierChoices });
  const state = { read, analysis, settings, asOf: AS_OF, facts: harvestFacts(grids, read) };
  out.set('synthetic:3000', JSON.stringify(canonical({ read, analysis, ...reports(state) })));
  return out;
}

async function main() {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'write' && mode !== 'compare') || !file) {
    console.error('usage: equivalence write|compare <file.json>');
    process.exit(2);
  }
  const now = await all();
  if (mode === 'write') {
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(now), null, 0));
    console.log(`Wrote ${now.size} workbooks to ${file}`);
    return;
  }
  const before = new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>));
  let differ = 0;
  for (const name of new Set([...before.keys(), ...now.keys()])) {
    const a = before.get(name);
    const b = now.get(name);
    if (a === b) continue;
    differ++;
    if (a === undefined || b === undefined) {
      console.log(`${name}: ${a === undefined ? 'new' : 'missing'}`);
      continue;
    }
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    console.log(
      `${name}: differs at ${i}\n  before: ${a.slice(Math.max(0, i - 200), i + 200)}\n  after:  ${b.slice(Math.max(0, i - 200), i + 200)}`,
    );
  }
  console.log(differ === 0 ? `Identical: ${now.size} workbooks` : `${differ} of ${now.size} workbooks differ`);
  if (differ > 0) process.exitCode = 1;
}

void main();
