// Each accusation with its denials (if any), who made them, and the words that carry them.
MATCH (c:Claim {kind: 'ACCUSATION'})-[:CLAIMED_BY]->(accuser:Actor)
WHERE coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
OPTIONAL MATCH (c)-[:TARGETS]->(t:Actor)
WITH c, accuser, collect(t.name) AS accused
OPTIONAL MATCH (d:Claim)-[:DENIES]->(c) WHERE coalesce(d.verification, 'VERIFIED') = 'VERIFIED'
OPTIONAL MATCH (d)-[:CLAIMED_BY]->(denier:Actor)
OPTIONAL MATCH (d)-[:EVIDENCED_BY]->(dx:Excerpt)
WITH c, accuser, accused, d, denier, collect(dx.exact) AS denialWords
WITH c, accuser, accused,
     collect(CASE WHEN d IS NULL THEN null ELSE {id: d.id, by: denier.name, content: d.content, words: denialWords} END) AS denials
RETURN c.id AS accusation, accuser.name AS accuser, accused, c.content AS content, denials
ORDER BY size(denials) DESC, accusation
