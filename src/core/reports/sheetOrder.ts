/**
 * Entries in sheet order, and where each one sits in it. The analysis hands risks and CAP items
 * over in priority order, but the entries and their strings sit in memory in sheet order (the
 * order the reader made them): trimming, lower-casing and looking up the strings of 50,000 entries
 * runs about ten times faster in sheet order than in priority order. So a report works out what it
 * needs from each entry in sheet order, into arrays, and then picks from them in priority order.
 */
import type { Entry, ScoredEntry, TableRead } from '../model';
import { inSlices, type Sliced } from '../slices';

/** Row index of one table: `rows[i]` is the position of the entry on sheet row `first + i`, or -1. */
interface TableIndex {
  sheet: string;
  first: number;
  rows: Int32Array;
}

/** A table's rows index is kept only when it is not much sparser than its entries (bounded memory). */
const MAX_ROWS_PER_ENTRY = 64;

export class SheetOrder {
  /** The tables' entries, one table after the other, each in sheet order. */
  readonly entries: Entry[] = [];
  private readonly tables: TableIndex[] = [];

  /** The entries of `tables` and their index, built in slices of rows. */
  static *of(tables: readonly (TableRead | null)[]): Sliced<SheetOrder> {
    const order = new SheetOrder();
    // Tables made by hand (tests, callers outside the reader) may carry no entries: they add nothing.
    for (const table of tables) if (table && Array.isArray(table.entries)) yield* order.add(table);
    return order;
  }

  private *add(table: TableRead): Sliced<void> {
    const entries = table.entries;
    const offset = this.entries.length;
    let first = Infinity;
    let last = -Infinity;
    yield* inSlices(entries.length, (from, to) => {
      for (let i = from; i < to; i++) {
        const e = entries[i];
        this.entries.push(e);
        if (e.row < first) first = e.row;
        if (e.row > last) last = e.row;
      }
    });
    const span = last - first + 1;
    if (!Number.isInteger(span) || span > entries.length * MAX_ROWS_PER_ENTRY + 1024) return;
    const rows = new Int32Array(span).fill(-1);
    yield* inSlices(entries.length, (from, to) => {
      for (let i = from; i < to; i++) {
        const at = entries[i].row - first;
        if (rows[at] === -1) rows[at] = offset + i;
      }
    });
    this.tables.push({ sheet: table.sheet, first, rows });
  }

  /**
   * Position of `entry` in `entries`, or -1 when it is none of them (a hand-built analysis, or two
   * entries on one row): the caller then works from the entry itself, with the same result.
   */
  /**
   * `positionOf(item.entry)`, from the position the analysis recorded when it is right (checked
   * without reading the entry itself), else looked up.
   */
  positionOfItem(item: ScoredEntry): number {
    const p = item.sheetIndex ?? -1;
    if (p >= 0 && p < this.entries.length && this.entries[p] === item.entry) return p;
    return this.positionOf(item.entry);
  }

  positionOf(entry: Entry): number {
    for (const t of this.tables) {
      if (t.sheet !== entry.sheet) continue;
      const at = entry.row - t.first;
      const position = at >= 0 && at < t.rows.length ? t.rows[at] : -1;
      if (position >= 0 && this.entries[position] === entry) return position;
    }
    return -1;
  }
}
