/**
 * Entry point of the task pane bundle: detect the host, then mount the pane into #root.
 * Office.js is loaded by taskpane.html from Microsoft's CDN; outside Office it may be missing.
 * In file mode the workbook is read and written in a Web Worker (session.worker.ts).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeWorkbookPort } from '../adapters/officejs';
import { App } from './App';
import { detectHost, todayIso, type OfficeLike } from './host';
import { subscribeToExcelEvents } from './excelEvents';
import { LocalSession, type PaneSession } from './session';
import { WorkerSession } from './workerSession';

/** The file-mode session in a worker; on this thread where workers are unavailable. */
function createFileSession(): PaneSession {
  try {
    return new WorkerSession(new Worker(new URL('./session.worker.ts', import.meta.url), { name: 'riskplan-workbook' }));
  } catch {
    return new LocalSession(null);
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const office = (globalThis as { Office?: OfficeLike }).Office;
  const host = await detectHost({ office, createPort: () => createOfficeWorkbookPort() });
  const today = todayIso();
  const root = createRoot(container);
  root.render(
    host.kind === 'excel' ? (
      <App mode="excel" port={host.port} today={today} subscribe={subscribeToExcelEvents} />
    ) : (
      <App mode="file" today={today} createFileSession={createFileSession} />
    ),
  );
}

void start();
