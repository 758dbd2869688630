/**
 * The worker protocol without a browser: a WorkerSession talks to a LocalSession through the same
 * message handler the worker runs, with structured clones in between as postMessage would make.
 */
import { WorkerSession, type WorkerLike } from './workerSession';
import { LocalSession } from './session';
import { serveSession, type CallMessage, type ReplyMessage } from './workerProtocol';
import { FakePort, clinicRegisterGrid, thinActionsGrid } from './testing/fakePort';
import { formFromSettings } from './settingsForm';
import { DEFAULT_SETTINGS } from '../core/settings';

/** A Worker stand-in that serves `session` with the worker's own handler, cloning every message as postMessage does. */
function loopbackWorker(session: LocalSession): WorkerLike & { transfers: number } {
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    transfers: 0,
    terminate: jest.fn(),
    postMessage(message: unknown, transfer: Transferable[] = []) {
      worker.transfers += transfer.length;
      handle(structuredClone(message) as CallMessage);
    },
  };
  const handle = serveSession(session, (reply: ReplyMessage) =>
    setTimeout(() => worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent)),
  );
  return worker;
}

describe('WorkerSession', () => {
  it('opens, reports progress, generates and saves through messages', async () => {
    const port = Object.assign(new FakePort([clinicRegisterGrid()], { host: 'file' }), { save: async () => new Uint8Array([7, 8, 9]) });
    const worker = loopbackWorker(new LocalSession(null, async () => port));
    const session = new WorkerSession(worker);
    const progress: [string, number][] = [];
    const view = await session.open(new ArrayBuffer(4), '2026-11-23', (label, f) => progress.push([label, f]));
    expect(view.register?.count).toBe(5);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every(([, f], i) => i === 0 || f >= progress[i - 1][1])).toBe(true);
    expect(worker.transfers).toBe(1);
    const plan = await session.generatePlan(formFromSettings(DEFAULT_SETTINGS, '2026-11-23'), () => {});
    expect(plan.sheet).toBe(port.written[0].placement.name);
    expect(Array.from(await session.save(() => {}))).toEqual([7, 8, 9]);
    expect(await session.capabilities()).toMatchObject({ pageLayout: true });
  });

  it('saves a tier choice through the worker and answers with the view that uses it', async () => {
    const port = new FakePort([thinActionsGrid(2)], { host: 'file' });
    const session = new WorkerSession(loopbackWorker(new LocalSession(null, async () => port)));
    const opened = await session.open(new ArrayBuffer(4), '2026-11-23', () => {});
    expect(opened.tierItems.map((t) => [t.id, t.current, t.chosenByUser])).toEqual([
      ['R-01', 'Unclassified', false],
      ['R-02', 'Unclassified', false],
    ]);
    const progress: string[] = [];
    const chosen = await session.chooseTier(opened.tierItems[1].key, 'Vendor conversations', (label) => progress.push(label));
    expect(progress).toEqual(['Saving “Vendor conversations”']);
    expect(chosen.tierItems[1]).toMatchObject({ id: 'R-02', current: 'Vendor conversations', chosenByUser: true });
    expect(chosen.tierCounts.find((c) => c.tier === 'Vendor conversations')?.count).toBe(1);
    // Sample values survive a view made without reading the sheets again.
    expect(chosen.register?.samples).toEqual(opened.register?.samples);
    expect(JSON.parse(port.store ?? '{}').tierChoices).toEqual([{ key: opened.tierItems[1].key, tier: 'Vendor conversations' }]);
    const undone = await session.chooseTier(opened.tierItems[1].key, null, () => {});
    expect(undone.tierItems[1]).toMatchObject({ current: 'Unclassified', chosenByUser: false });
    await expect(session.chooseTier('no such key', 'This week', () => {})).rejects.toThrow('That risk is no longer in the register');
  });

  it('keeps the error name across the boundary, so the pane explains it the same way', async () => {
    const failing = new LocalSession(null, async () => {
      throw Object.assign(new Error('This file is not an Excel workbook (.xlsx).'), { name: 'WorkbookOpenError' });
    });
    const session = new WorkerSession(loopbackWorker(failing));
    await expect(session.open(new ArrayBuffer(1), '2026-11-23', () => {})).rejects.toMatchObject({
      name: 'WorkbookOpenError',
      message: 'This file is not an Excel workbook (.xlsx).',
    });
  });

  it('fails waiting calls when the worker itself fails or is ended', async () => {
    const worker: WorkerLike = { onmessage: null, onerror: null, terminate: jest.fn(), postMessage: () => {} };
    const session = new WorkerSession(worker);
    const waiting = session.read('2026-11-23', () => {});
    worker.onerror?.({ message: 'script failed' } as ErrorEvent);
    await expect(waiting).rejects.toThrow('The background reader stopped: script failed.');
    const second = session.clear();
    session.dispose();
    await expect(second).rejects.toThrow('The workbook was closed.');
    expect(worker.terminate).toHaveBeenCalled();
  });
});
