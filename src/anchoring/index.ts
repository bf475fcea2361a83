/**
 * Re-anchoring excerpts when a source's text changes (issue 12, "excerpts that survive edits").
 * Pure: stored selectors and a new text in, a decision out; src/writes/recheck.ts writes it.
 *
 * The rule is deliberately strict, because annotation tools that "find the closest passage" and
 * move the quote there silently attach a claim to words its claimant never said. An excerpt is
 * re-anchored only where its exact words are in the new text AND its stored context agrees
 * (contextAgrees below) at exactly one of those places. Anything else is ORPHANED: it keeps its
 * old words and offsets, and the closest passages are offered as candidates for a person to
 * accept. Offsets are code points, as everywhere (src/data/anchor.ts).
 */
import search from 'approx-string-match';
import { anchorAt, codePoints, findOccurrences, type Anchor } from '../data/anchor';

/** What a stored excerpt says about its words: the W3C quote and position selectors. */
export interface StoredQuote {
  exact: string;
  prefix: string | null;
  suffix: string | null;
  start: number;
  end: number;
}

/** A passage of the current text offered for an orphan, best first. */
export interface Candidate {
  exact: string;
  start: number;
  end: number;
  /** 0 to 1: how well the passage and the text around it match the stored words and context. */
  score: number;
}

export type Reanchoring =
  { state: 'ANCHORED'; anchor: Anchor; moved: boolean } | { state: 'ORPHANED'; candidates: Candidate[] };

/** At most this many candidates are kept per orphan (Excerpt.candidates' cap). */
export const MAX_CANDIDATES = 5;

/**
 * Does the text around [start, end) agree with the stored prefix and suffix?
 *
 * "Agrees" means: the code points just before `start`, as many as the stored prefix has, equal
 * the stored prefix; and the code points just after `end`, as many as the stored suffix has,
 * equal the stored suffix. A stored context shorter than QUOTE_CONTEXT (the old text began or
 * ended there) is compared over its own length only, so words that moved away from the text's
 * edge still agree. A new text that begins (or ends) closer to the words than the stored context
 * reaches does not agree: the stored words had that context, and "nothing there" matching it
 * vacuously would let the start of a text pass for any lookalike. Nothing is folded either: one
 * changed character of context is a disagreement.
 */
export function contextAgrees(
  text: readonly string[],
  start: number,
  end: number,
  prefix: string | null,
  suffix: string | null,
): boolean {
  const p = codePoints(prefix ?? '');
  const s = codePoints(suffix ?? '');
  if (start - p.length < 0 || end + s.length > text.length) return false;
  const before = text.slice(start - p.length, start).join('');
  const after = text.slice(end, end + s.length).join('');
  return before === p.join('') && after === s.join('');
}

/**
 * Where does a stored excerpt belong in a new text? ANCHORED (at the one place its exact words
 * occur with agreeing context; `moved` when the offsets changed) or ORPHANED with candidates.
 * Several occurrences are fine when the context picks exactly one; two that both agree (a
 * repeated sentence with its surroundings) cannot be told apart, so the excerpt is orphaned.
 */
export function reanchor(text: string, quote: StoredQuote): Reanchoring {
  const cps = codePoints(text);
  const hits = findOccurrences(cps, codePoints(quote.exact)).filter(([s, e]) =>
    contextAgrees(cps, s, e, quote.prefix, quote.suffix),
  );
  if (hits.length === 1) {
    const [start, end] = hits[0]!;
    return {
      state: 'ANCHORED',
      anchor: anchorAt(cps, start, end),
      moved: start !== quote.start || end !== quote.end,
    };
  }
  return { state: 'ORPHANED', candidates: candidates(text, quote) };
}

/** UTF-16 index → code-point index, for every index 0..text.length (approx-string-match counts UTF-16). */
function codePointIndex(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: both units map to it.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

/** 1 − (fewest edits to find `wanted` inside `window`) / |wanted|; 1 when nothing is wanted. */
function similarity(window: string, wanted: string): number {
  if (wanted.length === 0) return 1;
  if (window.length === 0) return 0;
  const [best] = search(window, wanted, wanted.length).sort((a, b) => a.errors - b.errors);
  return best ? Math.max(0, 1 - best.errors / wanted.length) : 0;
}

// Weights of the score, in the spirit of Hypothesis's quote matching: the words count most, the
// context either side next, and nearness to the old position only breaks near-ties.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

/**
 * The passages of `text` closest to the stored words (approximate matching, at most half the
 * words' length in edits), each scored in [0, 1] with its context and position, best first,
 * overlapping passages left out (the better one is kept). Computed once per recheck and stored:
 * the text does not change until the next recheck, and reads then cost nothing.
 */
export function candidates(text: string, quote: StoredQuote, limit = MAX_CANDIDATES): Candidate[] {
  const exact = quote.exact;
  if (!exact || !text) return [];
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return [];
  const cp = codePointIndex(text);
  const textLength = cp[text.length]!;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const scored = matches.map((m) => {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix);
    const suffixScore = similarity(text.slice(m.end, m.end + suffix.length), suffix);
    const start = cp[m.start]!;
    const end = cp[m.end]!;
    const positionScore = textLength ? 1 - Math.min(1, Math.abs(start - quote.start) / textLength) : 1;
    const score =
      (W_QUOTE * quoteScore + W_PREFIX * prefixScore + W_SUFFIX * suffixScore + W_POSITION * positionScore) /
      (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION);
    return { exact: text.slice(m.start, m.end), start, end, score: Math.round(score * 1e4) / 1e4 };
  });
  scored.sort((a, b) => b.score - a.score || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of scored) {
    if (kept.length >= limit) break;
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept;
}
