// One page of claims for a streamed export (keyset paging on claim id after $after), each with
// its claimant, the targets that make its edges, and its sources. Same filters as
// graph/attribution: retracted claims and claims without a (matching) target are left out.
// $actors (ids or null): with two or more, edges between them; with one, every edge touching it.
// The same predicate is written out in graph/attribution.cypher: change both together. An export
// filtered on actors also runs this query to list the edges' endpoints as its nodes, so the two
// can never disagree.
MATCH (c:Claim)
WHERE c.id > $after AND c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED' AND ($kinds IS NULL OR c.kind IN $kinds)
MATCH (c)-[:CLAIMED_BY]->(a:Actor)
CALL {
  WITH c, a
  MATCH (c)-[:TARGETS]->(t:Actor)
  WHERE $actors IS NULL
     OR (size($actors) = 1 AND (a.id IN $actors OR t.id IN $actors))
     OR (a.id IN $actors AND t.id IN $actors)
  WITH t ORDER BY t.id
  RETURN collect(t.id) AS targets
}
WITH c, a, targets
WHERE size(targets) > 0
WITH c, a, targets,
     // @include claim-day
     AS day
WHERE ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
  WITH DISTINCT s ORDER BY s.publishedAt, s.url
  RETURN collect(s.url) AS sources
}
RETURN c.id AS id, c.kind AS kind, c.content AS content, a.id AS claimant, targets, sources, day,
       // @include claim-anchoring
       AS anchoring
ORDER BY id
LIMIT toInteger($limit)
