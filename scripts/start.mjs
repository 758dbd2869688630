#!/usr/bin/env node
/**
 * `npm start`: everything a developer needs to try Risk Plan in Excel.
 *
 *  1. builds the headless runner (dist/cli.js), so `npx riskplan` works next to the pane;
 *  2. makes sure there is an https certificate for localhost (office-addin-dev-certs), without ever failing:
 *     if the CA cannot be trusted automatically, it says how to do it, and the dev server still starts;
 *  3. starts `webpack serve` on https://localhost:3000 and, once the first build is done, prints how to
 *     sideload the add-in on each platform and the address of the standalone (file mode) page.
 *
 * No usage data: it first runs `office-addin-usage-data off` (the tooling's documented switch), then uses
 * office-addin-dev-certs' functions in-process; no other office-addin CLI is called.
 *
 * Flags: --skip-cli (do not build the runner), --no-certs (skip the certificate step), --print-only (print
 * the instructions and exit; used by the tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BASE_URL = 'https://localhost:3000/';
const require = createRequire(import.meta.url);

/** Switches the office-addin tooling's usage data off before any of it runs; never fails the start. */
function usageDataOff() {
  try {
    const cli = require.resolve('office-addin-usage-data/lib/cli.js');
    spawnSync(process.execPath, [cli, 'off'], { stdio: 'ignore', timeout: 15_000 });
  } catch {
    // Not installed or moved: nothing of it can report either.
  }
}

const CERT_DIR = join(homedir(), '.office-addin-dev-certs');
const CERT_FILES = ['ca.crt', 'localhost.crt', 'localhost.key'].map((name) => join(CERT_DIR, name));

/** The instructions printed once the dev server is up. Pure, so it reads the same in the tests. */
export function startInstructions(baseUrl = BASE_URL) {
  const manifest = join(ROOT, 'manifest.xml');
  return [
    '',
    '  Risk Plan dev server is running.',
    '',
    `  Task pane:   ${baseUrl}taskpane.html`,
    `  File mode:   open ${baseUrl}taskpane.html in a browser (outside Excel it works on an .xlsx you choose).`,
    `  Manifest:    ${manifest}`,
    '',
    '  Sideload the add-in (then Home > Risk Plan):',
    '  - Excel for Windows: run `npx office-addin-debugging start manifest.xml`, or share a folder that holds',
    '    manifest.xml, add it under File > Options > Trust Center > Trust Center Settings > Trusted Add-in',
    '    Catalogs (check "Show in Menu"), restart Excel, then Home > Add-ins > Advanced > Shared Folder.',
    '  - Excel for Mac: copy manifest.xml to',
    '    ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create the folder), restart Excel,',
    '    then Home > Add-ins and pick Risk Plan under Developer Add-ins.',
    '  - Excel on the web: Home > Add-ins > More Settings > Upload My Add-in > Browse > manifest.xml > Upload.',
    '',
    '  The browser must trust the localhost certificate: if Excel shows a blank pane or a certificate error,',
    '  run `npx office-addin-dev-certs install` once (it asks for your password on Mac and Linux).',
    '  Stop the server with Ctrl+C.',
    '',
  ].join('\n');
}

function log(message) {
  console.log(`[start] ${message}`);
}

function buildCli() {
  const script = join(ROOT, 'scripts', 'build-cli.mjs');
  if (!existsSync(script)) {
    log('scripts/build-cli.mjs not found; skipping the runner build.');
    return;
  }
  const result = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) log('The runner (dist/cli.js) did not build; the task pane does not need it, continuing.');
}

function certificateExpired(path) {
  try {
    return new Date(new X509Certificate(readFileSync(path)).validTo).getTime() < Date.now() + 24 * 3600 * 1000;
  } catch {
    return true; // unreadable counts as unusable
  }
}

/** Best effort, never throws: generate missing or expired certificates; trust the CA where that needs no password. */
async function ensureDevCertificates() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    log('office-addin-dev-certs is not installed; the dev server uses its own self-signed certificate.');
    return;
  }
  try {
    if (CERT_FILES.every(existsSync) && devCerts.verifyCertificates()) {
      log(`Using the trusted localhost certificate in ${CERT_DIR}.`);
      return;
    }
  } catch {
    // The platform check script could not run; fall through to generating files.
  }
  try {
    const stale = CERT_FILES.some((file) => !existsSync(file)) || certificateExpired(join(CERT_DIR, 'localhost.crt'));
    if (stale) {
      for (const file of CERT_FILES) rmSync(file, { force: true });
      await devCerts.generateCertificates();
    }
  } catch (err) {
    log(`Could not create a localhost certificate (${err instanceof Error ? err.message : err}); using a self-signed one.`);
    return;
  }
  if (process.platform === 'win32') {
    // Current-user store: Windows asks for confirmation in a dialog, no administrator rights needed.
    try {
      await devCerts.installCaCertificate();
      return;
    } catch {
      // fall through to the advice below
    }
  }
  log('The localhost certificate is not trusted yet. To trust it, run: npx office-addin-dev-certs install');
}

function startDevServer() {
  const webpackCli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let announced = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!announced && /compiled (successfully|with)/.test(chunk.toString())) {
      announced = true;
      console.log(startInstructions());
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function main(args) {
  if (args.includes('--print-only')) {
    console.log(startInstructions());
    return;
  }
  usageDataOff();
  if (!args.includes('--skip-cli')) buildCli();
  if (!args.includes('--no-certs')) await ensureDevCertificates();
  startDevServer();
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`[start] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
