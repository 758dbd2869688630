/**
 * The workbooks of test/fixtures/realLayouts.ts (one per failure class of issue 14) through real .xlsx
 * bytes, the reader and the analysis: sheet, header rows, rows, count, role -> column, completed and
 * overdue items, and the issues that must be told. Then the CAP-only workbook through `generate`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openXlsx } from '../src/adapters/xlsx';
import { loadWorkbook, type WorkbookState } from '../src/app/workflow';
import { buildAnalysisJson } from '../src/cli/json';
import { generateFile, InputError } from '../src/cli/run';
import type { GenerateArgs } from '../src/cli/args';
import type { IsoDate } from '../src/core/dates';
import type { TableRead } from '../src/core/model';
import {
  FEDRAMP_COLUMNS,
  fedrampPoam,
  REAL_AS_OF,
  REAL_LAYOUT_EXPECTED,
  REAL_LAYOUTS,
  type ExpectedLayoutTable,
} from './fixtures/realLayouts';

const AS_OF = REAL_AS_OF as IsoDate;

async function bytesOf(name: string): Promise<Uint8Array> {
  return new Uint8Array((await REAL_LAYOUTS[name]().xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(name: string): Promise<WorkbookState> {
  return loadWorkbook(await openXlsx(await bytesOf(name)), { asOf: AS_OF });
}

function placeOf(t: TableRead): ExpectedLayoutTable {
  const columns: Record<string, string> = {};
  for (const [role, m] of Object.entries(t.columns)) if (m) columns[role] = m.letter;
  return { sheet: t.sheet, headerRows: t.headerRows, firstRow: t.firstRow, lastRow: t.lastRow, entries: t.entries.length, columns };
}

describe('workbooks shaped like real ones read as expected', () => {
  it("every layout has an expected read; the POA&M has the template's 31 columns", () => {
    expect(Object.keys(REAL_LAYOUT_EXPECTED).sort()).toEqual(Object.keys(REAL_LAYOUTS).sort());
    expect(FEDRAMP_COLUMNS).toHaveLength(31);
  });

  it.each(Object.keys(REAL_LAYOUTS))('%s', async (name) => {
    const want = REAL_LAYOUT_EXPECTED[name];
    const state = await load(name);
    const { read } = state;
    expect(read.register ? placeOf(read.register) : null).toEqual(want.register);
    expect(read.caps.map(placeOf)).toEqual(want.caps);
    const json = buildAnalysisJson(`${name}.xlsx`, state);
    const items = json.cap?.items ?? [];
    if (want.completed)
      expect(
        items
          .filter((i) => i.completed)
          .map((i) => i.id)
          .sort(),
      ).toEqual([...want.completed].sort());
    if (want.overdue)
      expect(
        items
          .filter((i) => i.findings.includes('overdue'))
          .map((i) => i.id)
          .sort(),
      ).toEqual([...want.overdue].sort());
    const told = [
      ...read.issues.map((i) => i.message),
      ...(read.register?.ambiguities ?? []),
      ...read.caps.flatMap((c) => c.ambiguities),
    ].join('\n');
    for (const words of want.issueMentions ?? []) expect(told).toContain(words);
  });
});

describe('what the values decide', () => {
  it('says why a header was not believed, and marks the values-settled pick "please check"', async () => {
    const { read } = await load('misleadingHeaders');
    const t = read.register!;
    expect(t.ambiguities.join(' ')).toMatch(
      /Column F \("Action"\) looks like the corrective action by its header, but its values are money amounts/,
    );
    expect(t.ambiguities.join(' ')).toMatch(/Column E \("Treatment"\) .* treatment decisions/);
    expect(t.columns.level?.check).toMatch(/values look like the risk level/);
    expect(t.columns.risk?.check).toBeUndefined();
  });

  it('an ID column found by its values (short codes, all different) is marked for checking', async () => {
    const { read } = await load('idColumns');
    expect(read.register!.columns.id).toMatchObject({ letter: 'A', check: expect.stringContaining('short codes') });
  });

  it('reads the updated completion date when it holds one, else the initial; "Ongoing" and "30 Days" are no dates', async () => {
    const { read } = await load('remediationTracker');
    const due = Object.fromEntries(read.caps[0].entries.map((e) => [e.id, e.dueDate?.iso ?? e.dueDate?.text ?? null]));
    expect(due).toEqual({
      'CAP-01': '2026-06-30',
      'CAP-02': '2026-02-28',
      'CAP-03': 'Ongoing',
      'CAP-04': '2026-05-01',
      'CAP-05': '2026-04-30',
      'CAP-06': '2027-01-15',
      'CAP-07': '30 Days',
    });
    const status = Object.fromEntries(read.caps[0].entries.map((e) => [e.id, e.status]));
    expect(status).toMatchObject({ 'CAP-01': 'Deferred', 'CAP-02': 'Open', 'CAP-04': 'Accepted' });
  });

  it('closed-tab items are completed without a status column, and with evidence but no verifier they are not verified', async () => {
    const state = await load('fedrampPoam');
    const json = buildAnalysisJson('poam.xlsx', state);
    const closed = json.cap!.items.filter((i) => i.sheet === 'Closed POA&M Items');
    expect(closed.map((i) => [i.id, i.completed, i.verified])).toEqual([
      ['HHC-2025-014', true, false],
      ['HHC-2025-017', true, false],
    ]);
    for (const i of closed) expect(i.findings).toContain('missing-verification');
    expect(json.findings.some((f) => f.kind === 'missing-verification' && f.sheet === 'Closed POA&M Items')).toBe(true);
  });
});

describe('a CAP-only workbook through generate', () => {
  const args = (over: Partial<GenerateArgs>): GenerateArgs =>
    ({
      command: 'generate',
      inputs: [],
      output: null,
      practice: null,
      highlights: true,
      plan: true,
      progress: true,
      keepPrevious: false,
      inPlace: false,
      asOf: AS_OF,
      matrix: null,
      json: false,
      ...over,
    }) as unknown as GenerateArgs;
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riskplan-caponly-'));
    input = path.join(dir, 'poam.xlsx');
    fs.writeFileSync(input, new Uint8Array((await fedrampPoam().xlsx.writeBuffer()) as ArrayBuffer));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gets its highlights and the CAP Progress Report; the plan is skipped with a note', async () => {
    const out = path.join(dir, 'out.xlsx');
    const { outcome } = await generateFile(input, out, args({}), AS_OF);
    expect(outcome.sheets).toEqual(['CAP Progress Report']);
    expect(outcome.highlighted).toBeGreaterThan(0);
    expect(outcome.notes.join(' ')).toMatch(/No risk register was found, so no Risk Management Plan was written/);
    const port = await openXlsx(fs.readFileSync(out));
    expect((await port.listSheets()).filter((s) => s.marker).map((s) => s.name)).toEqual(['CAP Progress Report']);
  });

  it('the plan alone still needs a register', async () => {
    await expect(generateFile(input, path.join(dir, 'plan.xlsx'), args({ progress: false }), AS_OF)).rejects.toThrow(InputError);
    expect(fs.existsSync(path.join(dir, 'plan.xlsx'))).toBe(false);
  });
});
