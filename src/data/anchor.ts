/**
 * Anchoring excerpts in a source's text, the W3C Web Annotation way: a text-quote selector
 * (exact words, with a little prefix and suffix) and a text-position selector (start, end).
 * Offsets count Unicode code points, end exclusive, as the W3C model specifies, so they mean the
 * same thing to every client language. Shared by the data-file validator, recordClaim and `npm run anchor`.
 */

/** Code points of context kept either side of an excerpt (TextQuoteSelector prefix / suffix). */
export const QUOTE_CONTEXT = 32;

/** The code points of `text` (what offsets count). */
export const codePoints = (text: string): string[] => Array.from(text);

/** Every [start, end) in code points where `needle` occurs in `hay` (both as code-point arrays). */
export function findOccurrences(hay: readonly string[], needle: readonly string[]): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  if (needle.length === 0) return hits;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    hits.push([i, i + needle.length]);
  }
  return hits;
}

/**
 * Folds typographic variants one code point for one, so offsets survive: ’ → ', “ → ", NBSP →
 * space, any dash → -, and case. For telling a writer where their words occur as written.
 */
export function loosen(cp: string): string {
  if (/[\u2018\u2019\u201a\u201b\u2032\u02bc]/u.test(cp)) return "'";
  if (/[\u201c\u201d\u201e\u201f\u2033]/u.test(cp)) return '"';
  if (/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\n\r]/u.test(cp)) return ' ';
  if (/[\u2010-\u2015\u2212]/u.test(cp)) return '-';
  return cp.toLowerCase();
}

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The selectors for [start, end) of a text given as code points. */
export function anchorAt(text: readonly string[], start: number, end: number): Anchor {
  return {
    exact: text.slice(start, end).join(''),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start).join(''),
    suffix: text.slice(end, end + QUOTE_CONTEXT).join(''),
    start,
    end,
  };
}
