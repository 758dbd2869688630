/**
 * Pure planning of the cell read: which row blocks of which sheets go into which round trip so
 * that no response passes Excel on the web's 5 MB cap and no single read passes the 5,000,000-cell
 * cap. No Office.js here, so it is tested directly.
 */

import type { CellRange } from '../../core/grid';

/** Office.js returns `null` values past this many cells per read, without an error. */
export const READ_CELL_CAP = 5_000_000;

/** Excel on the web fails a response over 5 MB; plan for 4 MB because the estimate is approximate. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;

/**
 * Estimated response bytes per cell for `values` + `formulas` (40 each) before anything has been
 * read. Excel sends each cell as JSON: a number (a date serial is 5 characters), `""` for a blank,
 * or the quoted text. Register cells are mostly IDs, dates, scores and short names; descriptions
 * are longer but rare, so 40 characters per property is a generous ceiling (the synthetic register
 * averages about 14). `formulas` repeats every constant, hence twice.
 *
 * After the first round trip the reader re-estimates from what came back (`nextBytesPerCell`),
 * so a big register of short cells takes fewer round trips. When a block of long text still goes
 * over the cap, the reader halves it and asks again (`splitReadGroup`): the estimate decides how
 * many round trips a read takes, never whether it succeeds.
 */
export const READ_BYTES_PER_CELL = 80;

/** Margin over the measured average, for later rows longer than the ones already read. */
export const MEASURED_MARGIN = 1.5;

/** Never plan below this many bytes a cell (a sample of blank cells says little about the rest). */
export const MIN_BYTES_PER_CELL = 24;

/**
 * The per-cell estimate for the next round trip, from the bytes and cells read so far:
 * the measured average with a margin, never below MIN_BYTES_PER_CELL. Before any cell is read,
 * the fixed READ_BYTES_PER_CELL.
 */
export function nextBytesPerCell(bytesRead: number, cellsRead: number): number {
  if (cellsRead <= 0) return READ_BYTES_PER_CELL;
  return Math.max(MIN_BYTES_PER_CELL, Math.ceil((bytesRead / cellsRead) * MEASURED_MARGIN));
}

/** Rows to read so that rows x columns stays under the cap. */
export function cappedRowCount(rowCount: number, columnCount: number, cap = READ_CELL_CAP): number {
  return Math.max(0, Math.min(rowCount, Math.floor(cap / Math.max(1, columnCount))));
}

/** The size of one sheet's used range, and how many of its first rows were read already. */
export interface ReadShape {
  rowCount: number;
  columnCount: number;
  rowsRead?: number;
}

