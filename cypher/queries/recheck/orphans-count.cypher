// How many excerpts the worklist (recheck/orphans-page) holds: it reads only orphans.
MATCH (x:Excerpt {state: 'ORPHANED'})-[:IN_SOURCE]->(s:Source)
WHERE $sourceUrl IS NULL OR s.url = $sourceUrl
MATCH (c:Claim)-[:EVIDENCED_BY]->(x)
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') <> 'REJECTED'
RETURN count(DISTINCT x) AS total
