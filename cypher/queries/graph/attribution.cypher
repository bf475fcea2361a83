// The attribution graph: one row per claim per target, from the claimant to the target. Retracted
// claims are left out. $actors (ids or null): with two or more, edges between them; with one,
// every edge touching it. A claim's day is fragments/claim-day (statedOn, else the earliest source);
// $from / $to (inclusive) leave undated claims out. Bounded by $limit rows (the resolver asks for
// one more than it returns, to tell a truncated graph).
MATCH (c:Claim)-[:CLAIMED_BY]->(a:Actor)
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED' AND ($kinds IS NULL OR c.kind IN $kinds)
MATCH (c)-[:TARGETS]->(t:Actor)
WHERE $actors IS NULL
   OR (size($actors) = 1 AND (a.id IN $actors OR t.id IN $actors))
   OR (a.id IN $actors AND t.id IN $actors)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
  WITH DISTINCT s ORDER BY s.publishedAt, s.url
  RETURN collect(s.url) AS sources
}
WITH c, a, t, sources,
     // @include claim-day
     AS day
WHERE ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
RETURN c.id AS claim, c.kind AS kind, a.id AS from, t.id AS to, sources, day
ORDER BY day, claim, to
LIMIT toInteger($limit)
