/**
 * Risk texts compared for duplicates: case, punctuation and spacing ignored. `normalizeRiskText`
 * is the rule; `TextKeys` applies it to a whole register without building a normalized copy of
 * every text (50,000 risks would mean 150,000 short-lived strings only to find a few repeats): it
 * hashes the normalized form while scanning the original, and builds normalized strings only
 * when two texts share a hash.
 */

/** Risk text compared for duplicates: case, punctuation and spacing ignored. */
export function normalizeRiskText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/**
 * FNV-1a hash of `normalizeRiskText(text)`, or null when that is empty. Plain ASCII text is hashed
 * in place; other text is normalized first (lower-casing can turn a non-ASCII letter into ASCII).
 */
export function normalizedHash(text: string): number | null {
  let hash = FNV_OFFSET;
  let emitted = false;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return normalizedHashOfNormal(normalizeRiskText(text));
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      // A run of other characters between two kept ones is one space; runs at the ends vanish (trim).
      if (gap && emitted) hash = Math.imul(hash ^ SPACE, FNV_PRIME);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      emitted = true;
      gap = false;
    } else {
      gap = true;
    }
  }
  return emitted ? hash : null;
}

/** The hash of text that is already normalized (lower-case ASCII letters, digits, single spaces). */
function normalizedHashOfNormal(normal: string): number | null {
  if (normal.length === 0) return null;
  let hash = FNV_OFFSET;
  for (let i = 0; i < normal.length; i++) hash = Math.imul(hash ^ normal.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * Numbers texts by their normalized form: two texts get the same key exactly when
 * `normalizeRiskText` makes them equal; texts that normalize to nothing get -1.
 */
export class TextKeys {
  /** hash -> the first key with that hash; plain numbers, so 50,000 texts cost no object each. */
  private readonly firstByHash = new Map<number, number>();
  /** hash -> further keys with that hash (a real collision: rare, but likely somewhere in 50,000 texts). */
  private readonly moreByHash = new Map<number, number[]>();
  /** texts[key]: the first text seen with that key; normals[key]: its normalized form, built on demand. */
  private readonly texts: string[] = [];
  private readonly normals: (string | undefined)[] = [];

  /** How many distinct keys have been handed out (keys are 0..size-1). */
  get size(): number {
    return this.texts.length;
  }

  keyOf(text: string): number {
    const hash = normalizedHash(text);
    if (hash === null) return -1;
    const first = this.firstByHash.get(hash);
    if (first === undefined) {
      this.firstByHash.set(hash, this.texts.length);
      return this.add(text);
    }
    if (this.texts[first] === text) return first;
    const normal = normalizeRiskText(text);
    const more = this.moreByHash.get(hash);
    for (const key of more ? [first, ...more] : [first]) if (this.normalOf(key) === normal) return key;
    if (more) more.push(this.texts.length);
    else this.moreByHash.set(hash, [this.texts.length]);
    return this.add(text);
  }

  private add(text: string): number {
    this.texts.push(text);
    this.normals.push(undefined);
    return this.texts.length - 1;
  }

  private normalOf(key: number): string {
    return (this.normals[key] ??= normalizeRiskText(this.texts[key]));
  }
}
