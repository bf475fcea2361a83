/**
 * An excerpt of a test's own source text by its words: `{ exact, start, end }` as a source file or
 * an import line gives it (code-point offsets; the test texts are plain ASCII, so string offsets
 * are code points). Throws when the text lacks the words, so a test's fixture cannot drift.
 */
export function excerptsOf(text: string): (exact: string) => { exact: string; start: number; end: number } {
  return (exact) => {
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`test text lacks ${exact}`);
    return { exact, start, end: start + exact.length };
  };
}
