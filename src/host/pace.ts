/**
 * Giving the host a turn. The task pane shares its thread with Excel's add-in runtime and with
 * its own rendering: Excel warns about, and may restart, an add-in that blocks it, and a pane
 * that never yields cannot show progress. Long work therefore runs in slices (pure work as
 * core/slices.ts generators, adapter work between its own steps) and pauses whenever
 * SLICE_BUDGET_MS has passed. This module is the only place that looks at the clock for that.
 */
import type { Sliced } from '../core/slices';

/**
 * Gives the host a turn: Excel and the pane's own rendering run before the next slice of work
 * (Excel warns about, and may restart, an add-in that blocks its thread). In a browser this is
 * `scheduler.yield()` where there is one, else a message to ourselves (a timer chain would be
 * throttled to 4 ms a turn); in Node, `setImmediate`.
 */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof window !== 'undefined' && typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How long work may hold the thread before the host gets a turn (a frame is 16 ms; Excel's patience is seconds). */
export const SLICE_BUDGET_MS = 25;

/**
 * A stopwatch for one job: `pause()` gives the host a turn once SLICE_BUDGET_MS has passed since
 * the last turn, and is nearly free otherwise, so it can sit inside a loop.
 */
export class Pacer {
  private since = performance.now();

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** True when the budget is spent and the caller should `await pause()`. */
  get due(): boolean {
    return performance.now() - this.since >= this.budgetMs;
  }

  async pause(): Promise<void> {
    if (!this.due) return;
    await yieldToHost();
    this.since = performance.now();
  }

  /** Call after the host has had a turn some other way (a round trip to Excel). */
  restart(): void {
    this.since = performance.now();
  }
}

/**
 * Runs sliced pure work (core/slices.ts), giving the host a turn whenever the pacer's budget has
 * passed, so no single synchronous block of a 50,000-row job holds the pane's thread.
 */
export async function runSliced<T>(work: Sliced<T>, pacer = new Pacer()): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (pacer.due) await pacer.pause();
  }
}
