// The source document, its full text and hashes, and the outlet that published it.
MERGE (s:Source {url: $source.url})
  ON CREATE SET s.createdAt = datetime($at), s.createdBy = $by
SET s.title = $source.title,
    s.publishedAt = CASE WHEN $source.publishedAt IS NULL THEN null ELSE date($source.publishedAt) END,
    s.text = $source.text,
    s.contentHash = $source.contentHash,
    s.sortKey = coalesce(toString(date($source.publishedAt)), '-') + '|' + $source.url,
    s.bundleHash = $bundleHash,
    s.updatedAt = datetime($at), s.updatedBy = $by
WITH s
OPTIONAL MATCH (s)-[old:PUBLISHED_BY]->()
DELETE old
WITH DISTINCT s
OPTIONAL MATCH (p:Actor {id: $source.publisher})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (s)-[:PUBLISHED_BY]->(p))
RETURN s.url AS url
