// Imported sources with their text and the outlet that published it.
UNWIND $sources AS s
CREATE (x:Source {url: s.url, title: s.title, text: s.text, contentHash: s.contentHash,
                  publishedAt: date(s.publishedAt),
                  sortKey: coalesce(toString(date(s.publishedAt)), '-') + '|' + s.url,
                  importHash: s.hash, createdAt: datetime($at), createdBy: $by})
WITH x, s
CALL {
  WITH x, s
  MATCH (p:Actor {id: s.publisher})
  CREATE (x)-[:PUBLISHED_BY]->(p)
  RETURN count(*) AS publishers
}
RETURN count(x) AS written
