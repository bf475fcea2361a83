// Imported sources with their text and the outlet that published it.
UNWIND $sources AS s
CREATE (x:Source {url: s.url, title: s.title, text: s.text, contentHash: s.contentHash, language: s.language,
                  publishedAt: date(s.publishedAt),
                  sortKey: coalesce(toString(date(s.publishedAt)), '-') + '|' + s.url,
                  importHash: s.hash, createdAt: datetime($at), createdBy: $by})
// Its first snapshot (issue 12), in the same UNWIND: no second pass over the batch.
CREATE (x)-[:HAS_SNAPSHOT]->(:Snapshot {id: s.url + '#snapshot-1', position: 1, text: s.text,
                                        contentHash: s.contentHash, at: datetime($at), by: $by})
WITH x, s
CALL {
  WITH x, s
  MATCH (p:Actor {id: s.publisher})
  CREATE (x)-[:PUBLISHED_BY]->(p)
  RETURN count(*) AS publishers
}
RETURN count(x) AS written
