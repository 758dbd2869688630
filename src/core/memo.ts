/**
 * The one bounded memo of the core. Registers repeat the same texts, dates and ratings on
 * thousands of rows, so much of the work is done once per distinct value; a memo is made by the
 * caller for one run and dropped with it (no module-level state), and it starts afresh when it
 * holds MEMO_LIMIT values, so a register of unique texts does not keep one value per row.
 */

/** How many values one memo keeps before it starts afresh. */
export const MEMO_LIMIT = 20_000;

/** `compute(key)`, kept in `memo` and reused (an `undefined` result is kept too). */
export function remember<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined && !memo.has(key)) {
    value = compute(key);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
  }
  return value as V;
}
