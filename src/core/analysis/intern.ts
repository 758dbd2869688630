/**
 * Sharing of repeated strings. A 50,000-row register yields ~100,000 findings whose messages
 * mostly repeat ("No one is named as responsible for this item."); keeping one copy of each
 * keeps memory, and the garbage collector's work, proportional to the distinct texts.
 */
const pool = new Map<string, string>();
const POOL_LIMIT = 50_000;

/** The pooled copy of `text` (equal content, one object). */
export function intern(text: string): string {
  const pooled = pool.get(text);
  if (pooled !== undefined) return pooled;
  if (pool.size >= POOL_LIMIT) pool.clear();
  pool.set(text, text);
  return text;
}
