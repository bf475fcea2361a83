// A new source from the API. CREATE, not MERGE: if another transaction added the same URL
// meanwhile, the uniqueness constraint fails this one, and the executor re-runs addSource, whose
// check then answers "same text: the existing source" or CONFLICT.
CREATE (s:Source {url: $source.url, title: $source.title,
                  publishedAt: CASE WHEN $source.publishedAt IS NULL THEN null ELSE date($source.publishedAt) END,
                  text: $source.text, contentHash: $source.contentHash,
                  sortKey: coalesce(toString(date($source.publishedAt)), '-') + '|' + $source.url,
                  createdAt: datetime($at), createdBy: $by})
// Its first snapshot: the text history starts with the text as added (issue 12).
CREATE (s)-[:HAS_SNAPSHOT]->(:Snapshot {id: s.url + '#snapshot-1', position: 1, text: s.text,
                                        contentHash: s.contentHash, at: datetime($at), by: $by})
WITH s
OPTIONAL MATCH (p:Actor {id: $source.publisher})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (s)-[:PUBLISHED_BY]->(p))
RETURN s.url AS url
