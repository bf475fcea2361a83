// The desk's worklist (Query.orphanedExcerpts): orphaned excerpts of claims still standing
// (not retracted, not rejected in review), most recently orphaned first, optionally of one source.
// Its key is orphanedAt in epoch milliseconds (13 digits) and the excerpt id, worked out here:
// the excerpt_state index (migration 0009) holds only orphans, so a page reads the orphans, never
// every excerpt. $lo / $hi are the cursor's bounds, $limit the page size + 1; the backward
// variant (recheck/orphans-page@backward) reads it ASC.
MATCH (x:Excerpt {state: 'ORPHANED'})-[:IN_SOURCE]->(s:Source)
WHERE $sourceUrl IS NULL OR s.url = $sourceUrl
MATCH (c:Claim)-[:EVIDENCED_BY]->(x)
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') <> 'REJECTED'
WITH x, right('0000000000000' + toString(x.orphanedAt.epochMillis), 13) + '|' + x.id AS key
WHERE key > $lo AND key < $hi
RETURN x.id AS id, key
ORDER BY key DESC
LIMIT toInteger($limit)
