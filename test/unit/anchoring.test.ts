import { anchorAt, codePoints } from '../../src/data/anchor';
import { candidates, contextAgrees, reanchor, type StoredQuote } from '../../src/anchoring';

/** The stored selectors of `exact` in `text`, as recordClaim stores them. */
function quoteOf(text: string, exact: string): StoredQuote {
  const cps = codePoints(text);
  const start = codePoints(text.slice(0, text.indexOf(exact))).length;
  return anchorAt(cps, start, start + codePoints(exact).length);
}

const ORIGINAL =
  'Kabul, 3 November. Border officials said 12 people were injured at the crossing on Sunday. ' +
  'The ministry said the crossing would reopen next week.';

describe('reanchor', () => {
  it('re-anchors words that moved (text inserted before them) at their new code-point offsets', () => {
    const q = quoteOf(ORIGINAL, 'Border officials said 12 people were injured');
    const edited = 'Updated at 14:00 🕑. ' + ORIGINAL;
    const r = reanchor(edited, q);
    expect(r.state).toBe('ANCHORED');
    if (r.state !== 'ANCHORED') return;
    expect(r.moved).toBe(true);
    // The clock emoji is one code point (two UTF-16 units): offsets count code points.
    expect(r.anchor.start).toBe(q.start + codePoints('Updated at 14:00 🕑. ').length);
    expect(codePoints(edited).slice(r.anchor.start, r.anchor.end).join('')).toBe(q.exact);
    // The context is the new text's: the full 32 code points now, ending with the stored prefix.
    expect(r.anchor.prefix.endsWith(q.prefix ?? '')).toBe(true);
    expect(codePoints(r.anchor.prefix).length).toBe(32);
  });

  it('keeps words whose text did not change around them where they are (moved: false)', () => {
    const q = quoteOf(ORIGINAL, 'The ministry said the crossing would reopen next week.');
    const r = reanchor(ORIGINAL + ' More to follow.', q);
    expect(r).toMatchObject({ state: 'ANCHORED', moved: false, anchor: { start: q.start } });
  });

  it('orphans words that were changed, and offers the changed passage first', () => {
    const q = quoteOf(ORIGINAL, 'Border officials said 12 people were injured');
    const edited = ORIGINAL.replace('12 people were injured', '14 people were injured');
    const r = reanchor(edited, q);
    expect(r.state).toBe('ORPHANED');
    if (r.state !== 'ORPHANED') return;
    expect(r.candidates[0]).toMatchObject({
      exact: 'Border officials said 14 people were injured',
      start: q.start,
    });
    expect(r.candidates[0]!.score).toBeGreaterThan(0.9);
    expect(r.candidates[0]!.score).toBeLessThanOrEqual(1);
  });

  it('never uses a lookalike: the same words elsewhere with other context orphan the excerpt', () => {
    const text = 'Officials said the road was closed. Later, officials said the road was open.';
    const q = quoteOf(text, 'the road was closed');
    // The passage is rewritten; the same words now appear only in a different sentence.
    const edited = 'Officials said the road was open. A rumour said the road was closed, wrongly.';
    const r = reanchor(edited, q);
    expect(r.state).toBe('ORPHANED');
    if (r.state !== 'ORPHANED') return;
    // The lookalike is offered, for a person to judge, never taken.
    expect(r.candidates.map((c) => c.exact)).toContain('the road was closed');
  });

  it('re-anchors words that occur several times when the context picks exactly one', () => {
    const text = 'Alpha said yes. Beta said no. Gamma said yes.';
    const q = quoteOf(text, 'Gamma said yes');
    const edited = 'Gamma said yes. ' + text;
    const r = reanchor(edited, q);
    expect(r).toMatchObject({ state: 'ANCHORED', anchor: { start: q.start + 16 } });
  });

  it('orphans words repeated with the same context: two agreeing places cannot be told apart', () => {
    const sentence = 'They said the talks failed. ';
    const q = quoteOf(sentence + 'End.', 'the talks failed');
    const r = reanchor(sentence + 'End. ' + sentence + 'End.', q);
    expect(r.state).toBe('ORPHANED');
  });

  it('compares a stored context cut at the old text edge over its own length only', () => {
    const text = 'Officials said 12 people were injured.';
    const q = quoteOf(text, 'Officials said');
    expect(q.prefix).toBe('');
    expect(reanchor('Kabul. ' + text, q)).toMatchObject({ state: 'ANCHORED', anchor: { start: 7 } });
  });
});

describe('contextAgrees', () => {
  const text = codePoints('xxabcWORDdefyy');
  it('is exact over the stored lengths', () => {
    expect(contextAgrees(text, 5, 9, 'abc', 'def')).toBe(true);
    expect(contextAgrees(text, 5, 9, 'abd', 'def')).toBe(false);
    expect(contextAgrees(text, 5, 9, 'abc', 'deg')).toBe(false);
    expect(contextAgrees(text, 5, 9, null, null)).toBe(true);
  });
  it('disagrees where the new text begins or ends closer than the stored context reaches', () => {
    // The start of a text must not pass for any context: "nothing there" is not "abc".
    expect(contextAgrees(codePoints('cWORDdef'), 1, 5, 'abc', 'def')).toBe(false);
    expect(contextAgrees(codePoints('abcWORDd'), 3, 7, 'abc', 'def')).toBe(false);
    expect(contextAgrees(codePoints('WORD'), 0, 4, '', '')).toBe(true);
  });
});

describe('candidates', () => {
  it('are at most five, non-overlapping, best first, with code-point offsets and scores in [0,1]', () => {
    const text =
      '🕑 ' + Array.from({ length: 8 }, (_, i) => `Officials said ${i} people were hurt.`).join(' ');
    const found = candidates(text, {
      exact: 'Officials said 9 people were hurt',
      prefix: '',
      suffix: '.',
      start: 2,
      end: 35,
    });
    expect(found.length).toBe(5);
    for (const c of found) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(codePoints(text).slice(c.start, c.end).join('')).toBe(c.exact);
    }
    expect([...found].sort((a, b) => b.score - a.score)).toEqual(found);
    // The nearest to the old position wins a tie of words and context.
    expect(found[0]!.start).toBe(2);
  });
  it('are none when nothing is close', () => {
    expect(
      candidates('Completely different words here.', quoteOf(ORIGINAL, 'Border officials said')),
    ).toEqual([]);
  });
});
