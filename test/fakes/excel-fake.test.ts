/** The fake must catch the bugs office-addin-mock lets through; these tests prove it can fail. */
import { FakeOfficeError, FakeWorkbook, fakeRun, installOfficeStub } from './excel-fake';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
const runOn = (wb: FakeWorkbook) => fakeRun(wb) as unknown as Run;

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.17');
});
afterEach(() => restore());

/** A deliberately buggy helper: reads sheet names without loading them. */
async function buggySheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items');
  await context.sync();
  const first = context.workbook.worksheets.getItem('Register');
  return [first.name]; // never loaded
}

describe('excel fake', () => {
  it('throws PropertyNotLoaded when a property is read before load + sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    await expect(runOn(wb)(buggySheetNames)).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(
      runOn(wb)(async (context) => {
        const range = context.workbook.worksheets.getItem('Register').getRange('A1').load('values');
        return range.values; // loaded but not synced yet
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
  });

  it('reads loaded properties after sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register').setValues('A1', [['ID', 7]]);
    const values = await runOn(wb)(async (context) => {
      const range = context.workbook.worksheets.getItem('Register').getRange('A1:B1').load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([['ID', 7]]);
    expect(wb.syncCount).toBe(1);
  });

  it('applies writes only at sync, and counts the implicit final sync of run', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Register');
    await runOn(wb)(async (context) => {
      context.workbook.worksheets.getItem('Register').getRange('A1').values = [['x']];
      expect(sheet.value('A1')).toBe('');
    });
    expect(sheet.value('A1')).toBe('x');
    expect(wb.syncCount).toBe(1);
  });

  it('has no catch-all: a misspelt method is a TypeError', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    await expect(
      runOn(wb)(async (context) => {
        const ws = context.workbook.worksheets.getItem('Register') as unknown as { getUsedRangeOrNull(): unknown };
        ws.getUsedRangeOrNull();
      }),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('rejects a misspelt load path at sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Register');
    await expect(
      runOn(wb)(async (context) => {
        context.workbook.worksheets.load('items/nmae');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotFound' });
  });

  it('turns "=..." written to a General cell into a formula, but keeps it as text in an "@" cell', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('S');
    await runOn(wb)(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [['=HYPERLINK("x")']];
      const b = ws.getRange('B1');
      b.numberFormat = [['@']];
      b.values = [['=HYPERLINK("x")']];
      await context.sync();
    });
    expect(sheet.cell('A1')).toMatchObject({ formula: '=HYPERLINK("x")' });
    expect(sheet.cell('B1')).toMatchObject({ value: '=HYPERLINK("x")', writtenAsText: true });
    expect(sheet.cell('B1')?.formula).toBeUndefined();
  });

  it('rejects a request over 5 MB like Excel on the web', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    await expect(
      runOn(wb)(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A60000').values = Array.from({ length: 60_000 }, () => ['y'.repeat(100)]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.sheet('S').value('A1')).toBe('');
  });

  it('fails a response over 5 MB like Excel on the web, delivering nothing, and records response sizes', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S').setValues(
      'A1',
      Array.from({ length: 60_000 }, () => ['y'.repeat(100)]),
    );
    let small: Excel.Range | null = null;
    let big: Excel.Range | null = null;
    await expect(
      runOn(wb)(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        small = sheet.getRange('A1').load('values');
        big = sheet.getRange('A1:A60000').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => small!.values).toThrow(/is not available/);
    expect(() => big!.values).toThrow(/is not available/);
    expect(wb.largestResponse).toBeGreaterThan(5 * 1024 * 1024);

    wb.resetCounters();
    const values = await runOn(wb)(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:A2').load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([['y'.repeat(100)], ['y'.repeat(100)]]);
    expect(wb.responseSizes).toEqual([JSON.stringify(values).length]);
  });

  it('refuses page layout below ExcelApi 1.9 and writes to a protected sheet', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S').protected = true;
    await expect(
      runOn(wb)(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    restore();
    restore = installOfficeStub('1.8');
    await expect(
      runOn(wb)(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.orientation = 'Landscape';
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('catches setting one field of pageLayout.zoom (it must be assigned whole)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    await expect(
      runOn(wb)(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.zoom.horizontalFitToPages = 1;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  it('finds constants and formulas as Excel groups them (getSpecialCellsOrNullObject, ExcelApi 1.9)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S')
      .setValues('A1', [
        ['ID', 'Risk'],
        ['R-1', 'x'],
        ['R-2', '=1+1'],
      ])
      .setValues('D2', [[5]])
      .setValues('XFD1048576', [['last']]);
    const result = await runOn(wb)(async (context) => {
      const used = context.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true);
      const constants = used.getSpecialCellsOrNullObject('Constants').load('address,areaCount,cellCount,areas/items/address');
      const formulas = used.getSpecialCellsOrNullObject('Formulas').load('address,cellCount');
      const empty = context.workbook.worksheets.getItem('S').getRange('K1:K9').getSpecialCellsOrNullObject('Constants');
      empty.load('cellCount');
      await context.sync();
      return {
        constants: {
          address: constants.address,
          areaCount: constants.areaCount,
          cellCount: constants.cellCount,
          areas: constants.areas.items.map((a) => a.address),
        },
        formulas: { address: formulas.address, cellCount: formulas.cellCount },
        emptyIsNull: empty.isNullObject,
      };
    });
    expect(result).toEqual({
      constants: {
        address: 'S!A1:B2,S!D2,S!A3,S!XFD1048576',
        areaCount: 4,
        cellCount: 7,
        areas: ['S!A1:B2', 'S!D2', 'S!A3', 'S!XFD1048576'],
      },
      formulas: { address: 'S!B3', cellCount: 1 },
      emptyIsNull: true,
    });
  });

  it('refuses getSpecialCellsOrNullObject below ExcelApi 1.9, and cellCount before load + sync', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('S').setValues('A1', [['x']]);
    await expect(
      runOn(wb)(async (context) => {
        const areas = context.workbook.worksheets.getItem('S').getRange('A1:B2').getSpecialCellsOrNullObject('Constants');
        areas.load('areaCount');
        await context.sync();
        return areas.cellCount;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    restore();
    restore = installOfficeStub('1.8');
    await expect(
      runOn(wb)(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').getSpecialCellsOrNullObject('Constants');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
