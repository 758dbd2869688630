/**
 * The pane's figure of `npm run bench`: the longest time the add-in's code holds the thread in one
 * go while it reads, analyzes, highlights and generates, over the strict fake Excel. A block ends
 * when the host could run: a turn of the event loop (the workflow yields to the host between
 * slices of work) or a sync (a round trip to Excel, during which the add-in's thread is free; the
 * fake's own work inside a sync is Excel's, not ours). Garbage collection inside a block counts.
 * Not modelled: Excel's time to deserialize a response on the add-in's thread.
 */
import { performance } from 'node:perf_hooks';
import { FakeWorkbook, fakeRun, installOfficeStub } from '../test/fakes/excel-fake';
import { createOfficeWorkbookPort } from '../src/adapters/officejs';
import {
  loadWorkbook,
  highlightGaps,
  generatePlan,
  generateProgressReport,
  SLICE_BUDGET_MS,
  type WorkbookState,
} from '../src/app/workflow';
import { columnLetter } from '../src/core/grid';
import { syntheticRegisterGrid } from '../test/fixtures/synthetic';

const AS_OF = '2026-11-23';
const LIMIT_MS = 100;

/** Measures the longest stretch between two moments the host could have run. */
class BlockMeter {
  longest = 0;
  private since = performance.now();
  private inSync = false;
  private running = false;

  start(): void {
    this.running = true;
    const tick = () => {
      this.mark();
      if (this.running) setImmediate(tick);
    };
    setImmediate(tick);
  }

  stop(): void {
    this.running = false;
  }

  reset(): void {
    this.longest = 0;
    this.since = performance.now();
  }

  syncStarted(): void {
    this.mark();
    this.inSync = true;
  }

  syncEnded(): void {
    this.inSync = false;
    this.since = performance.now();
  }

  private mark(): void {
    if (this.inSync) return;
    const now = performance.now();
    this.longest = Math.max(this.longest, now - this.since);
    this.since = now;
  }
}

type Action = 'read + analyze' | 'highlight' | 'plan' | 'progress' | 're-read';

async function blocksFor(rows: number): Promise<Record<Action, number>> {
  const grid = syntheticRegisterGrid(rows);
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet(grid.name);
  sheet.setValues(`${columnLetter(grid.left)}${grid.top + 1}`, grid.values);
  sheet.merges.push(...grid.merges);
  const port = createOfficeWorkbookPort(fakeRun(wb));
  const meter = new BlockMeter();
  wb.syncObserver = meter;
  const out = {} as Record<Action, number>;
  const measure = async (action: Action, work: () => Promise<unknown>) => {
    meter.reset();
    await work();
    // The tail of the action up to here is a block too.
    meter.syncStarted();
    meter.syncEnded();
    out[action] = meter.longest;
  };
  meter.start();
  try {
    let state: WorkbookState | null = null;
    await measure('read + analyze', async () => {
      state = await loadWorkbook(port, { asOf: AS_OF });
    });
    const loaded = state as unknown as WorkbookState;
    await measure('highlight', () => highlightGaps(port, loaded));
    await measure('plan', () => generatePlan(port, loaded));
    await measure('progress', () => generateProgressReport(port, loaded));
    // The pane reads again after generating: now with the plan's snapshot in the settings.
    await measure('re-read', () => loadWorkbook(port, { asOf: AS_OF }));
  } finally {
    meter.stop();
  }
  return out;
}

/** Prints the longest synchronous block of each pane action for 1,000, 10,000 and 50,000 rows. */
export async function paneBlocking(line: (s?: string) => void): Promise<void> {
  line(`## Task pane: longest synchronous block per action (strict fake Excel; the workflow yields every ~${SLICE_BUDGET_MS} ms)`);
  const restore = installOfficeStub('1.17');
  try {
    const sizes = [1_000, 10_000, 50_000];
    const results: Record<Action, number>[] = [];
    for (const n of sizes) {
      // Each size starts from a collected heap, as a pane that opens one workbook does (not with the
      // garbage of the sections before it, whose collection would land in some block of this one).
      (globalThis as { gc?: () => void }).gc?.();
      results.push(await blocksFor(n));
    }
    const actions = Object.keys(results[0]) as Action[];
    line(`${'action'.padEnd(18)}${sizes.map((n) => `${n.toLocaleString('en-US')} rows`.padStart(14)).join('')}`);
    for (const a of actions) line(`${a.padEnd(18)}${results.map((r) => `${r[a].toFixed(1)} ms`.padStart(14)).join('')}`);
    const worst = Math.max(...results.flatMap((r) => actions.map((a) => r[a])));
    line(`longest block at any size: ${worst.toFixed(1)} ms (target <= ${LIMIT_MS} ms) -> ${worst <= LIMIT_MS ? 'MET' : 'NOT MET'}`);
  } finally {
    restore();
  }
  line();
}
