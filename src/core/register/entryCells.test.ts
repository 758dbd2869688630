/**
 * `entry.cells` is built lazily by the reader (role getters over the row); readers must see the
 * same role -> address object a plain literal would give: by property, in JSON, and in cellFor.
 */
import { makeGrid, type CellValue, type SheetGrid } from '../grid';
import { cellFor } from '../analysis/findings';
import { readWorkbookNow } from '../../../test/support/pipeline';

function grid(values: CellValue[][], top = 0, left = 0): SheetGrid {
  return makeGrid('Risks', values, { top, left });
}

const ROWS: CellValue[][] = [
  ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Owner', 'Status'],
  ['R1', 'Shared EHR login', 4, 4, 'Office Manager', 'Open'],
  ['R2', 'Unencrypted laptops', 3, 5, null, 'Open'],
];

describe('entry.cells from the reader', () => {
  it('gives each mapped role its A1 address on the entry row, and nothing for unmapped roles', () => {
    const [first, second] = readWorkbookNow([grid(ROWS)]).register!.entries;
    expect(first.cells.id).toBe('A2');
    expect(first.cells.risk).toBe('B2');
    expect(first.cells.owner).toBe('E2');
    expect(second.cells.status).toBe('F3');
    expect(second.cells.dueDate).toBeUndefined();
    expect('dueDate' in second.cells).toBe(false);
  });

  it('serializes to the plain role -> address object, in column mapping order', () => {
    const entry = readWorkbookNow([grid(ROWS)]).register!.entries[1];
    const json = JSON.parse(JSON.stringify(entry)) as { cells: Record<string, string> };
    expect(json.cells).toEqual({ id: 'A3', risk: 'B3', likelihood: 'C3', impact: 'D3', owner: 'E3', status: 'F3' });
    expect(Object.keys(json.cells).sort()).toEqual(['id', 'impact', 'likelihood', 'owner', 'risk', 'status']);
  });

  it('follows a used range that does not start at A1', () => {
    const entry = readWorkbookNow([grid(ROWS, 4, 2)]).register!.entries[0];
    expect(entry.cells.id).toBe('C6');
    expect(entry.cells.status).toBe('H6');
  });

  it('lets cellFor fall back to the leftmost mapped cell when the role is not mapped', () => {
    const entry = readWorkbookNow([grid(ROWS, 0, 1)]).register!.entries[1];
    expect(cellFor(entry, 'dueDate')).toBe('B3');
    expect(cellFor(entry, 'dueDate', 'owner')).toBe('F3');
  });
});
