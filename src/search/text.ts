import { BadUserInputError } from '../errors';

/**
 * Search text for the claims full-text index (cypher/queries/search/claims.cypher): the Lucene
 * query built from what a user typed (with British ↔ American spelling variants), the words to
 * mark in highlights, and how Lucene's refusals are recognised. Pure functions: unit-tested in
 * test/unit/search-text.test.ts, used by src/graphql/resolvers/analysis.ts.
 */

/** Lucene's English stop words: never highlighted (the index drops them). */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);

/** British ↔ American spellings of one lower-case word: the word itself first. */
export function spellingVariants(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set<string>([w]);
  const swaps: [RegExp, string][] = [
    [/our(s|ed|ing|ite|ites|able|ful|less)?$/, 'or$1'], // harbour → harbor, favourite → favorite
    [/([^aeiou])or(s|ed|ing|able)?$/, '$1our$2'], // harbor → harbour (not "for", "door")
    [/is(e|es|ed|ing|ation|ations)$/, 'iz$1'], // recognise → recognize
    [/iz(e|es|ed|ing|ation|ations)$/, 'is$1'],
    [/ys(e|es|ed|ing)$/, 'yz$1'], // analyse → analyze
    [/yz(e|es|ed|ing)$/, 'ys$1'],
    [/tre(s)?$/, 'ter$1'], // centre → center
    [/([^aeiou])ter(s)?$/, '$1tre$2'],
    [/ence$/, 'ense'], // defence → defense
    [/ense$/, 'ence'],
    [/ogue(s)?$/, 'og$1'], // dialogue → dialog
    [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'], // travelled → traveled
    [/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'], // traveled → travelled
  ];
  if (w.length >= 5) for (const [pattern, replacement] of swaps) out.add(w.replace(pattern, replacement));
  return [...out];
}

/** A light stemmer: enough for "harbours" / "harboring" / "harbour" to meet. */
function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's', 'e']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * The stems of a word's spelling variants. Two words match in a highlight when these share a
 * stem, so highlights follow the same British ↔ American rules (spellingVariants) as the search.
 */
function stems(word: string): string[] {
  return [...new Set(spellingVariants(word).map(stem))];
}

export interface SearchTerm {
  word: string;
  prefix: boolean;
  fuzzy: boolean;
}

/**
 * The Lucene query sent to the index, and the words to mark in highlights. Plain words outside
 * quotes become `(word OR variant…)` when they have spelling variants; everything else (phrases,
 * operators, `+`/`-`, `*`, `~`, parentheses) reaches Lucene as typed, so malformed syntax fails
 * there and is reported as BAD_USER_INPUT.
 */
export function buildSearchQuery(text: string): { query: string; terms: SearchTerm[] } {
  const trimmed = text.trim();
  if (trimmed === '') throw new BadUserInputError('text: give at least one word to search for', 'text');
  if (trimmed.length > 500) throw new BadUserInputError('text: at most 500 characters', 'text');
  // Refused before Lucene sees them: a /regular expression/ (it can be made to explode, and
  // Lucene reports its failures as server errors) and a word starting with * or ? (a scan of the
  // whole term dictionary).
  const unquoted = trimmed.split(/(?<!\\)"/).filter((_, i) => i % 2 === 0);
  if (unquoted.some((segment) => segment.includes('/'))) {
    throw new BadUserInputError(
      'text: regular expressions (/…/) are not supported; quote a "/" to search for it',
      'text',
    );
  }
  if (unquoted.some((segment) => /(^|[\s(+\-:!|&])[*?]/.test(segment))) {
    throw new BadUserInputError(
      'text: a word cannot start with * or ?; put the wildcard after some letters',
      'text',
    );
  }
  const terms: SearchTerm[] = [];
  const segments = trimmed.split(/(?<!\\)"/);
  const query = segments
    .map((segment, i) => {
      const quoted = i % 2 === 1;
      for (const m of segment.matchAll(/(^|[\s(+])(-?)([\p{L}\p{N}]+)(\*|~[\d.]*)?(?=$|[\s)^])/gu)) {
        const [, , minus, word, op] = m;
        if (minus || OPERATORS.has(word!) || STOP_WORDS.has(word!.toLowerCase())) continue;
        terms.push({ word: word!.toLowerCase(), prefix: op === '*', fuzzy: !!op?.startsWith('~') });
      }
      if (quoted) return segment;
      return segment.replace(/(^|[\s(+])([\p{L}]+)(?=$|[\s)])/gu, (whole, lead: string, word: string) => {
        if (OPERATORS.has(word)) return whole;
        const variants = spellingVariants(word);
        return variants.length > 1 ? `${lead}(${variants.join(' OR ')})` : whole;
      });
    })
    .join('"');
  return { query, terms };
}

/** Levenshtein distance: for fuzzy highlights here and "did you mean" hints in data files. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The passage with each word that matches a search term wrapped in «guillemets», or null. */
export function highlight(passage: string, terms: SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  const wanted = terms.map((t) => ({ ...t, stems: stems(t.word) }));
  let marked = false;
  const out = passage.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    const own = stems(lower);
    const hit = wanted.some((t) =>
      t.prefix
        ? lower.startsWith(t.word)
        : own.some((w) =>
            t.stems.some((s) => w === s || (t.fuzzy && s.length > 3 && editDistance(w, s) <= 2)),
          ),
    );
    if (!hit) return word;
    marked = true;
    return `«${word}»`;
  });
  return marked ? out : null;
}
