/**
 * Bad input through the file adapter, each just past its limit: zip bombs that lie about their
 * size, a sheet whose two cells are 17 billion cells apart, 20,000 merges, other producers' part
 * names. Each ends fast, with one plain sentence or a correct result.
 */
import { cellAt } from '../../core/grid';
import { openXlsx, WorkbookOpenError } from './index';
import { MAX_READ_BYTES } from './open';
import { readZipEntries } from './zip';
import { bombDeflate, buildPackage, rawEntry } from './testPackage';

const MB = 1024 * 1024;
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
const SHEET_TAIL = '</t></is></c></row></sheetData></worksheet>';

/**
 * CPU time (all threads of this process) since `from`, in ms. The limits below are about work done,
 * and on a shared machine wall time also counts the other processes' turns.
 */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

async function openAndRead(bytes: Uint8Array): Promise<unknown> {
  try {
    const port = await openXlsx(bytes);
    await port.listSheets();
    return await port.readGrids();
  } catch (error) {
    return error;
  }
}

describe('zip bombs: the real inflated bytes are counted, not the declared sizes', () => {
  // Just past the budget: 8 MB more than the reader accepts, declared as 1 KB.
  const repeat = MAX_READ_BYTES / MB + 8;

  it('a sheet part (named with a leading "/") that declares 1 KB and inflates past the budget: one sentence within 2 s', async () => {
    const bomb = bombDeflate(SHEET_HEAD, 0x41, MB, repeat, SHEET_TAIL);
    const bytes = await buildPackage([{ name: 'Register', part: 'xl/worksheets/sheet1.xml', body: '<sheetData/>' }], {});
    // Replace the real sheet with the bomb under the same name, spelled with a leading "/".
    const entries = readZipEntries(bytes).filter((e) => e.name !== 'xl/worksheets/sheet1.xml');
    const withBomb = await buildPackageFrom(entries, [rawEntry('/xl/worksheets/sheet1.xml', bomb, 1024)]);
    const start = process.cpuUsage();
    const err = await openAndRead(withBomb);
    const elapsed = cpuSince(start);
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as WorkbookOpenError).reason).toBe('too-large');
    expect((err as WorkbookOpenError).message).toMatch(/^This workbook is too large to read[^\n]*\.$/);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('data hidden in sharedStrings is counted too', async () => {
    const bomb = bombDeflate(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
      0x42,
      MB,
      repeat,
      '</t></si></sst>',
    );
    const bytes = await buildPackage(
      [
        {
          name: 'Register',
          part: 'xl/worksheets/sheet1.xml',
          body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
        },
      ],
      {
        sharedStrings: ['x'],
      },
    );
    const entries = readZipEntries(bytes).filter((e) => e.name !== 'xl/sharedStrings.xml');
    const err = await openAndRead(await buildPackageFrom(entries, [rawEntry('xl/sharedStrings.xml', bomb, 10)]));
    expect((err as WorkbookOpenError).reason).toBe('too-large');
  });

  it('a bomb in a part nobody reads is never inflated: the workbook opens, and the part is copied as it was', async () => {
    const bomb = bombDeflate('', 0, MB, 1024, ''); // 1 GB of zeros
    const bytes = await buildPackage(
      [
        {
          name: 'Register',
          part: 'xl/worksheets/sheet1.xml',
          body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Risk</t></is></c></row></sheetData>',
        },
      ],
      {
        raw: [rawEntry('xl/media/unused.bin', bomb, 2 ** 30)],
      },
    );
    const start = process.cpuUsage();
    const port = await openXlsx(bytes);
    expect((await port.readGrids())[0].values).toEqual([['Risk']]);
    await port.writeStore('{}');
    const saved = await port.save();
    expect(cpuSince(start)).toBeLessThan(2_000);
    const copied = readZipEntries(saved).find((e) => e.name === 'xl/media/unused.bin')!;
    expect(Buffer.from(copied.raw).equals(Buffer.from(bomb))).toBe(true);
  });

  it('a sheet that declares more than the budget is refused before inflating anything', async () => {
    const bytes = await buildPackage([{ name: 'Register', part: 'xl/worksheets/sheet1.xml', body: '<sheetData/>' }]);
    const entries = readZipEntries(bytes).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { ...e, declaredSize: MAX_READ_BYTES + 1 } : e,
    );
    const err = await openAndRead(await buildPackageFrom(entries, []));
    expect((err as WorkbookOpenError).reason).toBe('too-large');
  });
});

/** The same entries written again (copied as they are), plus raw ones. */
async function buildPackageFrom(entries: ReturnType<typeof readZipEntries>, raw: ReturnType<typeof rawEntry>[]): Promise<Uint8Array> {
  const { writeZip } = await import('./zip');
  const { defaultCodec } = await import('./codec');
  return writeZip(
    [...entries, ...raw].map((entry) => ({ kind: 'copy' as const, entry })),
    defaultCodec(),
    new Date(),
  );
}

describe('a grid is as big as its real cells', () => {
  it('A1 and XFD1048576: two cells, not 17 billion, in well under a second', async () => {
    const bytes = await buildPackage([
      {
        name: 'Sparse',
        part: 'xl/worksheets/sheet1.xml',
        body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>',
      },
    ]);
    const start = process.cpuUsage();
    const [grid] = await (await openXlsx(bytes)).readGrids();
    expect(cpuSince(start)).toBeLessThan(1_000);
    expect(cellAt(grid, 0, 0)).toBe('first');
    expect(cellAt(grid, 1_048_575, 16_383)).toBe(2);
    expect(cellAt(grid, 500_000, 500)).toBeNull();
    expect(grid.values).toHaveLength(1_048_576);
    const slots = grid.values.reduce((n, row) => n + row.length, 0);
    expect(slots).toBeLessThanOrEqual(1 + 16_384);
  });

  it('20,000 merged ranges load in well under a second, their covered cells blank', async () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 20_000; r++) {
      rows.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>R-${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>covered</t></is></c><c r="C${r}"><v>${r}</v></c></row>`,
      );
      merges.push(`<mergeCell ref="A${r}:B${r}"/>`);
    }
    const bytes = await buildPackage([
      {
        name: 'Merged',
        part: 'xl/worksheets/sheet1.xml',
        body: `<sheetData>${rows.join('')}</sheetData><mergeCells count="20000">${merges.join('')}</mergeCells>`,
      },
    ]);
    const port = await openXlsx(bytes);
    const start = process.cpuUsage();
    const [grid] = await port.readGrids();
    expect(cpuSince(start)).toBeLessThan(1_000);
    expect(grid.merges).toHaveLength(20_000);
    expect(grid.values[19_999]).toEqual(['R-20000', null, 20_000]);
  });
});

describe('other producers', () => {
  it('reads sheets whose parts are not named sheetN.xml, with a namespace prefix on every element', async () => {
    const bytes = await buildPackage([
      {
        name: 'Register',
        part: 'xl/sheets/Risk Register data.xml',
        body: '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Risk ID</x:t></x:is></x:c></x:row></x:sheetData>',
      },
    ]);
    const port = await openXlsx(bytes);
    expect((await port.readGrids())[0].values).toEqual([['Risk ID']]);
    await port.writeStore('{}');
    const saved = await openXlsx(await port.save());
    expect((await saved.readGrids())[0].values).toEqual([['Risk ID']]);
  });
});
