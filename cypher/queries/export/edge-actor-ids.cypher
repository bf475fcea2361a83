// The ids of every actor at either end of an edge export/edges-page would write (same filters), so
// an export filtered on actors lists each edge's endpoints among its nodes: with one actor, that
// is the actor and everyone it has claims with.
MATCH (c:Claim)-[:CLAIMED_BY]->(a:Actor)
WHERE c.retractedAt IS NULL AND ($kinds IS NULL OR c.kind IN $kinds)
MATCH (c)-[:TARGETS]->(t:Actor)
WHERE $actors IS NULL
   OR (size($actors) = 1 AND (a.id IN $actors OR t.id IN $actors))
   OR (a.id IN $actors AND t.id IN $actors)
WITH c, a, collect(t.id) AS targets
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
  RETURN min(s.publishedAt) AS published
}
WITH a, targets, coalesce(c.statedOn, published) AS day
WHERE ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
UNWIND [a.id] + targets AS id
WITH DISTINCT id
RETURN collect(id) AS ids
