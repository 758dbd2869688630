/** Which cell a finding points at: the addresses an entry's roles sit in. */
import { columnIndex } from '../grid';
import { ROLES, type Entry, type Role } from '../model';

/** The cell of the first of the roles the entry has, else the first mapped cell of the row, else column A. */
export function cellFor(entry: Entry, a: Role, b?: Role, c?: Role, d?: Role, e?: Role): string {
  // Named parameters, not `...roles`: this runs for every finding, and a rest array is an allocation.
  const cells = entry.cells;
  return cells[a] || (b && cells[b]) || (c && cells[c]) || (d && cells[d]) || (e && cells[e]) || firstCell(entry);
}

function firstCell(entry: Entry): string {
  let best: string | null = null;
  let bestCol = Infinity;
  // Every role, not Object.values: the reader's cells objects expose their addresses through getters.
  for (const role of ROLES) {
    const cell = entry.cells[role];
    if (!cell) continue;
    const letters = /^[A-Z]+/i.exec(cell)?.[0] ?? '';
    const col = columnIndex(letters);
    if (col >= 0 && col < bestCol) {
      bestCol = col;
      best = cell;
    }
  }
  return best ?? `A${entry.row}`;
}
