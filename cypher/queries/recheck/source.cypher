// recheckSource, first: the source locked for the rest of the transaction (the no-op SET/REMOVE),
// so no excerpt can be anchored in its old text, and no other recheck or acceptCandidate can run on
// it, until this one commits; then its text, its last snapshot and every excerpt anchored in it.
OPTIONAL MATCH (s:Source {url: $url})
SET s._lock = true
REMOVE s._lock
WITH s
CALL {
  WITH s
  OPTIONAL MATCH (s)-[:HAS_SNAPSHOT]->(n:Snapshot)
  RETURN max(n.position) AS position, count(n) AS snapshots
}
CALL {
  WITH s
  OPTIONAL MATCH (s)<-[:IN_SOURCE]-(x:Excerpt)
  OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(x)
  WITH x, c ORDER BY x.id
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE
    {id: x.id, exact: x.exact, prefix: x.prefix, suffix: x.suffix, start: x.start, end: x.end,
     state: coalesce(x.state, 'ANCHORED'), claim: c.id} END) AS excerpts
}
RETURN s IS NOT NULL AS exists, s.text AS text, s.contentHash AS contentHash, position, snapshots, excerpts
