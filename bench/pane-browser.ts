/**
 * The task pane in a real browser: runs the browser perf test (test/browser/perf.test.ts: a
 * 10,000-row workbook opened, planned and downloaded in headless Chromium, plus what copying a
 * 50,000-row grid to a worker costs) and prints its figures. Skipped where Chromium is missing.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

export function paneInBrowser(line: (text?: string) => void): void {
  line('## Task pane in headless Chromium (file mode, pipeline in a Web Worker)');
  if (!fs.existsSync(CHROMIUM)) {
    line(`skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);
    line();
    return;
  }
  // `npm run test:browser` builds the pane first; the trailing arguments go to jest.
  const run = spawnSync('npm', ['run', '--silent', 'test:browser', '--', 'test/browser/perf.test.ts'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const start = output.indexOf('pane responsiveness');
  if (run.status !== 0 || start < 0) {
    line(`the browser perf test did not finish (exit ${run.status}); run \`npm run test:browser -- test/browser/perf.test.ts\` to see why`);
  } else {
    // Jest indents what the test logged; the figures end at the first blank line.
    const figures = output.slice(start).split('\n');
    const end = figures.findIndex((l) => l.trim() === '');
    figures.slice(0, end < 0 ? 8 : end).forEach((l, i) => line(i === 0 ? l.trim() : `  ${l.trim()}`));
    line('target: longest frozen period while opening 10,000 rows at most 200 ms -> see "open (best of ...)" above');
  }
  line();
}
