import { FakeWorkbook, fakeRun, installOfficeStub } from '../../../test/fakes/excel-fake';
import { planSpec, text } from '../../../test/fakes/spec-builders';
import { isoToSerial } from '../../core/dates';
import { MARKER_PREFIX } from '../../core/grid';
import type { SheetPlacement } from '../../core/port';
import { createOfficeWorkbookPort, OfficeAdapterError } from './index';

let restore: () => void;
beforeEach(() => {
  restore = installOfficeStub('1.13');
});
afterEach(() => restore());

const fresh = (name = 'Risk Management Plan'): SheetPlacement => ({ remove: null, rename: null, name });
const MB4 = 4 * 1024 * 1024;

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet('Risk Register').setValues('A1', [
    ['ID', 'Risk'],
    ['R-1', 'Laptops'],
  ]);
  return wb;
}

describe('writeSheet', () => {
  it('writes values, number formats, styles, widths, merges, freeze, marker and page layout', async () => {
    const wb = workbook();
    const spec = planSpec(3);
    await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(spec, fresh());
    const s = wb.sheet('Risk Management Plan');
    expect(s.value('A1')).toBe('Risk Management Plan');
    expect(s.value('A5')).toBe('Risk 1 item 1 with some words');
    expect(s.value('B5')).toBe(isoToSerial('2026-11-23'));
    expect(s.numberFormat('B5')).toBe('yyyy-mm-dd');
    expect(s.value('C6')).toBe(1);
    expect(s.numberFormat('D5')).toBe('0%');
    expect(s.numberFormat('A5')).toBe('@');
    expect(s.formatAt('A4', 'fill.color')).toBe('#1F4E78');
    expect(s.formatAt('J4', 'font.bold')).toBe(true);
    expect(s.formatAt('E7', 'borders.EdgeBottom.style')).toBe('Continuous');
    expect(s.formatAt('E7', 'fill.color')).toBeUndefined();
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(s.rowHeights.get(0)).toBe(24);
    expect(s.columnWidths.get(0)).toBeCloseTo((18 * 7 + 5) * 0.75);
    expect(s.frozenRows).toBe(4);
    expect(s.value('Z1')).toBe(`${MARKER_PREFIX}plan:v1`);
    expect(s.hiddenColumns.has(25)).toBe(true);
    expect(s.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$4:$4',
      printArea: 'A1:J7',
      footer: { left: 'Example Clinic', center: 'Page &P of &N', right: 'Confidential' },
    });
    // Styles are applied to areas of identical style, not cell by cell.
    expect(s.formats.filter((f) => f.path === 'fill.color')).toHaveLength(1);
  });

  it.each(['=HYPERLINK("http://evil")', '+1', '-5 days', '@SUM(A1)', '\tindented', '\rreturn'])(
    'stores user text %j as text, with "@" set before the value',
    async (userText) => {
      const wb = workbook();
      const spec = planSpec(1, { cellText: () => userText });
      await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(spec, fresh());
      const cell = wb.sheet('Risk Management Plan').cell('E5');
      expect(cell).toMatchObject({ value: userText, numberFormat: '@', writtenAsText: true });
      expect(cell?.formula).toBeUndefined();
    },
  );

  it('replaces our previous sheet', async () => {
    const wb = workbook();
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await port.writeSheet(planSpec(2), fresh());
    await port.writeSheet(planSpec(5), { remove: 'Risk Management Plan', rename: null, name: 'Risk Management Plan' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Risk Register', 'Risk Management Plan']);
    expect(wb.sheet('Risk Management Plan').value('A9')).toBe('Risk 5 item 1 with some words');
  });

  it('still writes when our previous sheet was deleted by hand in the meantime', async () => {
    const wb = workbook();
    await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(planSpec(1), {
      remove: 'Risk Management Plan',
      rename: null,
      name: 'Risk Management Plan',
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Risk Register', 'Risk Management Plan']);
  });

  it('keeps a dated copy when asked', async () => {
    const wb = workbook();
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await port.writeSheet(planSpec(2), fresh());
    await port.writeSheet(planSpec(3), {
      remove: null,
      rename: { from: 'Risk Management Plan', to: 'Risk Plan 2026-11-23' },
      name: 'Risk Management Plan',
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Risk Register', 'Risk Plan 2026-11-23', 'Risk Management Plan']);
    expect(wb.sheet('Risk Plan 2026-11-23').value('A7')).toBe('');
    expect(wb.sheet('Risk Plan 2026-11-23').value('A6')).toBe('Risk 2 item 1 with some words');
    expect(wb.sheet('Risk Management Plan').value('A7')).toBe('Risk 3 item 1 with some words');
  });

  it('never deletes, renames or writes over a user sheet of the same name', async () => {
    const wb = workbook();
    wb.addSheet('Risk Management Plan').setValues('A1', [['my own notes']]);
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await expect(
      port.writeSheet(planSpec(2), { remove: 'Risk Management Plan', rename: null, name: 'Risk Management Plan' }),
    ).rejects.toThrow(/did not create the sheet "Risk Management Plan"/);
    await expect(
      port.writeSheet(planSpec(2), { remove: null, rename: { from: 'Risk Management Plan', to: 'Old plan' }, name: 'Plan (2)' }),
    ).rejects.toBeInstanceOf(OfficeAdapterError);
    await expect(port.writeSheet(planSpec(2), fresh())).rejects.toThrow(/already exists/);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Risk Register', 'Risk Management Plan']);
    expect(wb.sheet('Risk Management Plan').value('A1')).toBe('my own notes');
    // Placement picks another name: the user's sheet is untouched.
    await port.writeSheet(planSpec(2), fresh('Risk Management Plan (2)'));
    expect(wb.sheet('Risk Management Plan').value('A1')).toBe('my own notes');
    expect(wb.sheet('Risk Management Plan (2)').value('Z1')).toBe(`${MARKER_PREFIX}plan:v1`);
  });

  it('keeps the marker on a sheet wider than column Z', async () => {
    const wb = workbook();
    await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(planSpec(2, { columns: 30 }), fresh());
    const s = wb.sheet('Risk Management Plan');
    expect(s.value('Z1')).toBe(`${MARKER_PREFIX}plan:v1`);
    expect(s.value('AD5')).toBe('Risk 1 item 30 with some words');
  });

  it('explains a bad sheet name before changing anything', async () => {
    const wb = workbook();
    await expect(createOfficeWorkbookPort(fakeRun(wb)).writeSheet(planSpec(1), fresh('Plan: 2026/11'))).rejects.toThrow(/contains one of/);
    expect(wb.sheets).toHaveLength(1);
  });

  it('uses the same number of round trips for 1,000 and 50,000 rows while the payload fits', async () => {
    const counts: number[] = [];
    for (const rows of [1_000, 50_000]) {
      const wb = workbook();
      // Two short columns: 50,000 rows still fit one request.
      await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(planSpec(rows, { columns: 2, cellText: () => 'ok' }), fresh());
      counts.push(wb.syncCount);
      expect(wb.largestRequest).toBeLessThan(MB4);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('chunks a 50,000-row plan so no request reaches 4 MB; syncs grow with bytes, not rows', async () => {
    const wb = workbook();
    const spec = planSpec(50_000);
    await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(spec, fresh());
    expect(wb.largestRequest).toBeLessThan(MB4);
    const total = wb.requestSizes.reduce((a, b) => a + b, 0);
    const writeSyncs = wb.syncCount - 2; // the placement check lists sheets in two round trips
    expect(writeSyncs).toBeGreaterThan(1);
    expect(writeSyncs).toBeLessThanOrEqual(Math.ceil(total / 2_000_000) + 1);
    const s = wb.sheet('Risk Management Plan');
    expect(s.value('A50004')).toBe('Risk 50000 item 1 with some words');
    expect(s.merges).toHaveLength(1);
    expect(s.pageLayout.printTitleRows).toBe('$4:$4');
  }, 120_000);

  it('skips page layout without ExcelApi 1.9 and says so in capabilities()', async () => {
    restore();
    restore = installOfficeStub('1.7');
    const wb = workbook();
    const port = createOfficeWorkbookPort(fakeRun(wb));
    expect(port.capabilities()).toEqual({ pageLayout: false, mergedAreas: false, conditionalFormats: true });
    await port.writeSheet(planSpec(3), fresh());
    const s = wb.sheet('Risk Management Plan');
    expect(s.pageLayout).toEqual({ footer: {} });
    expect(s.value('A5')).toBe('Risk 1 item 1 with some words');
    expect(s.frozenRows).toBe(4);
  });

  it('capabilities() are all false outside Office', () => {
    restore();
    const saved = (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Office?: unknown }).Office;
    try {
      expect(createOfficeWorkbookPort(fakeRun(new FakeWorkbook())).capabilities()).toEqual({
        pageLayout: false,
        mergedAreas: false,
        conditionalFormats: false,
      });
    } finally {
      (globalThis as { Office?: unknown }).Office = saved;
      restore = installOfficeStub('1.13');
    }
  });

  it('writes an empty-cell row and a text cell that looks like a number as text', async () => {
    const wb = workbook();
    const spec = planSpec(0);
    spec.rows.push({ cells: [text('00123')] });
    await createOfficeWorkbookPort(fakeRun(wb)).writeSheet(spec, fresh());
    expect(wb.sheet('Risk Management Plan').value('A5')).toBe('00123');
  });
});

describe('selectCell / activateSheet', () => {
  it('activates the sheet and selects the cell', async () => {
    const wb = workbook();
    wb.addSheet('CAP');
    const port = createOfficeWorkbookPort(fakeRun(wb));
    await port.selectCell('CAP', 'c7');
    expect(wb.activeSheet).toBe('CAP');
    expect(wb.selection).toEqual({ sheet: 'CAP', address: 'C7' });
    await port.activateSheet('Risk Register');
    expect(wb.activeSheet).toBe('Risk Register');
  });

  it('explains a missing sheet and a bad address in words', async () => {
    const port = createOfficeWorkbookPort(fakeRun(workbook()));
    await expect(port.selectCell('Nope', 'A1')).rejects.toThrow('There is no sheet named "Nope" in this workbook.');
    await expect(port.selectCell('Risk Register', 'Owner')).rejects.toThrow(/not a cell address/);
  });
});
