// One more excerpt evidencing a claim, anchored by the caller (src/writes/claims.ts anchorExcerpt),
// with its language and, for a translation, the excerpt it translates and who translated it.
MATCH (c:Claim {id: $claim}), (s:Source {url: $source})
CREATE (x:Excerpt {id: $id, exact: $excerpt.exact, prefix: $excerpt.prefix, suffix: $excerpt.suffix,
                   start: $excerpt.start, end: $excerpt.end, position: $position,
                   language: $language, method: $method, createdAt: datetime($at), createdBy: $by})
CREATE (c)-[:EVIDENCED_BY]->(x)-[:IN_SOURCE]->(s)
WITH x
CALL {
  WITH x
  MATCH (original:Excerpt {id: $translationOf})
  CREATE (x)-[:TRANSLATION_OF]->(original)
  RETURN count(*) AS originals
}
CALL {
  WITH x
  MATCH (translator:Actor {id: $translator})
  CREATE (x)-[:TRANSLATED_BY]->(translator)
  RETURN count(*) AS translators
}
RETURN x.id AS id
