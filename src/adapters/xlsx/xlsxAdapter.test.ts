import ExcelJS from 'exceljs';
import { isoToSerial } from '../../core/dates';
import { MARKER_PREFIX } from '../../core/grid';
import { HIGHLIGHT_MARKER_TERM, type HighlightRule } from '../../core/highlight';
import { STORE_HEADER, STORE_SHEET_NAME, STORE_CHUNK_CHARS } from '../../core/settings';
import type { SheetSpec } from '../../core/sheetSpec';
import { openXlsx, WorkbookOpenError } from './index';
import { buildSourceWorkbook } from './testWorkbook';

async function loadRaw(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function ownRule(sheet: string, ranges: string): HighlightRule {
  return {
    sheet,
    ranges,
    formula: `=AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(A3))`,
    kind: 'missing-owner' as HighlightRule['kind'],
    fill: '#FFF2CC',
    fontColor: '#7F6000',
  };
}

function sampleSpec(): SheetSpec {
  return {
    kind: 'plan',
    name: 'Risk Management Plan',
    marker: `${MARKER_PREFIX}plan:v1`,
    columns: [{ width: 12 }, { width: 30 }, { width: 14 }, { width: 10 }],
    rows: [
      { cells: [{ type: 'text', value: 'Risk Management Plan', style: 'title' }], height: 24 },
      { cells: [] },
      {
        cells: [
          { type: 'text', value: 'ID', style: 'head' },
          { type: 'text', value: 'Risk', style: 'head' },
          { type: 'text', value: 'Due', style: 'head' },
          { type: 'text', value: 'Done', style: 'head' },
        ],
      },
      {
        cells: [
          { type: 'text', value: '=HYPERLINK("http://evil")' },
          { type: 'number', value: 20 },
          { type: 'date', value: '2026-12-31' },
          { type: 'percent', value: 0.25 },
        ],
      },
    ],
    merges: ['A1:D1'],
    styles: {
      title: { bold: true, size: 16, color: '#1F4E79' },
      head: { bold: true, fill: '#D9E1F2', border: 'all', wrap: true, hAlign: 'center', vAlign: 'middle' },
    },
    freezeRows: 3,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: { first: 3, last: 3 },
      area: 'A1:D4',
      footer: { left: 'Acme && Co', center: 'Page &P of &N', right: 'Confidential' },
    },
  };
}

describe('openXlsx: refusing what is not a workbook', () => {
  const cases: [string, Uint8Array, string][] = [
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'not an Excel workbook'],
    ['an empty file', new Uint8Array(), 'not an Excel workbook'],
  ];
  it.each(cases)('%s', async (_label, bytes, words) => {
    await expect(openXlsx(bytes)).rejects.toThrow(words);
  });

  it('names an encrypted (password-protected) workbook', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) bytes[1024 + i * 2] = name.charCodeAt(i);
    const err = await openXlsx(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as WorkbookOpenError).message).toBe('This workbook is password-protected; remove the password in Excel and try again.');
  });

  it('names an old .xls workbook', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(openXlsx(bytes)).rejects.toThrow('old .xls');
  });

  it('refuses a zip that holds no workbook (a renamed .docx)', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<document/>');
    await expect(openXlsx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow('This file is not an Excel workbook (.xlsx).');
  });

  it('calls a truncated workbook damaged', async () => {
    const good = await buildSourceWorkbook();
    const err = await openXlsx(good.slice(0, Math.floor(good.length / 2))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as WorkbookOpenError).reason).toBe('corrupt');
  });
});

