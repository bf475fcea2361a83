// Issue 12: copies and translations. A source's MinHash band keys (src/similarity/minhash.ts) are
// one space-separated string, `minhashBands`, indexed word by word ('whitespace' analyzer), so the
// sources that share a band with a new text are found by the index, never by reading every
// source's text. Sources written before this migration have no signature: they are not offered
// as copy candidates until they are re-added.
CREATE FULLTEXT INDEX source_minhash IF NOT EXISTS
FOR (s:Source) ON EACH [s.minhashBands]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
