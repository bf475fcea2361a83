// Actor.claimsMade / claimsAbout for a batch of actors in one query: per actor, the total and one
// page of claim ids (same order as claims/page).
UNWIND $actorIds AS actorId
OPTIONAL MATCH (a:Actor {id: actorId})
CALL {
  WITH a
  OPTIONAL MATCH (c:Claim)-[r:CLAIMED_BY|TARGETS]->(a)
  WHERE c IS NOT NULL AND type(r) = $relation AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
  WITH c ORDER BY c.statedOn IS NULL, c.statedOn DESC, c.id
  RETURN collect(c.id) AS ids
}
RETURN actorId, size(ids) AS total, ids[$skip..$skip + $limit] AS ids
