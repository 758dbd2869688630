/**
 * The task pane in a real browser (file mode, as outside Excel): open a workbook, change a
 * column mapping, save it, generate both sheets, download, and check the downloaded file.
 * Needs dist/ from `webpack --mode development` and /usr/bin/chromium; skips without Chromium.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDirectory, contentType, type StaticServer } from './server';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(__dirname, '..', '..');
/** dist/ by default; RISKPLAN_DIST points at another build (e.g. a scratch build while developing). */
const DIST = process.env.RISKPLAN_DIST ?? join(ROOT, 'dist');
const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const OFFICE_HOST = 'appsforoffice.microsoft.com';
const STORE_SHEET = 'RiskPlan_Data';
const MARKER_ADDRESS = 'Z1';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  // eslint-disable-next-line no-console
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium package to run them).`);
}
const describeIfChromium = hasChromium ? describe : describe.skip;

/** The fixture workbook: the shared fixtures when they exist, else a small clinic register of our own. */
async function sourceWorkbook(): Promise<{ bytes: Buffer; name: string }> {
  const fixturesPath = join(ROOT, 'test', 'fixtures', 'workbooks.ts');
  if (existsSync(fixturesPath)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fixtures = require(fixturesPath) as { FIXTURES?: Record<string, () => ExcelJS.Workbook | Promise<ExcelJS.Workbook>> };
    const build = fixtures.FIXTURES?.titleRowsRegister ?? fixtures.FIXTURES?.multiSheetWorkbook;
    if (build) {
      const wb = await build();
      return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), name: 'Clinic Register.xlsx' };
    }
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.getCell('A1').value = 'Sunrise Family Clinic - HIPAA Risk Register';
  ws.addRow([]);
  ws.addRow(['Risk ID', 'Risk Description', 'Likelihood (1-5)', 'Impact (1-5)', 'Risk Level', 'Mitigation Action', 'Owner', 'Due Date', 'Status']);
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  ws.addRow(['R-01', 'Laptops holding ePHI are not encrypted', 4, 5, 'High', 'Enable BitLocker on all clinic laptops', 'IT Manager', d('2026-09-30'), 'In Progress']);
  ws.addRow(['R-02', 'Former staff still have EHR accounts', 4, 4, 'High', 'Revoke EHR access on the last working day', '', d('2026-12-15'), 'Open']);
  ws.addRow(['R-03', 'No BAA with the billing vendor', 3, 4, 'Medium', 'Sign a BAA with the billing company', 'Practice Manager', null, 'Not Started']);
  ws.addRow(['R-04', 'Backups never tested', 3, 3, 'Medium', 'Improve backups', 'TBD', d('2026-10-31'), 'Open']);
  ws.addRow(['R-05', 'Phishing e-mails reach staff', 4, 3, 'Medium', 'Quarterly phishing awareness training', 'Compliance Officer', d('2027-03-01'), 'Planned']);
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), name: 'Clinic Register.xlsx' };
}

/** Every non-empty cell value of every sheet, as comparable text. */
function sheetValues(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      out[cell.address] = JSON.stringify(cell.value);
    }),
  );
  return out;
}

async function loadBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `pane-${name}.png`), fullPage: true });
}

describeIfChromium('task pane in Chromium (file mode)', () => {
  let server: StaticServer;
  let browser: Browser;
  const requests: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'taskpane.html'))) {
      throw new Error('dist/taskpane.html is missing: run `webpack --mode development` first (npm run test:browser does).');
    }
    server = await serveDirectory(DIST);
    browser = await chromium.launch({
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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a workbook, saves a mapping, generates both sheets and downloads them, all offline', async () => {
    const source = await sourceWorkbook();
    const original = await loadBook(source.bytes);

    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, acceptDownloads: true });
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
    page.on('request', (r) => requests.push(r.url()));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${server.url}/taskpane.html`);
    const fileInput = page.getByLabel('Open workbook');
    await fileInput.waitFor({ timeout: 30000 });
    await shot(page, 'start');

    await fileInput.setInputFiles({
      name: source.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: source.bytes,
    });
    // Either the Workbook step appears or the pane says why not; fail with the pane's own words.
    const saveMapping = page.getByRole('button', { name: 'Save mapping' });
    await saveMapping.or(page.getByRole('alert')).first().waitFor({ timeout: 60000 });
    if (!(await saveMapping.isVisible())) {
      throw new Error(`The pane could not open the workbook: ${await page.getByRole('alert').first().innerText()}`);
    }

    // Step 1: point "Owner" of the register at "(not in sheet)" and save.
    const registerSection = page.getByRole('region', { name: /^Columns of sheet / }).first();
    const owner = registerSection.getByLabel('Owner', { exact: true });
    await owner.selectOption({ label: '(not in sheet)' });
    await shot(page, 'workbook');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping saved').waitFor({ timeout: 30000 });

    // Step 2: review.
    await page.getByRole('tab', { name: /Review/ }).click();
    await page.getByRole('table', { name: 'Risks by level' }).waitFor();
    await page.getByRole('button', { name: 'Highlight gaps' }).click();
    await page.getByText(/Added \d+ highlight rule/).waitFor({ timeout: 30000 });
    await shot(page, 'review');

    // Step 3: generate both sheets.
    await page.getByRole('tab', { name: /Generate/ }).click();
    await page.getByLabel('Practice name').fill('Sunrise Family Clinic');
    await page.getByLabel('Prepared by').fill('Dana Cole');
    await page.getByRole('button', { name: 'Generate risk management plan' }).click();
    await page.getByText(/Risk management plan written to sheet/).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Generate progress report' }).click();
    await page.getByText(/Progress report written to sheet/).waitFor({ timeout: 60000 });
    await shot(page, 'generate');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Download workbook' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Clinic Register-riskplan.xlsx');
    const savedPath = await download.path();
    const result = await loadBook(readFileSync(savedPath));
    await context.close();

    // Both generated sheets carry our marker.
    const markers = result.worksheets
      .map((ws) => String(ws.getCell(MARKER_ADDRESS).value ?? ''))
      .filter((v) => v.startsWith('riskplan-generated:'));
    expect(markers.some((m) => m.includes('plan'))).toBe(true);
    expect(markers.some((m) => m.includes('progress'))).toBe(true);
    expect(markers).toHaveLength(2);

    // The user's sheets are unchanged, value for value.
    for (const ws of original.worksheets) {
      const after = result.getWorksheet(ws.name);
      expect(after).toBeDefined();
      expect(sheetValues(after!)).toEqual(sheetValues(ws));
    }

    // The mapping change was saved in the workbook's settings sheet.
    const store = result.getWorksheet(STORE_SHEET);
    expect(store?.state).toBe('veryHidden');
    const json: string[] = [];
    store!.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value) json.push(String(row.getCell(1).value));
    });
    const settings = JSON.parse(json.join(''));
    expect(settings.practiceName).toBe('Sunrise Family Clinic');
    expect(settings.mapping.some((m: { columns: Record<string, unknown> }) => m.columns.owner === null)).toBe(true);

    // Nothing left the machine: only our server and the routed office.js host were asked.
    expect(foreign).toEqual([]);
    for (const url of requests) {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:') continue;
      expect([`127.0.0.1`, OFFICE_HOST]).toContain(u.hostname);
    }
    expect(pageErrors).toEqual([]);
  });
});
