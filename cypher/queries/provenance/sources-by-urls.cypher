// Copies and translations of a batch of sources (the per-request source-provenance loader):
// language, what each is a copy of, its copies, and its near-duplicate candidates, best first.
UNWIND $urls AS url
MATCH (s:Source {url: url})
OPTIONAL MATCH (s)-[:COPY_OF]->(of:Source)
RETURN s.url AS url, s.language AS language, of.url AS copyOf,
       COLLECT { MATCH (c:Source)-[:COPY_OF]->(s) RETURN c.url ORDER BY c.url } AS copies,
       COLLECT { MATCH (s)-[r:SIMILAR_TO]->(e:Source)
                 RETURN {url: e.url, similarity: r.similarity} ORDER BY r.similarity DESC, e.url } AS copyCandidates
