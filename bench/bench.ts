/**
 * `npm run bench`: the speed and memory figures for issue #9, printed, never asserted in unit tests.
 * Every figure names the machine it ran on (cores, Node version).
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { readWorkbookNow, analyzeNow } from '../test/support/pipeline';
import { buildPlanSheetSliced, buildProgressSheetSliced } from '../src/core/reports';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook, highlightGaps, generatePlan, generateProgressReport } from '../src/app/workflow';
import { HEADERS, syntheticRegisterGrid, syntheticRow } from '../test/fixtures/synthetic';
import { officeSyncCounts } from './office-syncs';
import { paneBlocking } from './pane-blocking';
import { paneInBrowser } from './pane-browser';
import { finish } from '../src/core/slices';

const AS_OF = '2026-11-23';
const line = (s = '') => process.stdout.write(s + '\n');
const ms = (x: number) => `${x.toFixed(1)} ms`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Times `fn` `runs` times after one warm-up and returns the median in ms. The heap is collected
 * before each run (outside the timing), so every run starts as a fresh read does instead of
 * paying for the garbage of the run before it.
 */
function timeIt(fn: () => void, runs = 5): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

/** Samples RSS while `fn` runs and returns [result, elapsed ms, peak RSS MiB]. */
async function measure<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const a = performance.now();
  const r = await fn();
  const elapsed = performance.now() - a;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return [r, elapsed, peak / 2 ** 20];
}

function purePipeline(): void {
  line('## Pure pipeline (grid -> read -> analyze -> plan spec + progress spec), median of 7 runs after a warm-up');
  const results: { n: number; t: number }[] = [];
  for (const n of [1_000, 10_000, 50_000]) {
    const grid = syntheticRegisterGrid(n);
    const steps: Record<'read' | 'analyze' | 'plan' | 'progress', number[]> = { read: [], analyze: [], plan: [], progress: [] };
    const t = timeIt(() => {
      let a = performance.now();
      const read = readWorkbookNow([grid]);
      steps.read.push(performance.now() - a);
      a = performance.now();
      const analysis = analyzeNow(read, { asOf: AS_OF });
      steps.analyze.push(performance.now() - a);
      a = performance.now();
      finish(buildPlanSheetSliced({ analysis, read, settings: DEFAULT_SETTINGS, asOf: AS_OF }));
      steps.plan.push(performance.now() - a);
      a = performance.now();
      finish(buildProgressSheetSliced({ analysis, read, settings: DEFAULT_SETTINGS, asOf: AS_OF }));
      steps.progress.push(performance.now() - a);
    }, 7);
    results.push({ n, t });
    const stage = (name: keyof typeof steps) => `${name} ${ms(median(steps[name].slice(1)))}`;
    line(
      `${String(n).padStart(6)} rows: ${ms(t).padStart(10)}  ${Math.round(n / (t / 1000))
        .toLocaleString('en-US')
        .padStart(10)} rows/s` + `   (stage medians: ${stage('read')}, ${stage('analyze')}, ${stage('plan')}, ${stage('progress')})`,
    );
  }
  const per = results.map((r) => r.t / r.n);
  line(`time per row: ${per.map((p) => `${(p * 1000).toFixed(2)} µs`).join(' / ')} for 1k / 10k / 50k`);
  line(`growth 10k -> 50k: x${(results[2].t / results[1].t).toFixed(2)} time for x5 rows (linear = 5.0)`);
  line(`target: 50,000 rows under 500 ms -> ${results[2].t < 500 ? 'MET' : 'NOT MET'} (${ms(results[2].t)})`);
  line('(in the pane these stages run in slices that yield to Excel: see "Task pane" below for the longest block)');
  line();
}

/** A register workbook of `rows` risks written with ExcelJS's streaming writer (shared strings, a date format), as Excel would store it. */
async function writeSyntheticXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Risk Register');
  for (const r of syntheticRegisterGrid(0).values) ws.addRow(r).commit();
  for (let i = 0; i < rows; i++) {
    const r = syntheticRow(i);
    const row = ws.addRow(
      r.map((v, c) =>
        (c === 11 || c === 13 || c === 16) && typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000) : v,
      ),
    );
    row.getCell(8).value = { formula: `F${row.number}*G${row.number}`, result: r[7] as number };
    for (const c of [12, 14, 17]) row.getCell(c).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** What one child process reports: the work's own time (after start-up) and the process's peak RSS. */
interface ChildResult {
  ms: number;
  /** CPU time of the process during the work (all threads: zlib's pool too), in ms: steadier than wall time on a busy machine. */
  cpuMs: number;
  peakMiB: number;
  note: string;
}

/** The measured work, run in a fresh process each so that peaks do not mix. */
async function childWork(kind: string, file: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  const cpu = process.cpuUsage();
  const a = performance.now();
  let note: string;
  if (kind === 'bare') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    note = `${((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength} bytes`;
  } else {
    const port = await openXlsx(bytes);
    const state = await loadWorkbook(port, { asOf: AS_OF });
    await highlightGaps(port, state);
    await generatePlan(port, state);
    await generateProgressReport(port, state);
    const out = await port.save();
    note = `${state.analysis.risks.length} risks, ${out.length} bytes`;
  }
  const elapsed = performance.now() - a;
  const used = process.cpuUsage(cpu);
  const result: ChildResult = {
    ms: elapsed,
    cpuMs: (used.user + used.system) / 1000,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    note,
  };
  process.stdout.write(JSON.stringify(result));
}

function runChild(kind: string, file: string): ChildResult | null {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', __filename, '--child', kind, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) {
    line(`  (${kind} failed: exit ${r.status} ${r.signal ?? ''} ${(r.stderr || '').split('\n')[0]})`);
    return null;
  }
  return JSON.parse(r.stdout) as ChildResult;
}

