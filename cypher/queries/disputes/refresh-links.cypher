// Keeps `disputes(actor:)` a page of an index: for each given claim (claims/refresh-status has
// just stored their status), its IN_DISPUTE links are rebuilt: one (:Actor)-[:IN_DISPUTE]->(c)
// per actor taking part in the dispute (fragments/dispute-parties) while `c` is a DISPUTED
// VERIFIED claim, none otherwise. The link's key, actorId|claimId, is indexed (migration 0010),
// so an actor's disputes in claim id order are one range of it, however many claims the actor has.
// Runs in the write's transaction after refresh-status, with every claim's lock already held.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL {
  WITH c
  OPTIONAL MATCH (:Actor)-[old:IN_DISPUTE]->(c)
  DELETE old
  RETURN count(old) AS removed
}
WITH c
WHERE c.status = 'DISPUTED' AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
CALL {
  // @include dispute-parties
}
CREATE (a)-[:IN_DISPUTE {key: a.id + '|' + c.id}]->(c)
RETURN count(*) AS linked
