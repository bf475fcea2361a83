// The source document, its full text and hashes, and the outlet that published it.
MERGE (s:Source {url: $source.url})
  ON CREATE SET s.createdAt = datetime($at), s.createdBy = $by
SET s.title = $source.title,
    s.publishedAt = CASE WHEN $source.publishedAt IS NULL THEN null ELSE date($source.publishedAt) END,
    s.language = $source.language,
    s.text = $source.text,
    s.contentHash = $source.contentHash,
    s.sortKey = coalesce(toString(date($source.publishedAt)), '-') + '|' + $source.url,
    s.bundleHash = $bundleHash,
    s.updatedAt = datetime($at), s.updatedBy = $by
WITH s
// A snapshot of the text when it is new: the first load, or an edited file (issue 12).
CALL {
  WITH s
  OPTIONAL MATCH (s)-[:HAS_SNAPSHOT]->(last:Snapshot)
  WITH s, last ORDER BY last.position DESC LIMIT 1
  WITH s, last WHERE last IS NULL OR last.contentHash <> s.contentHash
  CREATE (s)-[:HAS_SNAPSHOT]->(:Snapshot {id: s.url + '#snapshot-' + (coalesce(last.position, 0) + 1),
                                          position: coalesce(last.position, 0) + 1, text: s.text,
                                          contentHash: s.contentHash, at: datetime($at), by: $by})
  RETURN count(*) AS snapshots
}
WITH s
OPTIONAL MATCH (s)-[old:PUBLISHED_BY]->()
DELETE old
WITH DISTINCT s
OPTIONAL MATCH (p:Actor {id: $source.publisher})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (s)-[:PUBLISHED_BY]->(p))
RETURN s.url AS url
