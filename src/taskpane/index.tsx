/**
 * Entry point of the task pane bundle: detect the host, then mount the pane into #root.
 * Office.js is loaded by taskpane.html from Microsoft's CDN; outside Office it may be missing.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeWorkbookPort } from '../adapters/officejs';
import { App } from './App';
import { detectHost, todayIso, type OfficeLike } from './host';
import { subscribeToExcelEvents } from './excelEvents';

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
      <App mode="file" today={today} />
    ),
  );
}

void start();
