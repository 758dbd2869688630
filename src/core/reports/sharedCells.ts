/**
 * Shared cells for values that repeat down a report (statuses, tiers, owners, dates, "MISSING: ...").
 * A 50,000-row report otherwise allocates a million near-identical cell objects; the adapters only
 * read spec cells, so one object can stand in every row that shows the same value in the same style.
 * Text that is unique per row (risk descriptions, IDs) should use textCell directly. Shared cells are
 * frozen, so code that tried to change one in place fails loudly instead of changing other rows.
 */
import type { IsoDate } from '../dates';
import type { SpecCell } from '../sheetSpec';
import { dateCell, numberCell, textCell } from './sheetBuilder';
import type { StyleName } from './styles';

/** Bound per style, so a sheet of unique values cannot grow the cache without limit. */
const LIMIT = 20_000;
const texts = new Map<StyleName, Map<string, SpecCell>>();
const dates = new Map<StyleName, Map<IsoDate, SpecCell>>();

function shared(cache: Map<StyleName, Map<string, SpecCell>>, value: string, style: StyleName, make: () => SpecCell): SpecCell {
  let byValue = cache.get(style);
  if (!byValue) cache.set(style, (byValue = new Map()));
  let cell = byValue.get(value);
  if (cell === undefined) {
    if (byValue.size >= LIMIT) byValue.clear();
    // Frozen: a consumer that tried to change one row's cell would change every row sharing it.
    byValue.set(value, (cell = Object.freeze(make())));
  }
  return cell;
}

/**
 * `sharedTextCell` with the style fixed: a row loop takes one per style up front, so each cell costs
 * one Map lookup instead of two. The same cells and the same bound as `sharedTextCell`.
 */
export function sharedTextCellsOf(style: StyleName): (value: string) => SpecCell {
  let byValue = texts.get(style);
  if (!byValue) texts.set(style, (byValue = new Map()));
  const cells = byValue;
  return (value) => {
    let cell = cells.get(value);
    if (cell === undefined) {
      // clear() keeps the same Map, so this lookup stays bound to the cache `shared` uses.
      if (cells.size >= LIMIT) cells.clear();
      cells.set(value, (cell = Object.freeze(textCell(value, style))));
    }
    return cell;
  };
}

/** `sharedDateCell` with the style fixed (see sharedTextCellsOf). */
export function sharedDateCellsOf(style: StyleName): (value: IsoDate) => SpecCell {
  let byValue = dates.get(style);
  if (!byValue) dates.set(style, (byValue = new Map()));
  const cells = byValue;
  return (value) => {
    let cell = cells.get(value);
    if (cell === undefined) {
      if (cells.size >= LIMIT) cells.clear();
      cells.set(value, (cell = Object.freeze(dateCell(value, style))));
    }
    return cell;
  };
}

/** textCell(value, style), the same object for the same value and style. Treat it as read-only. */
export function sharedTextCell(value: string, style: StyleName): SpecCell {
  return shared(texts, value, style, () => textCell(value, style));
}

/** dateCell(value, style), the same object for the same date and style. Treat it as read-only. */
export function sharedDateCell(value: IsoDate, style: StyleName): SpecCell {
  return shared(dates, value, style, () => dateCell(value, style));
}

const numbers = new Map<StyleName, Map<number, SpecCell>>();

/** `sharedNumberCell` with the style fixed (see sharedTextCellsOf). */
export function sharedNumberCellsOf(style: StyleName): (value: number) => SpecCell {
  let byValue = numbers.get(style);
  if (!byValue) numbers.set(style, (byValue = new Map()));
  const cells = byValue;
  return (value) => {
    let cell = cells.get(value);
    if (cell === undefined) {
      if (cells.size >= LIMIT) cells.clear();
      cells.set(value, (cell = Object.freeze(numberCell(value, style))));
    }
    return cell;
  };
}

/** numberCell(value, style), the same object for the same number and style (scores repeat). Treat it as read-only. */
export function sharedNumberCell(value: number, style: StyleName): SpecCell {
  let byValue = numbers.get(style);
  if (!byValue) numbers.set(style, (byValue = new Map()));
  let cell = byValue.get(value);
  if (cell === undefined) {
    if (byValue.size >= LIMIT) byValue.clear();
    byValue.set(value, (cell = Object.freeze(numberCell(value, style))));
  }
  return cell;
}
