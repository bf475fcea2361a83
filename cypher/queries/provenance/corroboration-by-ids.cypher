// How many sources evidence each claim of a batch, and how many independent origins they come
// from (Claim.corroboration). An excerpt's origin is the root of its source's copy chain
// (COPY_OF, which markCopy keeps acyclic); an excerpt that translates another excerpt of the
// claim takes the origin of the original's source, since its words come from there.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
  OPTIONAL MATCH (x)-[:TRANSLATION_OF]->(:Excerpt)-[:IN_SOURCE]->(translated:Source)
  WITH s, coalesce(translated, s) AS basis
  WHERE s IS NOT NULL
  CALL {
    WITH basis
    MATCH (basis)-[:COPY_OF*0..]->(root:Source)
    WHERE NOT (root)-[:COPY_OF]->(:Source)
    RETURN root
    LIMIT 1
  }
  WITH root, collect(DISTINCT s.url) AS sources
  ORDER BY root.url
  RETURN count(DISTINCT root) AS independentOrigins, collect({origin: root.url, sources: sources}) AS origins
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
  RETURN count(DISTINCT s) AS sources
}
RETURN c.id AS id, sources, independentOrigins, origins
