/**
 * The Office.js figures of `npm run bench`: round trips (syncs) and the largest request and
 * response of each add-in action, counted by the strict fake Excel (plain code, no jest) over a
 * synthetic register of 1,000 and 50,000 rows. Excel on the web fails any request or response
 * over 5 MB, and every sync is a round trip to Excel, so these are the numbers that matter there.
 */
import { FakeWorkbook, fakeRun, installOfficeStub } from '../test/fakes/excel-fake';
import { createOfficeWorkbookPort } from '../src/adapters/officejs';
import { MEASURED_MARGIN, READ_BYTES_PER_CELL, RESPONSE_BUDGET_BYTES } from '../src/adapters/officejs/readPlan';
import { REQUEST_BUDGET_BYTES } from '../src/adapters/officejs/writePlan';
import { loadWorkbook, highlightGaps, generatePlan, generateProgressReport, type WorkbookState } from '../src/app/workflow';
import { columnLetter } from '../src/core/grid';
import { syntheticRegisterGrid } from '../test/fixtures/synthetic';

const AS_OF = '2026-11-23';
const SIZES = [1_000, 50_000];
const FOUR_MB = 4 * 1024 * 1024;

interface StepFigures {
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  error?: string;
}

type Step = 'analyze' | 'highlight' | 'plan' | 'progress';
const STEPS: { step: Step; label: string }[] = [
  { step: 'analyze', label: 'analyze (listSheets + readStore + readGrids)' },
  { step: 'highlight', label: 'highlight gaps' },
  { step: 'plan', label: 'generate plan' },
  { step: 'progress', label: 'generate progress report' },
];

/** A fake workbook holding the synthetic register at its grid position, merges included. */
function fakeWorkbookWith(rows: number): FakeWorkbook {
  const grid = syntheticRegisterGrid(rows);
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet(grid.name);
  const at = `${columnLetter(grid.left)}${grid.top + 1}`;
  sheet.setValues(at, grid.values);
  sheet.merges.push(...grid.merges);
  return wb;
}

/** Runs every action once on an n-row register and returns the fake's counters for each. */
async function figuresFor(rows: number): Promise<Record<Step, StepFigures>> {
  const wb = fakeWorkbookWith(rows);
  const port = createOfficeWorkbookPort(fakeRun(wb));
  const out = {} as Record<Step, StepFigures>;
  let state: WorkbookState | null = null;

  const measure = async (step: Step, action: () => Promise<unknown>) => {
    wb.resetCounters();
    let error: string | undefined;
    try {
      await action();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    out[step] = { syncs: wb.syncCount, largestRequest: wb.largestRequest, largestResponse: wb.largestResponse, error };
  };

  await measure('analyze', async () => {
    state = await loadWorkbook(port, { asOf: AS_OF });
  });
  const loaded = (): WorkbookState => {
    if (!state) throw new Error('the workbook did not load');
    return state;
  };
  await measure('highlight', () => highlightGaps(port, loaded()));
  await measure('plan', () => generatePlan(port, loaded()));
  await measure('progress', () => generateProgressReport(port, loaded()));
  return out;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

/** Prints the sync-count table for 1,000 and 50,000 rows and whether the counts stay flat. */
export async function officeSyncCounts(line: (s?: string) => void): Promise<void> {
  line('## Office.js round trips (strict fake Excel, synthetic register, 17 columns)');
  const restore = installOfficeStub('1.17');
  try {
    const results: Record<Step, StepFigures>[] = [];
    for (const rows of SIZES) results.push(await figuresFor(rows));

    const header = `${'action'.padEnd(46)}${SIZES.map((n) => `${n.toLocaleString('en-US')} rows: syncs / max request / max response`.padStart(52)).join('')}`;
    line(header);
    for (const { step, label } of STEPS) {
      const cells = results.map((r) => {
        const f = r[step];
        const text = f.error ? `FAILED (${f.error.slice(0, 40)})` : `${f.syncs} / ${mb(f.largestRequest)} / ${mb(f.largestResponse)}`;
        return text.padStart(52);
      });
      line(`${label.padEnd(46)}${cells.join('')}`);
    }

    const [small, large] = results;
    const differing = STEPS.filter(({ step }) => small[step].syncs !== large[step].syncs);
    if (differing.length === 0) line('sync counts for 1,000 and 50,000 rows: EQUAL for every action');
    else {
      line(
        `sync counts for 1,000 and 50,000 rows: NOT EQUAL for ${differing
          .map(({ step }) => `${step} (${small[step].syncs} -> ${large[step].syncs})`)
          .join(', ')}; equal for the others`,
      );
    }
    if (differing.length) {
      line(
        `  why: a read stays at 3 syncs while its cells fit one response of ~${mb(RESPONSE_BUDGET_BYTES)} (first block estimated at ` +
          `${READ_BYTES_PER_CELL} bytes a cell, later ones at the measured size x${MEASURED_MARGIN}), then takes one sync per further block; ` +
          `a sheet write takes one sync per ~${mb(REQUEST_BUDGET_BYTES)} request. Excel on the web fails any request or response over 5 MB.`,
      );
    }
    const all = results.flatMap((r) => STEPS.map(({ step }) => r[step]));
    const maxRequest = Math.max(...all.map((f) => f.largestRequest));
    const maxResponse = Math.max(...all.map((f) => f.largestResponse));
    line(`every request under 4 MB: ${maxRequest < FOUR_MB ? 'YES' : 'NO'} (largest ${mb(maxRequest)})`);
    line(`every response under 5 MB: ${maxResponse < 5 * 2 ** 20 ? 'YES' : 'NO'} (largest ${mb(maxResponse)})`);
    const failed = all.filter((f) => f.error);
    if (failed.length) line(`actions that FAILED: ${failed.length} (see the table)`);
  } finally {
    restore();
  }
  line();
}
