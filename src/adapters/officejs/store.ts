/**
 * The settings store: JSON in the very hidden sheet STORE_SHEET_NAME, A1 a header, the JSON in
 * chunks from A2 down (cells hold at most 32,767 characters). The .xlsx adapter reads the same cells.
 */
import { STORE_CHUNK_CHARS, STORE_HEADER, STORE_SHEET_NAME } from '../../core/settings';
import { REQUEST_BUDGET_BYTES } from './writePlan';
import { RESPONSE_BUDGET_BYTES } from './readPlan';

/** Header row plus the JSON cut into chunks. */
export function storeRows(json: string): string[] {
  const rows = [STORE_HEADER];
  for (let i = 0; i < json.length; i += STORE_CHUNK_CHARS) rows.push(json.slice(i, i + STORE_CHUNK_CHARS));
  return rows;
}

/**
 * The JSON from column A (A2 down to the first blank), or null when there is none. A1 is not
 * checked, like the .xlsx adapter: parseSettingsSliced validates whatever is found.
 */
export function jsonFromColumn(column: unknown[], firstRow = 0): string | null {
  const parts: string[] = [];
  for (let row = Math.max(1, firstRow); row - firstRow < column.length; row++) {
    const cell = column[row - firstRow];
    if (typeof cell !== 'string' || cell === '') break;
    parts.push(cell);
  }
  return parts.length ? parts.join('') : null;
}

/**
 * Store rows read per request. After a plan of a 50,000-row register the store holds ~8 MB of
 * JSON, more than Excel on the web sends back in one response (5 MB); a JSON text escapes its
 * quotes, so a cell can weigh up to twice its characters in the response.
 */
export const STORE_ROWS_PER_READ = Math.floor(RESPONSE_BUDGET_BYTES / (STORE_CHUNK_CHARS * 2));

/**
 * Reads the store: two round trips (is there a store sheet, then its first block of cells) while
 * it fits one response, one more per further block of STORE_ROWS_PER_READ rows.
 */
export async function readStoreJson(context: Excel.RequestContext, sync: () => Promise<void>): Promise<string | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET_NAME);
  await sync();
  if (sheet.isNullObject) return null;
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount');
  const head = sheet.getRange(`A1:A${STORE_ROWS_PER_READ}`).load('values');
  await sync();
  if (used.isNullObject || used.columnIndex !== 0 || used.rowIndex > 1) return null;
  const column: unknown[] = head.values.map((row) => row[0]);
  const end = used.rowIndex + used.rowCount;
  // The JSON ends at the first blank cell: read on only while every cell so far holds text.
  const complete = () => column.slice(1).some((cell) => typeof cell !== 'string' || cell === '');
  for (let first = STORE_ROWS_PER_READ; first < end && !complete(); first += STORE_ROWS_PER_READ) {
    const last = Math.min(end, first + STORE_ROWS_PER_READ);
    const block = sheet.getRange(`A${first + 1}:A${last}`).load('values');
    await sync();
    for (const row of block.values) column.push(row[0]);
  }
  return jsonFromColumn(column, 0);
}

/**
 * Rows of the store split into requests under the payload budget, one block at a time: each block
 * is measured (its rows as JSON) only when the writer asks for it, after the previous round trip,
 * so ~8 MB of store is not measured in one block of the pane's thread.
 */
export function* storeBlocks(rows: string[], budget = REQUEST_BUDGET_BYTES): Generator<{ first: number; rows: string[] }, void, void> {
  let current: string[] = [];
  let first = 0;
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    const cost = JSON.stringify(rows[i]).length + 16;
    if (current.length && size + cost > budget) {
      yield { first, rows: current };
      current = [];
      first = i;
      size = 0;
    }
    current.push(rows[i]);
    size += cost;
  }
  yield { first, rows: current };
}

/** Writes the store, creating the very hidden sheet when missing; text format is set before values. */
export async function writeStoreJson(context: Excel.RequestContext, json: string, sync: () => Promise<void>): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET_NAME);
  await sync();
  let sheet: Excel.Worksheet;
  if (existing.isNullObject) {
    sheet = context.workbook.worksheets.add(STORE_SHEET_NAME);
  } else {
    sheet = existing;
    sheet.getRange().clear('Contents');
  }
  sheet.visibility = 'VeryHidden';
  for (const block of storeBlocks(storeRows(json))) {
    const range = sheet.getRange(`A${block.first + 1}:A${block.first + block.rows.length}`);
    range.numberFormat = block.rows.map(() => ['@']);
    range.values = block.rows.map((r) => [r]);
    await sync();
  }
}
