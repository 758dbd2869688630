/**
 * The task pane in a real browser (file mode, as outside Excel), at 320 px: open a workbook through
 * the "Open workbook" button, check sample values, change and save a mapping, review, generate both
 * sheets, get asked before discarding them, download and check the file. Every step must fit the
 * width and pass axe without serious violations. Needs dist/ from `webpack --mode development` and
 * /usr/bin/chromium; skips without Chromium.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { FIXTURES } from '../fixtures/workbooks';
import {
  OFFICE_HOST,
  axeViolations,
  chooseFile,
  describeIfChromium,
  expectFits,
  hasAxe,
  openPane,
  shot,
  startHarness,
  waitForWorkbookStep,
  type Harness,
} from './harness';
import { bytesOf, longHeadersRegister, titleFactsRegister } from './workbooks';

const STORE_SHEET = 'RiskPlan_Data';
const MARKER_ADDRESS = 'Z1';

/** Every non-empty cell value of a sheet, as comparable text. */
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

function markers(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((ws) => String(ws.getCell(MARKER_ADDRESS).value ?? '')).filter((v) => v.startsWith('riskplan-generated:'));
}

/** Fits the width and has no serious axe violation. */
async function checkStep(page: Page, where: string): Promise<void> {
  await expectFits(page, where);
  // No hover state or colour transition under the pointer while axe measures contrast.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(300);
  if (hasAxe) expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
}

async function goTo(page: Page, step: 'Workbook' | 'Review' | 'Generate'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(step) }).click();
  await page.getByRole('tabpanel').waitFor();
}

/** Vertical distance between two elements' boxes (0 when they touch or overlap). */
async function gap(page: Page, a: ReturnType<Page['getByRole']>, b: ReturnType<Page['getByRole']>): Promise<number> {
  const ba = (await a.boundingBox())!;
  const bb = (await b.boundingBox())!;
  return Math.max(0, bb.y - (ba.y + ba.height), ba.y - (bb.y + bb.height));
}

