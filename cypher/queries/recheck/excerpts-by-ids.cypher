// Excerpts by id, with what issue 12 adds (the per-request excerpt loader): state, the snapshot the
// words are anchored in (an orphan's old one; else the source's newest), candidates, old words.
UNWIND $ids AS id
MATCH (x:Excerpt {id: id})-[:IN_SOURCE]->(s:Source)
OPTIONAL MATCH (c:Claim)-[:EVIDENCED_BY]->(x)
OPTIONAL MATCH (x)-[:ANCHORED_IN]->(old:Snapshot)
CALL {
  WITH s
  OPTIONAL MATCH (s)-[:HAS_SNAPSHOT]->(n:Snapshot)
  WITH n ORDER BY n.position DESC
  LIMIT 1
  RETURN n.id AS current
}
RETURN x.id AS id, x.exact AS exact, x.prefix AS prefix, x.suffix AS suffix, x.start AS start, x.end AS end,
       s.url AS sourceUrl, c.id AS claim, coalesce(x.state, 'ANCHORED') AS state,
       coalesce(old.id, current) AS snapshot, x.orphanedAt AS orphanedAt,
       [i IN range(0, size(coalesce(x.candidateStarts, [])) - 1) |
         {exact: x.candidateExacts[i], start: x.candidateStarts[i], end: x.candidateEnds[i], score: x.candidateScores[i]}] AS candidates,
       CASE WHEN x.previousExact IS NULL THEN null
            ELSE {exact: x.previousExact, start: x.previousStart, end: x.previousEnd, by: x.acceptedBy, at: x.acceptedAt} END AS previous
