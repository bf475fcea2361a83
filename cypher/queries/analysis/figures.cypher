// Every reported figure with its claimant, measure, unit and the events it is about.
MATCH (c:Claim)-[:HAS_FIGURE]->(f:Figure)
WHERE coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
MATCH (c)-[:CLAIMED_BY]->(a:Actor)
OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
WITH c, a, f, collect(e.name) AS events
ORDER BY a.name, c.id, f.position
RETURN c.id AS claim, a.name AS claimant, f.measure AS measure, f.value AS value, f.unit AS unit, events
