// The claim addEvidence adds to, write-locked first (no-op SET/REMOVE) so two concurrent calls
// cannot both take the same next position, with any excerpt already at the same anchor.
OPTIONAL MATCH (c:Claim {id: $claim})
SET c._lock = true
REMOVE c._lock
WITH c
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)
WITH c, max(x.position) AS lastPosition
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(same:Excerpt)-[:IN_SOURCE]->(:Source {url: $source})
WHERE same.start = $start AND same.end = $end
RETURN c IS NOT NULL AS exists, coalesce(c.verification, 'VERIFIED') AS verification,
       c.retractedAt IS NOT NULL AS retracted, lastPosition, collect(same.id)[0] AS existing,
       COUNT { MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source) RETURN DISTINCT s } AS sources,
       EXISTS { (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(:Source {url: $source}) } AS inSource
