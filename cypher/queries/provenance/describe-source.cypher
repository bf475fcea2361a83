// What addSource adds for copies and translations, in its transaction: the source's language,
// its MinHash signature and band keys, and a SIMILAR_TO link to each near-duplicate candidate
// (never COPY_OF: only an editor marks a copy, with markCopy).
MATCH (s:Source {url: $url})
SET s.language = $language, s.minhash = $minhash, s.minhashBands = $minhashBands
WITH s
CALL {
  WITH s
  UNWIND $candidates AS cand
  MATCH (earlier:Source {url: cand.url})
  MERGE (s)-[r:SIMILAR_TO]->(earlier)
  SET r.similarity = cand.similarity
  RETURN count(*) AS candidates
}
RETURN s.url AS url, candidates
