// Who accuses whom, how often, about what: one row per accuser and accused.
MATCH (c:Claim {kind: 'ACCUSATION'})-[:CLAIMED_BY]->(accuser:Actor)
MATCH (c)-[:TARGETS]->(accused:Actor)
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH accuser, accused, c, collect(DISTINCT e.name) AS events
RETURN accuser.name AS accuser, accused.name AS accused, count(c) AS accusations,
       collect(c.content) AS about
ORDER BY accusations DESC, accuser, accused