describe('readGrids presents what Office.js would', () => {
  let grids: Awaited<ReturnType<Awaited<ReturnType<typeof openXlsx>>['readGrids']>>;
  beforeAll(async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    grids = await port.readGrids();
  });
  const sheet = (name: string) => grids.find((g) => g.name === name)!;

  it('lists every sheet with its position and visibility', () => {
    expect(grids.map((g) => [g.name, g.index, g.visibility])).toEqual([
      ['Risk Register', 0, 'visible'],
      ['CAP', 1, 'visible'],
      ['Lookups', 2, 'hidden'],
      ['Empty', 3, 'visible'],
    ]);
  });

  it("reads a sheet again after its cells went to the caller: the same grid, untouched by the caller's edits", async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    const first = await port.readGrids(['Risk Register']);
    const copy = JSON.parse(JSON.stringify(first)) as typeof first;
    first[0].values[1][0] = 'edited by the caller';
    expect((await port.listSheets()).map((s) => s.name)).toContain('Risk Register');
    const again = await port.readGrids(['Risk Register']);
    expect(JSON.parse(JSON.stringify(again))).toEqual(copy);
    expect(again[0].values).not.toBe(first[0].values);
  });

  it('trims the used range to cells with values, not formatting', () => {
    const g = sheet('Risk Register');
    expect([g.top, g.left]).toEqual([0, 0]);
    expect(g.values.length).toBe(5); // rows 1..5
    expect(g.values[0].length).toBe(9); // A..I
    expect(g.formulas?.length).toBe(5);
  });

  it('blanks merged cells other than the top-left and lists the merge', () => {
    const g = sheet('Risk Register');
    expect(g.values[0].slice(0, 4)).toEqual(['Acme Dental risk register', null, null, null]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });

  it('gives dates as serial numbers, rich text and links as text, errors as strings', () => {
    const g = sheet('Risk Register');
    expect(g.values[2][5]).toBe(isoToSerial('2026-10-01'));
    expect(g.values[2][1]).toBe('Unencrypted laptops');
    expect(g.values[2][6]).toBe('Policy');
    expect(g.values[3][6]).toBe('#DIV/0!');
    expect(g.values[4][7]).toBe('=not a formula');
    expect(g.formulas?.[4][7]).toBeNull();
  });

  it('gives formula results as values and the formula text, shared formulas resolved', () => {
    const g = sheet('Risk Register');
    expect(g.values.map((r) => r[4])).toEqual([null, 'Score', 20, 9, 20]);
    expect(g.formulas?.map((r) => r[4])).toEqual([null, null, '=C3*D3', '=C4*D4', '=C5*D5']);
    expect(g.values[4][6]).toBeNull(); // no cached result
    expect(g.formulas?.[4][6]).toBe('=SUM(C3:C5)');
    // Newer functions read as Excel shows them, without the file's _xlfn. prefix.
    expect(g.values[2][8]).toBe('High');
    expect(g.formulas?.[2][8]).toBe('=IFS(C3>3,"High",TRUE,"Low")');
  });

  it('reads a used range that does not start at A1, tables and protection', () => {
    const g = sheet('CAP');
    expect([g.top, g.left]).toEqual([3, 1]);
    expect(g.values[0]).toEqual([null, 'Header row is not at the top', null]);
    expect(g.values[2]).toEqual(['Item', 'Status', 'Due']);
    expect(g.tables).toEqual([
      { name: 'CapItems', range: { top: 5, left: 1, bottom: 7, right: 3 }, hasHeaderRow: true, columnNames: ['Item', 'Status', 'Due'] },
    ]);
    expect(g.protected).toBe(true);
    expect(sheet('Risk Register').protected).toBe(false);
  });

  it('gives an empty sheet an empty grid', () => {
    expect(sheet('Empty').values).toEqual([]);
  });
});

describe('round trip through save()', () => {
  it('keeps source values, formulas, merges, tables and the user conditional format', async () => {
    const source = await buildSourceWorkbook();
    const port = await openXlsx(source);
    const before = await port.readGrids();
    await port.writeStore('{"practiceName":"Acme"}');
    await port.writeSheet(sampleSpec(), { remove: null, rename: null, name: 'Risk Management Plan' });
    await port.applyHighlights([ownRule('Risk Register', 'B3:B5')]);
    const reopened = await openXlsx(await port.save());
    const after = await reopened.readGrids(before.map((g) => g.name));
    expect(after).toEqual(before);

    const raw = await loadRaw(await reopened.save());
    const cfs = (
      raw.getWorksheet('Risk Register') as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cfs.map((cf) => [cf.ref, cf.rules[0].formulae[0]])).toEqual([
      ['E3:E5', 'E3>=20'],
      ['B3:B5', `AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(A3))`],
    ]);
    expect(raw.getWorksheet('Risk Register')!.getColumn(2).width).toBe(40);
    expect(raw.getWorksheet('Risk Register')!.getCell('A1').font.bold).toBe(true);
  });
});

