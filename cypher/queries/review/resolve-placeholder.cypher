// Moves every claim link of a placeholder (claimant, voice, target) to the named actor, and
// records the resolution on the placeholder, which stays readable. Returns the claims moved.
MATCH (p:Actor {id: $placeholder}), (a:Actor {id: $actor})
CREATE (p)-[:RESOLVED_TO {at: datetime($at), by: $by}]->(a)
SET p.resolvedAt = datetime($at), p.resolvedBy = $by
WITH p, a
CALL {
  WITH p, a
  MATCH (c:Claim)-[r:CLAIMED_BY]->(p)
  DELETE r
  MERGE (c)-[:CLAIMED_BY]->(a)
  RETURN collect(c.id) AS claimed
}
CALL {
  WITH p, a
  MATCH (c:Claim)-[r:VOICED_BY]->(p)
  DELETE r
  MERGE (c)-[:VOICED_BY]->(a)
  RETURN collect(c.id) AS voiced
}
CALL {
  WITH p, a
  MATCH (c:Claim)-[r:TARGETS]->(p)
  DELETE r
  MERGE (c)-[:TARGETS]->(a)
  RETURN collect(c.id) AS targeted
}
RETURN claimed, voiced, targeted
