// The provenance of a claim: claimant, the voice who said it, the outlet that reported it, the
// source and the exact words.
MATCH (c:Claim {id: $id})-[:CLAIMED_BY]->(claimant:Actor)
OPTIONAL MATCH (c)-[:VOICED_BY]->(voice:Actor)
MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(outlet:Actor)
RETURN c.id AS claim, claimant.name AS claimant, voice.name AS voice, outlet.name AS outlet,
       s.url AS source, s.publishedAt AS publishedAt, x.exact AS exact, x.start AS start, x.end AS end
ORDER BY x.position
