// The desk's worklist (Query.orphanedExcerpts): orphaned excerpts of claims still standing
// (not retracted, not rejected in review), most recently orphaned first, optionally of one source.
// The excerpt_state index (migration 0009) holds only orphans, so this never scans the excerpts.
MATCH (x:Excerpt {state: 'ORPHANED'})-[:IN_SOURCE]->(s:Source)
WHERE $sourceUrl IS NULL OR s.url = $sourceUrl
MATCH (c:Claim)-[:EVIDENCED_BY]->(x)
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') <> 'REJECTED'
WITH x ORDER BY x.orphanedAt DESC, x.id
WITH collect(x.id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS ids
