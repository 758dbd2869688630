import { FakePort, clinicRegisterGrid } from '../taskpane/testing/fakePort';
import { finish, type Sliced } from '../core/slices';
import { Pacer } from '../host/pace';
import { loadWorkbook, runSliced } from './workflow';

/** Work in three slices that notes, at each slice, whether the host has had a turn since the start. */
function* watchedWork(hostRan: () => boolean, seen: boolean[]): Sliced<string> {
  for (let i = 0; i < 3; i++) {
    seen.push(hostRan());
    yield;
  }
  return 'done';
}

describe('runSliced', () => {
  it('gives the host a turn between slices once the time budget is spent', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const seen: boolean[] = [];
    await expect(runSliced(watchedWork(() => ran, seen), new Pacer(0))).resolves.toBe('done');
    expect(seen).toEqual([false, true, true]);
  });

  it('runs straight through while the budget lasts, with the result finish() gives', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const seen: boolean[] = [];
    await expect(runSliced(watchedWork(() => ran, seen), new Pacer(60_000))).resolves.toBe(finish(watchedWork(() => false, [])));
    expect(seen).toEqual([false, false, false]);
  });
});

describe('loadWorkbook', () => {
  it('reports what it is doing, in order, with a growing share done', async () => {
    const steps: [string, number][] = [];
    const state = await loadWorkbook(new FakePort([clinicRegisterGrid()]), { asOf: '2026-11-23', onProgress: (label, f) => steps.push([label, f]) });
    expect(state.read.register?.entries).toHaveLength(5);
    expect(steps.map(([label]) => label)).toEqual(['Reading the sheets', 'Finding the register and its columns', 'Scoring and checking 5 entries']);
    const fractions = steps.map(([, f]) => f);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.every((f) => f > 0 && f < 1)).toBe(true);
  });
});
