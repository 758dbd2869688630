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
 * An open-addressing table over typed arrays: a Map of 50,000 entries costs several times more.
 */
export class TextKeys {
  /** slots[i]: 1 + the key stored in slot i, or 0 when empty; hashes[i]: that key's hash. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
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
    const mask = this.slots.length - 1;
    let normal: string | null = null;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const stored = this.slots[i];
      if (stored === 0) {
        this.slots[i] = this.texts.length + 1;
        this.hashes[i] = hash;
        this.texts.push(text);
        this.normals.push(normal ?? undefined);
        if (this.texts.length * 2 > this.slots.length) this.grow();
        return this.texts.length - 1;
      }
      if (this.hashes[i] !== hash) continue;
      const key = stored - 1;
      if (this.texts[key] === text) return key;
      // Same hash, different characters: equal only if they normalize the same (else a real collision).
      normal ??= normalizeRiskText(text);
      if (this.normalOf(key) === normal) return key;
    }
  }

  private normalOf(key: number): string {
    return (this.normals[key] ??= normalizeRiskText(this.texts[key]));
  }

  /** Doubles the table, keeping it at most half full so probe runs stay short. */
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let j = 0; j < this.slots.length; j++) {
      if (this.slots[j] === 0) continue;
      let i = this.hashes[j] & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = this.slots[j];
      hashes[i] = this.hashes[j];
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}
