/**
 * The file-mode worker: holds the open workbook and runs a LocalSession on it, off the pane's
 * thread. Unzipping, reading, scoring, building the sheets and writing the file all happen here.
 */
/// <reference lib="webworker" />
import { openXlsx } from '../adapters/xlsx';
import { LocalSession } from './session';
import { serveSession, type CallMessage } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = serveSession(new LocalSession(null, async (bytes) => openXlsx(bytes)), (reply, transfer = []) =>
  scope.postMessage(reply, transfer),
);
scope.onmessage = (event: MessageEvent<CallMessage>) => handle(event.data);