describeIfChromium('task pane in Chromium (file mode)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens, shows sample values, saves a mapping, generates, asks before discarding work, downloads; fits 320 px and passes axe', async () => {
    const source = { bytes: await bytesOf(FIXTURES.titleRowsRegister()), name: 'Clinic Register.xlsx' };
    const original = await loadBook(source.bytes);
    const { context, page, requests, foreign, pageErrors, consoleErrors } = await openPane(h, 320);

    await checkStep(page, 'first screen');
    await shot(page, 'start');
    await chooseFile(page, source.name, source.bytes);
    await waitForWorkbookStep(page);
    await expect(page.getByText(/Working on/).innerText()).resolves.toContain('Clinic Register.xlsx');

    // Step 1: sample values beside the key roles.
    const registerSection = page.getByRole('region', { name: /^Columns of sheet / }).first();
    await expect(registerSection.getByTestId('samples-risk').innerText()).resolves.toMatch(/^e\.g\. “.+”, “.+”, “.+”$/);
    await expect(registerSection.getByTestId('samples-likelihood').innerText()).resolves.toMatch(/^e\.g\. “\d”/);
    await expect(registerSection.getByTestId('samples-dueDate').innerText()).resolves.toMatch(/“\d{4}-\d{2}-\d{2}”/);
    await checkStep(page, 'Workbook step');
    await shot(page, 'workbook');

    // Point "Owner" at "(not in sheet)" and save: the result appears next to the button.
    await registerSection.getByLabel('Owner', { exact: true }).selectOption({ label: '(not in sheet)' });
    const save = page.getByRole('button', { name: 'Save mapping' });
    await save.click();
    const saved = page.getByText('Mapping saved');
    await saved.waitFor({ timeout: 30000 });
    expect(await gap(page, save, saved)).toBeLessThan(80);
    expect(await page.getByRole('button', { name: 'Reset Owner to automatic' }).isVisible()).toBe(true);

    // Step 2: review, with findings named by risk ID.
    await goTo(page, 'Review');
    await page.getByRole('table', { name: 'Risks by level' }).waitFor();
    await page.getByRole('button', { name: /No responsible party \(\d+\)/ }).click();
    await expect(page.getByRole('listitem').first().innerText()).resolves.toMatch(/^[A-Z]+-?\d+ /);
    const highlight = page.getByRole('button', { name: 'Highlight gaps' });
    await highlight.click();
    const added = page.getByText(/Added \d+ highlight rule/);
    await added.waitFor({ timeout: 30000 });
    expect(await gap(page, highlight, added)).toBeLessThan(120);
    await checkStep(page, 'Review step');
    await shot(page, 'review');

    // Step 3: what will print as MISSING, then generate both sheets.
    await goTo(page, 'Generate');
    // The title row names the practice: shown as found in the workbook, and not MISSING.
    await expect(page.getByLabel('Practice name').inputValue()).resolves.toBe('Sunrise Family Medicine');
    await page.getByText("Found in the workbook ('Risk Register'!B1); edit it to use another value.").waitFor();
    await expect(page.locator('#riskplan-missing-plan').innerText()).resolves.not.toContain('Practice name');
    // A typed name wins and is saved.
    await page.getByLabel('Practice name').fill('Sunrise Family Clinic');
    await page.getByLabel('Prepared by').fill('Dana Cole');
    await page.getByLabel('Approach to reducing risk').fill('We fix the highest risks first and review the plan every quarter.');
    await page.getByText("The workbook says “Sunrise Family Medicine” ('Risk Register'!B1); the value here is used.").waitFor();
    await page.getByRole('button', { name: 'Generate risk management plan' }).click();
    await page.getByText(/Risk management plan written to sheet/).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Generate progress report' }).click();
    await page.getByText(/Progress report written to sheet/).waitFor({ timeout: 60000 });
    await checkStep(page, 'Generate step');
    await shot(page, 'generate');

    // Work not downloaded: closing the tab is refused by the page, and opening another file asks first.
    const prevented = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(prevented).toBe(true);
    await chooseFile(page, 'Other.xlsx', source.bytes);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('Discard the changes to Clinic Register.xlsx?');
    await expectFits(page, 'discard dialog');
    await dialog.getByRole('button', { name: 'Keep working' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText('Risk management plan written to sheet').isVisible()).toBe(true);

    const download = page.getByRole('button', { name: 'Download workbook' });
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), download.click()]);
    expect(file.suggestedFilename()).toBe('Clinic Register-riskplan.xlsx');
    const done = page.getByText('Workbook downloaded');
    await done.waitFor();
    expect(await gap(page, download, done)).toBeLessThan(80);
    const afterDownload = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(afterDownload).toBe(false);

    // A new file starts at step 1 with no dialog now that the work is downloaded.
    await goTo(page, 'Review');
    await chooseFile(page, 'Another Register.xlsx', source.bytes);
    await page
      .getByText(/Working on/)
      .filter({ hasText: 'Another Register.xlsx' })
      .waitFor({ timeout: 60000 });
    expect(await page.getByRole('tab', { name: /Workbook/ }).getAttribute('aria-selected')).toBe('true');

    const result = await loadBook(readFileSync(await file.path()));
    await context.close();

    const found = markers(result);
    expect(found.some((m) => m.includes('plan'))).toBe(true);
    expect(found.some((m) => m.includes('progress'))).toBe(true);
    expect(found).toHaveLength(2);
    for (const ws of original.worksheets) {
      const after = result.getWorksheet(ws.name);
      expect(after).toBeDefined();
      expect(sheetValues(after!)).toEqual(sheetValues(ws));
    }
    const store = result.getWorksheet(STORE_SHEET);
    expect(store?.state).toBe('veryHidden');
    const json: string[] = [];
    store!.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value) json.push(String(row.getCell(1).value));
    });
    const settings = JSON.parse(json.join(''));
    expect(settings.practiceName).toBe('Sunrise Family Clinic');
    expect(settings.approach).toBe('We fix the highest risks first and review the plan every quarter.');
    expect(settings.mapping.some((m: { columns: Record<string, unknown> }) => m.columns.owner === null)).toBe(true);

    // Nothing left the machine: only our server and the routed office.js host were asked.
    expect(foreign).toEqual([]);
    for (const url of requests) {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:') continue;
      expect(['127.0.0.1', OFFICE_HOST]).toContain(u.hostname);
    }
    expect(pageErrors).toEqual([]);
    // The only console error allowed is office.js's telemetry frame that the CSP refuses (see README, Privacy).
    expect(consoleErrors.filter((e) => !/frame-src|telemetry/i.test(e))).toEqual([]);
  });

  it.each([320, 450])('keeps every step within %i px on a workbook with long headers', async (width) => {
    const { context, page } = await openPane(h, width);
    await chooseFile(
      page,
      'Lakeside Internal Medicine Security Risk Assessment and Mitigation Plan 2026.xlsx',
      await bytesOf(longHeadersRegister()),
    );
    await waitForWorkbookStep(page);
    await page
      .getByRole('button', { name: /Roles not found/ })
      .first()
      .click();
    const issues = page.getByRole('button', { name: /Cells that could not be read/ });
    if ((await issues.count()) > 0) await issues.first().click();
    await expectFits(page, `Workbook step at ${width} px`);
    if (width === 320) await shot(page, 'workbook-long-headers');
    await goTo(page, 'Review');
    await expectFits(page, `Review step at ${width} px`);
    await page.getByLabel('Risk matrix').selectOption('custom');
    await expectFits(page, `Review step, custom matrix, at ${width} px`);
    if (width === 320) {
      await checkStep(page, 'Review step with the custom matrix');
      await shot(page, 'review-custom-matrix');
    }
    for (const group of await page.getByRole('button', { name: /\(\d+\)$/ }).all()) await group.click();
    await expectFits(page, `Review step, findings open, at ${width} px`);
    await goTo(page, 'Generate');
    await expectFits(page, `Generate step at ${width} px`);
    await context.close();
  });

  it('warns next to Generate when a key column holds the wrong values, and generates only when confirmed', async () => {
    const { context, page } = await openPane(h, 320);
    await chooseFile(page, 'Clinic Register.xlsx', await bytesOf(FIXTURES.titleRowsRegister()));
    await waitForWorkbookStep(page);
    const section = page.getByRole('region', { name: /^Columns of sheet / }).first();
    const likelihoodLetter = await section.getByLabel('Likelihood', { exact: true }).inputValue();
    await section.getByLabel('Risk / finding', { exact: true }).selectOption(likelihoodLetter);
    await section.getByText('Check: this column holds ratings, not risk descriptions.').waitFor();
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText('Mapping saved').waitFor({ timeout: 30000 });
    await goTo(page, 'Generate');
    const generate = page.getByRole('button', { name: 'Generate risk management plan' });
    await generate.click();
    const warning = page.getByText('Check the columns first');
    await warning.waitFor();
    await expect(page.getByText(/Risk \/ finding: column [A-Z]+ .* holds ratings, not risk descriptions/).isVisible()).resolves.toBe(true);
    expect(await gap(page, generate, warning)).toBeLessThan(80);
    expect(await page.getByText(/written to sheet/).count()).toBe(0);
    await checkStep(page, 'Generate step asking for confirmation');
    await shot(page, 'generate-confirm');
    await page.getByRole('button', { name: 'Generate anyway' }).click();
    await page.getByText(/Risk management plan written to sheet/).waitFor({ timeout: 60000 });
    await context.close();
  });

  it('saves a tier chosen in the Review step in the file (it survives a re-open) and uses the facts the title rows state', async () => {
    const source = await bytesOf(titleFactsRegister());
    const { context, page, pageErrors } = await openPane(h, 320);
    await chooseFile(page, 'Harbor Register.xlsx', source);
    await waitForWorkbookStep(page);

    await goTo(page, 'Review');
    await page.getByRole('heading', { name: 'Choose a tier for 3 risks' }).waitFor();
    const group = page.getByRole('group', { name: /^Tier for HP-02 / });
    const guess = group.getByRole('button').first();
    await expect(guess.innerText()).resolves.toMatch(/\(best guess\)$/);
    await expect(guess.getAttribute('aria-pressed')).resolves.toBe('false');
    await checkStep(page, 'Review step with tier choices');
    await group.getByRole('button', { name: /^Vendor conversations/ }).click();
    await page.getByRole('heading', { name: 'Choose a tier for 2 risks' }).waitFor({ timeout: 30000 });
    await expect(group.getByRole('button', { name: 'Vendor conversations', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.getByText('Your choice: Vendor conversations.').waitFor();
    await checkStep(page, 'Review step after a tier choice');
    await group.scrollIntoViewIfNeeded();
    await shot(page, 'review-tiers');

    await goTo(page, 'Generate');
    await expect(page.getByLabel('Practice name').inputValue()).resolves.toBe('Harbor Pediatrics');
    await expect(page.getByLabel('Risk analysis date').inputValue()).resolves.toBe('2026-01-12');
    await expect(page.getByLabel('Risk analysis conducted by').inputValue()).resolves.toBe('Jane Ortiz (Privacy Officer)');
    await page.getByText("Found in the workbook ('Risk Register'!A1); edit it to use another value.").waitFor();
    const missing = await page.locator('#riskplan-missing-plan').innerText();
    expect(missing).not.toMatch(/Practice name|Risk analysis date|Risk analysis conducted by/);
    await page.getByRole('button', { name: 'Generate risk management plan' }).click();
    await page.getByText(/Risk management plan written to sheet/).waitFor({ timeout: 60000 });
    await checkStep(page, 'Generate step with facts from the workbook');
    await shot(page, 'generate-found');
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Download workbook' }).click(),
    ]);
    const downloaded = readFileSync(await file.path());

    // The plan prints the chosen tier and the harvested practice name.
    const result = await loadBook(downloaded);
    const plan = result.worksheets.find((ws) => String(ws.getCell(MARKER_ADDRESS).value ?? '').includes('plan'))!;
    const planText = Object.values(sheetValues(plan)).join('\n');
    expect(planText).toContain('Vendor conversations (your choice)');
    expect(planText).toContain('Harbor Pediatrics');
    expect(planText).not.toContain('MISSING: practice name');

    // Re-opened, the downloaded file still has the choice: pressed, with an undo.
    await chooseFile(page, 'Harbor Register-riskplan.xlsx', downloaded);
    await page
      .getByText(/Working on/)
      .filter({ hasText: 'Harbor Register-riskplan.xlsx' })
      .waitFor({ timeout: 60000 });
    await goTo(page, 'Review');
    const again = page.getByRole('group', { name: /^Tier for HP-02 / });
    await expect(again.getByRole('button', { name: 'Vendor conversations', exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    expect(await page.getByRole('button', { name: /^Undo your tier for HP-02/ }).isVisible()).toBe(true);
    await page.getByRole('heading', { name: 'Choose a tier for 2 risks' }).waitFor();
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('drives a CAP-only workbook to a downloaded progress report', async () => {
    const { context, page, pageErrors } = await openPane(h, 320);
    await chooseFile(page, 'Riverside CAP.xlsx', await bytesOf(FIXTURES.ocrCapTracker()));
    await waitForWorkbookStep(page);
    await page.getByText('A corrective action plan, no risk register').waitFor();
    await expect(page.getByRole('heading', { name: 'Corrective action plan', exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByText('No risk register found').count()).toBe(0);
    await checkStep(page, 'CAP-only Workbook step');
    await shot(page, 'workbook-cap-only');
    await goTo(page, 'Review');
    await page.getByRole('heading', { name: /things an investigator would flag|Nothing an investigator/ }).waitFor();
    await expect(page.getByText(/^\d+ in all, \d+ completed/).innerText()).resolves.toMatch(/^6 in all/);
    await page.getByRole('button', { name: 'Highlight gaps' }).click();
    await page.getByText(/Added \d+ highlight rule/).waitFor({ timeout: 30000 });
    await checkStep(page, 'CAP-only Review step');
    await goTo(page, 'Generate');
    const plan = page.getByRole('button', { name: 'Generate risk management plan' });
    expect(await plan.getAttribute('aria-disabled')).toBe('true');
    await expect(page.locator('#riskplan-why-plan').innerText()).resolves.toMatch(/Needs a risk register/);
    await page.getByLabel('Practice name').fill('Riverside Pediatrics');
    await page.getByRole('button', { name: 'Generate progress report' }).click();
    await page.getByText(/Progress report written to sheet/).waitFor({ timeout: 60000 });
    await checkStep(page, 'CAP-only Generate step');
    await shot(page, 'generate-cap-only');
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Download workbook' }).click(),
    ]);
    const result = await loadBook(readFileSync(await file.path()));
    await context.close();
    expect(markers(result)).toEqual([expect.stringContaining('progress')]);
    expect(pageErrors).toEqual([]);
  });

  it('gives a CSV and an empty file their own advice, naming the file', async () => {
    const { context, page } = await openPane(h, 320);
    await chooseFile(page, 'register.csv', Buffer.from('Risk,Owner\nLaptops,IT\n'));
    await page.getByText('“register.csv” is a CSV file, not a workbook').waitFor();
    await chooseFile(page, 'Empty.xlsx', Buffer.alloc(0));
    await page.getByText('“Empty.xlsx” is empty').waitFor();
    await chooseFile(page, 'Notes.xlsx', Buffer.from('not a zip at all'));
    await page.getByText('“Notes.xlsx” could not be opened').waitFor({ timeout: 30000 });
    await checkStep(page, 'first screen with an error');
    await context.close();
  });
});