describe('settings store', () => {
  it('is absent on a fresh workbook and round-trips long JSON in chunks in a very hidden sheet', async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    expect(await port.readStore()).toBeNull();
    const json = JSON.stringify({ approach: 'x'.repeat(STORE_CHUNK_CHARS + 10) });
    await port.writeStore(json);
    await port.writeStore(json); // rewriting replaces, never duplicates
    const reopened = await openXlsx(await port.save());
    expect(await reopened.readStore()).toBe(json);
    const sheets = await reopened.listSheets();
    expect(sheets.filter((s) => s.name === STORE_SHEET_NAME).map((s) => s.visibility)).toEqual(['veryHidden']);
    expect((await reopened.readGrids()).map((g) => g.name)).not.toContain(STORE_SHEET_NAME);
    const raw = await loadRaw(await reopened.save());
    expect(raw.getWorksheet(STORE_SHEET_NAME)!.getCell('A1').value).toBe(STORE_HEADER);
    // A shorter JSON leaves no stale chunk behind, and the store keeps its tab position.
    const position = (await reopened.listSheets()).findIndex((s) => s.name === STORE_SHEET_NAME);
    await reopened.writeStore('{"practiceName":"B"}');
    expect(await reopened.readStore()).toBe('{"practiceName":"B"}');
    expect((await reopened.listSheets()).findIndex((s) => s.name === STORE_SHEET_NAME)).toBe(position);
  });
});

describe('writeSheet', () => {
  it('renders cells by type, styles, merges, freeze panes, print setup and the hidden marker', async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    await port.writeSheet(sampleSpec(), { remove: null, rename: null, name: 'Risk Management Plan' });
    const raw = await loadRaw(await port.save());
    const ws = raw.getWorksheet('Risk Management Plan')!;
    expect(raw.worksheets[raw.worksheets.length - 1].name).toBe('Risk Management Plan');
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://evil")'); // text, never a formula
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').numFmt).toBe('@');
    expect(ws.getCell('B4').value).toBe(20);
    expect((ws.getCell('C4').value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(ws.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D4').numFmt).toBe('0%');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, color: { argb: 'FF1F4E79' } });
    expect(ws.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws.getCell('A3').alignment).toMatchObject({ wrapText: true, horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('A3').border.top?.style).toBe('thin');
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).height).toBe(24);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(['A1:D1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:D4',
      printTitlesRow: '3:3',
    });
    expect(ws.headerFooter.oddFooter).toBe('&LAcme && Co&CPage &P of &N&RConfidential');
    expect(ws.getCell('Z1').value).toBe(`${MARKER_PREFIX}plan:v1`);
    expect(ws.getColumn(26).hidden).toBe(true);
    const info = (await port.listSheets()).find((s) => s.name === 'Risk Management Plan');
    expect(info?.marker).toBe(`${MARKER_PREFIX}plan:v1`);
  });

  it('removes or renames our previous sheet as the placement says', async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    await port.writeSheet(sampleSpec(), { remove: null, rename: null, name: 'Risk Management Plan' });
    await port.writeSheet(sampleSpec(), {
      remove: null,
      rename: { from: 'Risk Management Plan', to: 'Risk Plan 2026-11-01' },
      name: 'Risk Management Plan',
    });
    let names = (await port.listSheets()).map((s) => s.name);
    expect(names.slice(-2)).toEqual(['Risk Plan 2026-11-01', 'Risk Management Plan']);
    await port.writeSheet(sampleSpec(), { remove: 'Risk Management Plan', rename: null, name: 'Risk Management Plan' });
    names = (await openXlsx(await port.save()).then((p) => p.listSheets())).map((s) => s.name);
    expect(names.filter((n) => n === 'Risk Management Plan')).toHaveLength(1);
    expect(names).toContain('Risk Plan 2026-11-01');
  });
});

