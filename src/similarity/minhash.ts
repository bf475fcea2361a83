/**
 * Near-duplicate texts (wire copies, syndication, republication with a few words changed):
 * character shingles, MinHash signatures and LSH band keys. Pure: the signature and band keys are
 * stored on the Source (src/writes/provenance.ts), and the band keys are looked up through a
 * full-text index (migration 0008), so finding candidates never reads every source's text.
 *
 * Character shingles rather than word shingles: they need no tokenizer, so Urdu, Pashto or Dari
 * texts are compared the same way as English ones, and a changed word costs only the shingles
 * that overlap it.
 *
 * Our own few lines, not a package: npm's `minhash` (0.0.9, last released 2018) re-hashes each
 * shingle's string once per hash function (about 190 ms for a 10,000-character text, too slow for
 * the bulk import), and `bloom-filters`' MinHash draws its hash functions at random unless given
 * a seed and brings five dependencies for one function. Here each shingle is hashed once (FNV-1a)
 * and each of the 128 hash functions is MurmurHash3's 32-bit finalizer over that hash XOR a fixed
 * per-function seed: a well-mixed bijection of 32-bit integers, the usual way to get many hash
 * functions from one.
 */

/** Code points per shingle. */
export const SHINGLE = 5;
/** Hash functions per signature: the estimate's standard error is sqrt(J(1-J)/128), at most 0.045. */
export const PERMUTATIONS = 128;
/** LSH: 32 bands of 4 rows. Two texts share a band with probability 1-(1-J^4)^32: 0.9999 at J=0.8, 0.5 at J≈0.4, 0.03 at J=0.2. */
export const BANDS = 32;
export const ROWS = PERMUTATIONS / BANDS;
/**
 * The per-function seeds fix the hash functions, so signatures stored years apart stay comparable:
 * never change them. Drawn from a fixed linear congruential sequence (Numerical Recipes' constants).
 */
const SEEDS: readonly number[] = (() => {
  const out: number[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < PERMUTATIONS; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(x);
  }
  return out;
})();

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Case, punctuation and spacing do not make a text another text. */
export function normalizeForShingles(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The distinct shingles of a text (a text shorter than one shingle is its own single shingle). */
export function shingles(text: string): Set<string> {
  const cps = Array.from(normalizeForShingles(text));
  const out = new Set<string>();
  if (cps.length === 0) return out;
  if (cps.length <= SHINGLE) {
    out.add(cps.join(''));
    return out;
  }
  for (let i = 0; i + SHINGLE <= cps.length; i++) out.add(cps.slice(i, i + SHINGLE).join(''));
  return out;
}

/** A text's MinHash signature: for each hash function, the least hash over the text's shingles. */
export function signature(text: string): number[] {
  const sig = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  for (const shingle of shingles(text)) {
    const h = fnv32(shingle);
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity of two signatures' shingle sets, in [0, 1]. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/** FNV-1a over a string's UTF-16 code units: a 32-bit unsigned integer. */
function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The LSH band keys of a signature, one word each (`b07h1a2b3c4d`): two sources sharing any key
 * are candidates. The band number is part of the key, so equal rows in different bands never meet.
 */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = sig.slice(b * ROWS, (b + 1) * ROWS);
    keys.push(`b${String(b).padStart(2, '0')}h${fnv32(rows.join(',')).toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Below this estimated similarity a source is not listed as a copy candidate. */
export const CANDIDATE_THRESHOLD = 0.5;

/** A text's signature and band keys as a Source stores them (`minhash`, `minhashBands`: the keys joined by spaces, for index source_minhash). */
export function fingerprint(text: string): { minhash: number[]; minhashBands: string } {
  const minhash = signature(text);
  return { minhash, minhashBands: bandKeys(minhash).join(' ') };
}
