import { Minhash } from 'minhash';

/**
 * Near-duplicate texts (wire copies, syndication, republication with a few words changed):
 * character shingles, MinHash signatures (the `minhash` package) and LSH band keys. Pure: the
 * signature and band keys are stored on the Source (src/writes/provenance.ts), and the band keys
 * are looked up through a full-text index (migration 0008), so finding candidates never reads
 * every source's text.
 *
 * Character shingles rather than word shingles: they need no tokenizer, so Urdu, Pashto or Dari
 * texts are compared the same way as English ones, and a changed word costs only the shingles
 * that overlap it.
 */

/** Code points per shingle. */
export const SHINGLE = 5;
/** Hash functions per signature (the standard error of the estimate is about 1/sqrt(128) ≈ 0.09). */
export const PERMUTATIONS = 128;
/** LSH: 32 bands of 4 rows. Two texts share a band with probability 1-(1-J^4)^32: 0.9999 at J=0.8, 0.5 at J≈0.4, 0.03 at J=0.2. */
export const BANDS = 32;
export const ROWS = PERMUTATIONS / BANDS;
/** The seed fixes the hash functions: signatures stored years apart stay comparable. Never change it. */
const SEED = 1;

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

// One Minhash holds the seeded permutations; each signature gets a fresh one (cheap to build).
function minhashOf(items: Iterable<string>): Minhash {
  const m = new Minhash({ numPerm: PERMUTATIONS, seed: SEED });
  for (const item of items) m.update(item);
  return m;
}

/** A text's MinHash signature: PERMUTATIONS integers. */
export function signature(text: string): number[] {
  return [...minhashOf(shingles(text)).hashvalues];
}

/** The estimated Jaccard similarity of two signatures' shingle sets, in [0, 1]. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/** FNV-1a over a string, as 8 hex digits. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The LSH band keys of a signature, one word each (`b07h1a2b3c4d`): two sources sharing any key
 * are candidates. The band number is part of the key, so equal rows in different bands never meet.
 */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = sig.slice(b * ROWS, (b + 1) * ROWS);
    keys.push(`b${String(b).padStart(2, '0')}h${fnv(rows.join(','))}`);
  }
  return keys;
}

/** Below this estimated similarity a source is not listed as a copy candidate. */
export const CANDIDATE_THRESHOLD = 0.5;