describe('highlights', () => {
  async function cfFormulas(bytes: Uint8Array, sheet: string): Promise<string[]> {
    const raw = await loadRaw(bytes);
    const cfs = (raw.getWorksheet(sheet) as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] })
      .conditionalFormattings;
    return cfs.flatMap((cf) => cf.rules.map((r) => r.formulae?.[0] ?? ''));
  }

  it('replaces our earlier rules, skips protected sheets, and clear removes only ours', async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    const first = await port.applyHighlights([
      ownRule('Risk Register', 'B3:B5'),
      ownRule('Risk Register', 'A3 A5'),
      ownRule('CAP', 'B7:B8'),
    ]);
    expect(first.applied).toBe(2);
    expect(first.skipped).toEqual([{ sheet: 'CAP', reason: expect.stringContaining('protected') }]);
    const second = await port.applyHighlights([ownRule('Risk Register', 'C3:C5')]);
    expect(second).toEqual({ applied: 1, skipped: [] });
    let reopened = await openXlsx(await port.save());
    const formulas = await cfFormulas(await reopened.save(), 'Risk Register');
    expect(formulas).toEqual(['E3>=20', `AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(A3))`]);

    expect(await reopened.clearHighlights()).toBe(1);
    expect(await reopened.clearHighlights()).toBe(0);
    reopened = await openXlsx(await reopened.save());
    expect(await cfFormulas(await reopened.save(), 'Risk Register')).toEqual(['E3>=20']);
  });

  it("numbers our rules after the user's own, never sharing a priority", async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    await port.applyHighlights([ownRule('Risk Register', 'B3:B5'), ownRule('Risk Register', 'A3:A5')]);
    const raw = await loadRaw(await port.save());
    const cfs = (raw.getWorksheet('Risk Register') as unknown as { conditionalFormattings: { rules: { priority: number }[] }[] })
      .conditionalFormattings;
    expect(cfs.flatMap((cf) => cf.rules.map((r) => r.priority))).toEqual([1, 2, 3]);
  });

  it('never changes cell values or styles', async () => {
    const port = await openXlsx(await buildSourceWorkbook());
    const before = await port.readGrids();
    await port.applyHighlights([ownRule('Risk Register', 'A2:H5')]);
    const raw = await loadRaw(await port.save());
    expect(raw.getWorksheet('Risk Register')!.getCell('A2').font.bold).toBe(true);
    expect(raw.getWorksheet('Risk Register')!.getCell('A3').fill).toBeUndefined();
    expect(await (await openXlsx(await port.save())).readGrids()).toEqual(before);
  });
});

it('reports every capability', async () => {
  const port = await openXlsx(await buildSourceWorkbook());
  expect(port.capabilities()).toEqual({ pageLayout: true, mergedAreas: true, conditionalFormats: true });
  expect(port.host).toBe('file');
});

it('clearing highlights rewrites only the sheets that had ours', async () => {
  const source = await buildSourceWorkbook();
  const port = await openXlsx(source);
  await port.applyHighlights([ownRule('Risk Register', 'B3:B5')]);
  const highlighted = await port.save();
  const reopened = await openXlsx(highlighted);
  expect(await reopened.clearHighlights()).toBe(1);
  const cleared = await reopened.save();
  const { readZipEntries } = await import('./zip');
  const raw = (bytes: Uint8Array) => new Map(readZipEntries(bytes).map((e) => [e.name, Buffer.from(e.raw).toString('base64')]));
  const [a, b] = [raw(highlighted), raw(cleared)];
  const changed = [...a.keys()].filter((name) => a.get(name) !== b.get(name));
  expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
});

it('reads the settings sheet back as the save will write it, before and after the save', async () => {
  const port = await openXlsx(await buildSourceWorkbook());
  await port.writeStore('{"practiceName":"Acme"}');
  const [before] = await port.readGrids([STORE_SHEET_NAME]);
  const [after] = await (await openXlsx(await port.save())).readGrids([STORE_SHEET_NAME]);
  expect(before.values).toEqual([[STORE_HEADER], ['{"practiceName":"Acme"}']]);
  expect(after.values).toEqual(before.values);
  expect(after.visibility).toBe('veryHidden');
});