/** Rows `[rowOffset, rowOffset + rowCount)` of the used range of sheet number `sheet`. */
export interface ReadBlock {
  sheet: number;
  rowOffset: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadPlanOptions {
  /** Estimated bytes one response may carry. */
  budgetBytes?: number;
  /** Estimated response bytes per cell read. */
  bytesPerCell?: number;
  /** Most cells read per sheet (so no block passes it either). */
  cellCap?: number;
  /** Most blocks in one round trip, so the request (one range proxy per block) stays small. */
  maxBlocks?: number;
}

/** Blocks per round trip: each is a range proxy of about 150 request bytes, so 2,000 stay far below 5 MB. */
export const MAX_BLOCKS_PER_SYNC = 2_000;

/** Estimated response bytes of a block. */
export function estimateReadBytes(block: Pick<ReadBlock, 'rowCount' | 'columnCount'>, bytesPerCell = READ_BYTES_PER_CELL): number {
  return block.rowCount * block.columnCount * bytesPerCell;
}

/**
 * The read as round trips, each a list of row blocks. Sheets are packed in order, and a sheet is
 * cut at a round trip's budget, so a read that fits in one response is one round trip whatever the
 * number of sheets, and a bigger one takes one more round trip per extra budget's worth of cells.
 * Each sheet's read stops at the cell cap (the first rows are kept), so no single read can pass
 * it and come back null. Rows a shape marks as read already are skipped. Always at least one row per
 * block, even when one row alone is over the budget (a 16,384-column row is about 1.3 MB).
 */
export function planReadSyncs(shapes: (ReadShape | null)[], options: ReadPlanOptions = {}): ReadBlock[][] {
  const budget = options.budgetBytes ?? RESPONSE_BUDGET_BYTES;
  const perCell = options.bytesPerCell ?? READ_BYTES_PER_CELL;
  const cellCap = options.cellCap ?? READ_CELL_CAP;
  const maxBlocks = options.maxBlocks ?? MAX_BLOCKS_PER_SYNC;
  const syncs: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let room = budget;

  const closeSync = () => {
    if (current.length) syncs.push(current);
    current = [];
    room = budget;
  };

  shapes.forEach((shape, sheet) => {
    if (!shape || shape.columnCount <= 0) return;
    const columnCount = shape.columnCount;
    const rowBytes = columnCount * perCell;
    let rowOffset = Math.max(0, shape.rowsRead ?? 0);
    let rowsLeft = cappedRowCount(shape.rowCount, columnCount, cellCap) - rowOffset;
    while (rowsLeft > 0) {
      let fit = current.length >= maxBlocks ? 0 : Math.floor(room / rowBytes);
      if (fit <= 0) {
        if (current.length) {
          closeSync();
          continue;
        }
        fit = 1; // an empty round trip always takes at least one row
      }
      const rowCount = Math.min(rowsLeft, fit);
      current.push({ sheet, rowOffset, rowCount, columnCount });
      room -= rowCount * rowBytes;
      rowOffset += rowCount;
      rowsLeft -= rowCount;
    }
  });
  closeSync();
  return syncs;
}

/**
 * A round trip whose response was still too large, as two smaller ones: its blocks in two halves,
 * or a lone block's rows in two halves. Null for a single row, which cannot be split further.
 */
export function splitReadGroup(group: ReadBlock[]): [ReadBlock[], ReadBlock[]] | null {
  if (group.length > 1) {
    const middle = Math.ceil(group.length / 2);
    return [group.slice(0, middle), group.slice(middle)];
  }
  const [block] = group;
  if (!block || block.rowCount < 2) return null;
  const first = Math.ceil(block.rowCount / 2);
  return [[{ ...block, rowCount: first }], [{ ...block, rowOffset: block.rowOffset + first, rowCount: block.rowCount - first }]];
}

/**
 * A used range with more cells than this may be mostly empty (two values in A1 and XFD1048576
 * make a 17-billion-cell used range): before reading it, the reader asks Excel where its real
 * cells are. Smaller sheets are read as they are, with no extra round trip.
 */
export const SPARSE_PROBE_CELLS = 1_000_000;

/** Read the real cells instead of the used range when they fill less than this share of it. */
export const SPARSE_DENSITY = 0.5;

/**
 * Most areas of real cells loaded for one sheet: at about 80 response bytes an area, 20,000 stay
 * far below the 5 MB cap. A sheet of more scattered areas is read as its used range, capped.
 */
export const MAX_PROBE_AREAS = 20_000;

/** Empty cells a block may take in to join a neighbouring area (fewer, larger blocks to read). */
export const CLUSTER_SLACK_CELLS = 10_000;

function cells(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * The real cells' areas (from getSpecialCells) as few rectangles to read: areas in row order join
 * the block before them while the block's rectangle stays at most twice their cells plus
 * CLUSTER_SLACK_CELLS, so many small areas of one table are one read and areas far apart are
 * separate reads. Blocks may overlap; each cell in them is read as it is.
 */
export function clusterAreas(areas: readonly CellRange[]): CellRange[] {
  const sorted = [...areas].sort((a, b) => a.top - b.top || a.left - b.left);
  const blocks: CellRange[] = [];
  let current: CellRange | null = null;
  let realCells = 0;
  for (const area of sorted) {
    if (current) {
      const joined: CellRange = {
        top: current.top,
        left: Math.min(current.left, area.left),
        bottom: Math.max(current.bottom, area.bottom),
        right: Math.max(current.right, area.right),
      };
      const real = realCells + cells(area);
      if (cells(joined) <= 2 * real + CLUSTER_SLACK_CELLS) {
        current = joined;
        realCells = real;
        continue;
      }
      blocks.push(current);
    }
    current = { ...area };
    realCells = cells(area);
  }
  if (current) blocks.push(current);
  return blocks;
}

/** The blocks cut to at most `cap` cells in all (the first rows kept), in order; empty ones dropped. */
export function capBlocks(blocks: readonly CellRange[], cap = READ_CELL_CAP): CellRange[] {
  const out: CellRange[] = [];
  let room = cap;
  for (const b of blocks) {
    const columns = b.right - b.left + 1;
    const rows = cappedRowCount(b.bottom - b.top + 1, columns, room);
    if (rows <= 0) break;
    out.push({ ...b, bottom: b.top + rows - 1 });
    room -= rows * columns;
  }
  return out;
}
