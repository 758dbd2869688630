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
import { readWorkbook } from '../src/core/register';
import { analyze } from '../src/core/analysis';
import { buildPlanSheet, buildProgressSheet } from '../src/core/reports';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook, highlightGaps, generatePlan, generateProgressReport } from '../src/app/workflow';
import { HEADERS, syntheticRegisterGrid, syntheticRow } from './synthetic';
import { officeSyncCounts } from './office-syncs';
import { paneBlocking } from './pane-blocking';

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
      const read = readWorkbook([grid]);
      steps.read.push(performance.now() - a);
      a = performance.now();
      const analysis = analyze(read, { asOf: AS_OF });
      steps.analyze.push(performance.now() - a);
      a = performance.now();
      buildPlanSheet({ analysis, read, settings: DEFAULT_SETTINGS, asOf: AS_OF });
      steps.plan.push(performance.now() - a);
      a = performance.now();
      buildProgressSheet({ analysis, read, settings: DEFAULT_SETTINGS, asOf: AS_OF });
      steps.progress.push(performance.now() - a);
    }, 7);
    results.push({ n, t });
    const stage = (name: keyof typeof steps) => `${name} ${ms(median(steps[name].slice(1)))}`;
    line(
      `${String(n).padStart(6)} rows: ${ms(t).padStart(10)}  ${Math.round(n / (t / 1000)).toLocaleString('en-US').padStart(10)} rows/s` +
        `   (stage medians: ${stage('read')}, ${stage('analyze')}, ${stage('plan')}, ${stage('progress')})`,
    );
  }
  const per = results.map((r) => r.t / r.n);
  line(`time per row: ${per.map((p) => `${(p * 1000).toFixed(2)} µs`).join(' / ')} for 1k / 10k / 50k`);
  line(`growth 10k -> 50k: x${(results[2].t / results[1].t).toFixed(2)} time for x5 rows (linear = 5.0)`);
  line(`target: 50,000 rows under 500 ms -> ${results[2].t < 500 ? 'MET' : 'NOT MET'} (${ms(results[2].t)})`);
  line('(in the pane these stages run in slices that yield to Excel: see "Task pane" below for the longest block)');
  line();
}

async function writeSyntheticXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  const grid = syntheticRegisterGrid(0);
  grid.values.forEach((r) => ws.addRow(r));
  for (let i = 0; i < rows; i++) {
    const r = syntheticRow(i);
    const row = ws.addRow(r.map((v, c) => (c === 11 || c === 13 || c === 16) && typeof v === 'number' ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000) : v));
    row.getCell(8).value = { formula: `F${row.number}*G${row.number}`, result: r[7] as number };
  }
  ws.getColumn(12).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(file);
}

async function headlessRunner(tmp: string): Promise<void> {
  line('## Headless runner on a 10,000-row workbook vs a bare ExcelJS read + write of the same file');
  const file = path.join(tmp, 'register-10k.xlsx');
  await writeSyntheticXlsx(file, 10_000);
  const bytes = fs.readFileSync(file);
  line(`input: ${(bytes.length / 1024).toFixed(0)} KiB, ${HEADERS.length} columns`);

  const bare: number[] = [];
  const ours: number[] = [];
  let peakBare = 0;
  let peakOurs = 0;
  for (let i = 0; i < 3; i++) {
    const [, tb, pb] = await measure(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb.xlsx.writeBuffer();
    });
    bare.push(tb);
    peakBare = Math.max(peakBare, pb);
    const [, to, po] = await measure(async () => {
      const port = await openXlsx(bytes);
      const state = await loadWorkbook(port, { asOf: AS_OF });
      await highlightGaps(port, state);
      await generatePlan(port, state);
      await generateProgressReport(port, state);
      return port.save();
    });
    ours.push(to);
    peakOurs = Math.max(peakOurs, po);
  }
  const b = median(bare);
  const o = median(ours);
  line(`bare ExcelJS load + writeBuffer: ${ms(b)} (median of 3), peak RSS ${peakBare.toFixed(0)} MiB`);
  line(`riskplan open + analyze + highlight + plan + progress + save: ${ms(o)} (median of 3), peak RSS ${peakOurs.toFixed(0)} MiB`);
  line(`ratio: x${(o / b).toFixed(2)} (target <= 1.5) -> ${o / b <= 1.5 ? 'MET' : 'NOT MET'}`);

  const cli = path.join(__dirname, '..', 'bin', 'riskplan.js');
  if (fs.existsSync(cli)) {
    const a = performance.now();
    const r = spawnSync(process.execPath, [cli, 'generate', file, '-o', path.join(tmp, 'out-10k.xlsx'), '--as-of', AS_OF], {
      encoding: 'utf8',
    });
    line(`riskplan generate as a process (incl. Node start-up): ${ms(performance.now() - a)}, exit ${r.status}`);
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
  for (const r of [21, 5000, 100_000, 1_048_576]) ws.getCell(`A${r + 1 > 1_048_576 ? 1_048_576 : r + 1}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  await wb.xlsx.writeFile(file);
  const bytes = fs.readFileSync(file);
  const [state, t] = await measure(async () => loadWorkbook(await openXlsx(bytes), { asOf: AS_OF }));
  const reg = state.read.register;
  line(`open + analyze: ${ms(t)} (target < 1000 ms -> ${t < 1000 ? 'MET' : 'NOT MET'}); found ${reg?.entries.length ?? 0} risks, rows ${reg?.firstRow}-${reg?.lastRow}`);
  line();
}

async function main(): Promise<void> {
  line(`# Risk Plan benchmark (${new Date().toISOString().slice(0, 10)})`);
  line(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  line();
  purePipeline();
  await officeSyncCounts(line);
  await paneBlocking(line);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'riskplan-bench-'));
  try {
    await headlessRunner(tmp);
    await formattedToLastRow(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
