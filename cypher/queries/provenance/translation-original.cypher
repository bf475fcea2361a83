// The excerpt of a claim in the source a translation is made from (addEvidence translationOf):
// its first by position when the claim has several there.
MATCH (c:Claim {id: $claim})-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(:Source {url: $url})
RETURN x.id AS id
ORDER BY x.position
LIMIT 1
