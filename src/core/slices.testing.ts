/** Test helper for sliced work (core/slices.ts). */
import type { Sliced } from './slices';

/** Drains sliced work one step at a time; returns the result and how many times it paused. */
export function drainCounting<T>(work: Sliced<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = work.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}