async function headlessRunner(tmp: string): Promise<void> {
  line('## Headless runner vs a bare ExcelJS read + write of the same file (issue #15)');
  line('Each figure is one fresh process (the work only, after start-up; peak RSS of the whole process). On a shared machine wall time');
  line('swings with the load; CPU time (all threads) is steadier, so the time ratio is taken on CPU time.');
  line('runner = open + analyze + highlight + plan + progress + save; bare = ExcelJS load + writeBuffer.');
  const rows: { n: number; runner: ChildResult | null; bare: ChildResult | null }[] = [];
  for (const n of [10_000, 50_000, 200_000]) {
    const file = path.join(tmp, `register-${n}.xlsx`);
    await writeSyntheticXlsx(file, n);
    const size = fs.statSync(file).size;
    const runner = runChild('runner', file);
    const bare = runChild('bare', file);
    rows.push({ n, runner, bare });
    const fmt = (r: ChildResult | null) =>
      r ? `${ms(r.ms).padStart(11)} wall ${ms(r.cpuMs).padStart(11)} CPU ${r.peakMiB.toFixed(0).padStart(6)} MiB` : '     failed';
    const ratio =
      runner && bare
        ? `CPU x${(runner.cpuMs / bare.cpuMs).toFixed(2)}, wall x${(runner.ms / bare.ms).toFixed(2)}, peak RSS x${(runner.peakMiB / bare.peakMiB).toFixed(2)}`
        : '-';
    line(
      `${String(n).padStart(7)} rows (${(size / 2 ** 20).toFixed(1)} MiB): runner ${fmt(runner)} | bare ExcelJS ${fmt(bare)} | ${ratio}`,
    );
  }
  const at = (n: number) => rows.find((r) => r.n === n)!;
  const r50 = at(50_000);
  if (r50.runner && r50.bare) {
    const t = r50.runner.cpuMs / r50.bare.cpuMs;
    const m = r50.runner.peakMiB / r50.bare.peakMiB;
    line(
      `target at 50,000 rows: time (CPU) <= 0.5x -> ${t <= 0.5 ? 'MET' : 'NOT MET'} (x${t.toFixed(2)}); peak RSS <= 0.4x -> ${m <= 0.4 ? 'MET' : 'NOT MET'} (x${m.toFixed(2)})`,
    );
  }
  const r200 = at(200_000).runner;
  if (r200)
    line(`target at 200,000 rows: runner under 1 GiB -> ${r200.peakMiB < 1024 ? 'MET' : 'NOT MET'} (${r200.peakMiB.toFixed(0)} MiB)`);

  const cli = path.join(__dirname, '..', 'bin', 'riskplan.js');
  if (fs.existsSync(cli)) {
    const a = performance.now();
    const r = spawnSync(
      process.execPath,
      [cli, 'generate', path.join(tmp, 'register-10000.xlsx'), '-o', path.join(tmp, 'out-10k.xlsx'), '--as-of', AS_OF],
      { encoding: 'utf8' },
    );
    line(`riskplan generate on 10,000 rows as a process (incl. Node start-up): ${ms(performance.now() - a)}, exit ${r.status}`);
  }
  line();
}

async function formattedToLastRow(tmp: string): Promise<void> {
  line('## A sheet formatted down to row 1,048,576 with 20 real rows');
  const file = path.join(tmp, 'formatted.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.addRow(HEADERS);
  for (let i = 0; i < 20; i++) ws.addRow(syntheticRow(i));
  for (const r of [21, 5000, 100_000, 1_048_576])
    ws.getCell(`A${r + 1 > 1_048_576 ? 1_048_576 : r + 1}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  await wb.xlsx.writeFile(file);
  const bytes = fs.readFileSync(file);
  const [state, t] = await measure(async () => loadWorkbook(await openXlsx(bytes), { asOf: AS_OF }));
  const reg = state.read.register;
  line(
    `open + analyze: ${ms(t)} (target < 1000 ms -> ${t < 1000 ? 'MET' : 'NOT MET'}); found ${reg?.entries.length ?? 0} risks, rows ${reg?.firstRow}-${reg?.lastRow}`,
  );
  line();
}

async function sparseCorners(tmp: string): Promise<void> {
  line('## A sheet with two values, in A1 and XFD1048576');
  const file = path.join(tmp, 'corners.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Corners');
  ws.getCell('A1').value = 'Risk ID';
  ws.getCell('XFD1048576').value = 1;
  await wb.xlsx.writeFile(file);
  const bytes = fs.readFileSync(file);
  const [state, t, peak] = await measure(async () => loadWorkbook(await openXlsx(bytes), { asOf: AS_OF }));
  line(
    `${(bytes.length / 1024).toFixed(0)} KiB file: open + analyze ${ms(t)}, peak RSS ${peak.toFixed(0)} MiB, ${state.read.candidates.length} sheet(s) looked at`,
  );
  line();
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return childWork(process.argv[3], process.argv[4]);
  line(`# Risk Plan benchmark (${new Date().toISOString().slice(0, 10)})`);
  line(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  line();
  // `npm run bench -- --runner-only`: just the file figures.
  const runnerOnly = process.argv.includes('--runner-only');
  if (!runnerOnly) {
    purePipeline();
    await officeSyncCounts(line);
    await paneBlocking(line);
  }
  // `--no-browser` leaves out the real-browser figures (they rebuild the pane and start Chromium).
  if (!runnerOnly && !process.argv.includes('--no-browser')) paneInBrowser(line);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'riskplan-bench-'));
  try {
    await headlessRunner(tmp);
    await formattedToLastRow(tmp);
    await sparseCorners(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
