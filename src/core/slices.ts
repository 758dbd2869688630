/**
 * Long pure work, cut into slices. A step over every row of a 50,000-row register takes longer
 * than a task pane may hold the host's thread (Excel warns about, and may restart, an add-in that
 * blocks it), so such steps are written as generators that `yield` between slices of rows. The
 * core stays pure and synchronous at heart: the workflow (src/app/workflow.ts) runs each step
 * through src/host/pace.ts, which gives the host a turn whenever a few tens of milliseconds have
 * passed, and tests, the bench and scripts drain a step in one go with `finish`
 * (test/support/pipeline.ts). The generator is each step's only public form: no synchronous twin
 * to keep in step with it. The core never looks at a clock.
 */

/**
 * Work that yields between slices and returns `T` at the end. What it yields means nothing; a
 * yield only marks a point where the caller may pause.
 */
export type Sliced<T> = Generator<void, T, void>;

/**
 * Rows handled between two yields. A slice of rows takes a few milliseconds even on a slow machine,
 * and a yield that the caller does not act on costs well under a microsecond.
 */
export const ROWS_PER_SLICE = 2_000;

/** Runs sliced work to the end in one go, where nothing waits on the thread (tests, the bench, scripts). */
export function finish<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Calls `step(from, to)` for consecutive ranges of at most ROWS_PER_SLICE indexes covering
 * [0, count), yielding between two ranges; `step` may return false to stop early, and the result
 * says whether every range ran. Put hot row loops in `step`, a plain function: V8 optimizes a loop
 * in a plain function while it runs, but a long loop inside a generator runs several times slower
 * (a generator is optimized only after many calls, and these run once per job).
 */
export function* inSlices(count: number, step: (from: number, to: number) => boolean | void): Sliced<boolean> {
  for (let from = 0; from < count; from += ROWS_PER_SLICE) {
    if (from > 0) yield;
    if (step(from, Math.min(count, from + ROWS_PER_SLICE)) === false) return false;
  }
  return true;
}

/** True every ROWS_PER_SLICE-th index after 0: `if (sliceEnds(i)) yield;` in a loop whose body is light. */
export function sliceEnds(index: number): boolean {
  return index > 0 && index % ROWS_PER_SLICE === 0;
}
