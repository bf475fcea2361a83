// Sources for a batch of URLs (the per-request source loader).
UNWIND $urls AS url
MATCH (s:Source {url: url})
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(p:Actor)
RETURN s.url AS url, s.title AS title, s.publishedAt AS publishedAt, p.id AS publisher,
       s.text AS text, s.contentHash AS contentHash
