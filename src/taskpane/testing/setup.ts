/**
 * jsdom lacks a few browser APIs Fluent UI uses; the pane's component tests import this first.
 */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The pane's tests run the real workflow (read, analyze, generate, save an .xlsx) behind each click.
// On a loaded 2-core CI machine that can take longer than Testing Library's 1 s default wait; a
// missing message still fails, just after 10 s instead of 1 s.
configure({ asyncUtilTimeout: 10_000 });

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as Record<string, unknown>;
if (!g.ResizeObserver) g.ResizeObserver = ResizeObserverStub;
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
}
if (!g.structuredClone) g.structuredClone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
