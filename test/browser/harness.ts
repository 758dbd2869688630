/**
 * Shared set-up of the browser tests: Chromium through playwright-core, dist/ on a local server,
 * office.js routed from the npm package, every other host refused, and helpers that open a file
 * through the pane's own "Open workbook" button, check the layout fits, and run axe.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveDirectory, contentType, type StaticServer } from './server';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(__dirname, '..', '..');
/** dist/ by default; RISKPLAN_DIST points at another build (e.g. a scratch build while developing). */
export const DIST = process.env.RISKPLAN_DIST ?? join(ROOT, 'dist');
const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
export const SHOTS = join(ROOT, 'docs', 'screenshots');
export const OFFICE_HOST = 'appsforoffice.microsoft.com';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium package to run them).`);
}
export const describeIfChromium = hasChromium ? describe : describe.skip;

export interface Harness {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    throw new Error('dist/taskpane.html is missing: run `webpack --mode development` first (npm run test:browser does).');
  }
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface PaneTab {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** URLs of hosts other than ours and office.js's, which were refused. */
  foreign: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** A fresh tab on the pane at the given width, offline except for our server and the routed office.js. */
export async function openPane(h: Harness, width: number, height = 800): Promise<PaneTab> {
  const context = await h.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const requests: string[] = [];
  const foreign: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (url.hostname === OFFICE_HOST) {
      // office.js from the npm package instead of Microsoft's CDN: /lib/1/hosted/<file> -> dist/<file>.
      const rel = url.pathname.replace(/^\/lib\/1\/hosted\//, '');
      const file = join(OFFICE_DIST, rel);
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: contentType(file), body: readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: 'not in the office-js package' });
    }
    if (url.hostname === '127.0.0.1') return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(`${h.server.url}/taskpane.html`);
  await page.getByRole('button', { name: 'Open workbook' }).waitFor({ timeout: 30000 });
  return { context, page, requests, foreign, pageErrors, consoleErrors };
}

/** Opens a file through the pane's own button (the browser's file chooser), as a user would. */
export async function chooseFile(
  page: Page,
  name: string,
  bytes: Buffer,
  button: string | RegExp = /^Open (workbook|another workbook)$/,
): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles({ name, mimeType: XLSX_MIME, buffer: bytes });
}

/** Waits for the Workbook step of an opened file, or fails with the pane's own words. */
export async function waitForWorkbookStep(page: Page, timeout = 60000): Promise<void> {
  const tab = page.getByRole('tab', { name: /Workbook/ });
  await tab.or(page.getByRole('alert')).first().waitFor({ timeout });
  if (!(await tab.isVisible()))
    throw new Error(`The pane could not open the workbook: ${await page.getByRole('alert').first().innerText()}`);
}

/** Elements wider than the viewport (or reaching past its right edge), described for a failure message. */
export async function overflowing(page: Page): Promise<{ scrollWidth: number; viewport: number; offenders: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > viewport + 0.5 || r.left < -0.5) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        offenders.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} [${Math.round(r.left)}..${Math.round(r.right)}] "${text}"`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport, offenders: offenders.slice(0, 10) };
  });
}

/** Asserts nothing on the page is wider than the viewport (WCAG 1.4.10 Reflow). */
export async function expectFits(page: Page, where: string): Promise<void> {
  const o = await overflowing(page);
  if (o.scrollWidth > o.viewport || o.offenders.length > 0) {
    throw new Error(`${where}: the pane is ${o.scrollWidth} px wide in a ${o.viewport} px viewport. Too wide: ${o.offenders.join('; ')}`);
  }
}

const AXE_SOURCE = (() => {
  const path = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
})();

export const hasAxe = AXE_SOURCE !== null;

/** Serious and critical axe violations on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!AXE_SOURCE) throw new Error('axe-core is not installed (npm install --no-save axe-core)');
  // Evaluated through the devtools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    type Node = { target: string[]; html: string; failureSummary?: string };
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.html.slice(0, 160)} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)})`),
    }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).join(' | ')}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `pane-${name}.png`), fullPage: true });
}

/**
 * Drops a file on the pane's drop zone, as dragging it from the desktop does. The bytes are put in
 * the page first (`prepared` resolves then), so a measurement started after it sees only the pane's work.
 */
export async function prepareDrop(page: Page, name: string, bytes: Buffer): Promise<() => Promise<void>> {
  await page.evaluate(
    ({ b64, name, type }) => {
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      (window as unknown as { __dropFile: File }).__dropFile = new File([data], name, { type });
    },
    { b64: bytes.toString('base64'), name, type: XLSX_MIME },
  );
  return async () => {
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add((window as unknown as { __dropFile: File }).__dropFile);
      const zone = document.querySelector('section[aria-labelledby="riskplan-open-heading"]');
      if (!zone) throw new Error('The drop zone is not on the page.');
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
  };
}
