// acceptCandidate, first: the excerpt, its claim, and its source's current text, the source locked
// (the no-op SET/REMOVE) so a recheck cannot change the text before the new offsets are written.
OPTIONAL MATCH (x:Excerpt {id: $id})-[:IN_SOURCE]->(s:Source)
SET s._lock = true
REMOVE s._lock
WITH x, s
OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(x)
RETURN x IS NOT NULL AS exists, x.exact AS exact, x.start AS start, x.end AS end,
       coalesce(x.state, 'ANCHORED') AS state, s.url AS url, s.text AS text, c.id AS claim
