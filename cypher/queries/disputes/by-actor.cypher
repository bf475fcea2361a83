// The disputes an actor takes part in, in claim id order after $after ('' for the first page): a
// disputed claim where $actor is claimant, voice or target of the claim or of one of its
// opponents (live denials, contradicting figure claims). One range of the IN_DISPUTE key index
// (actorId|claimId, kept by disputes/refresh-links in every write that changes a status), read in
// its order: a page costs its disputes, not the actor's claims (a heavy claimant has 70,000 at a
// million claims). Same rows as disputes/list.
MATCH (:Actor)-[d:IN_DISPUTE]->(c:Claim)
USING INDEX SEEK d:IN_DISPUTE(key)
WHERE d.key > $actor + '|' + $after AND d.key < $actor + '|~'
WITH c ORDER BY d.key
LIMIT toInteger($first)
CALL {
  WITH c
  MATCH (c)<-[:DENIES]-(o:Claim)
  WHERE o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o.id) AS denials
}
CALL {
  WITH c
  // @include figure-contradiction
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o.id) AS contradictions
}
RETURN c.id AS id, denials, contradictions
