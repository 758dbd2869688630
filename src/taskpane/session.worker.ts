/**
 * The file-mode worker: holds the open workbook and runs a LocalSession on it, off the pane's
 * thread. Unzipping, reading, scoring, building the sheets and writing the file all happen here.
 */
/// <reference lib="webworker" />
import { openXlsx } from '../adapters/xlsx';
import { LocalSession } from './session';
import { errorData, type CallMessage, type ReplyMessage } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new LocalSession(null, async (bytes) => openXlsx(bytes));

/** Methods whose last argument is a progress callback. */
const WITH_PROGRESS = new Set(['open', 'read', 'saveMapping', 'saveMatrix', 'generatePlan', 'generateProgress', 'save']);

// One call at a time, in order: the pane never sends a second before the first answered, but a queue makes it certain.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<CallMessage>) => {
  const { id, method, args } = event.data;
  queue = queue.then(async () => {
    const post = (reply: ReplyMessage, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
    try {
      const callArgs = WITH_PROGRESS.has(method)
        ? [...args, (label: string, fraction: number) => post({ id, type: 'progress', label, fraction })]
        : args;
      const fn = session[method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(session, callArgs);
      post({ id, type: 'result', value }, value instanceof Uint8Array ? [value.buffer] : []);
    } catch (error) {
      post({ id, type: 'error', error: errorData(error) });
    }
  });
};
