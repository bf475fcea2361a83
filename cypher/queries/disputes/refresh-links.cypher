// Keeps `disputes(actor:)` a page of an index: for each given claim (claims/refresh-status has
// just stored their status), its IN_DISPUTE links become one (:Actor)-[:IN_DISPUTE]->(c) per
// actor taking part in the dispute (fragments/dispute-parties) while `c` is a DISPUTED VERIFIED
// claim, and none otherwise. The link's key, actorId|claimId, is indexed (migration 0010), so an
// actor's disputes in claim id order are one range of it, however many claims the actor has.
// Runs in the write's transaction after refresh-status, with every claim's lock already held.
// Most claims refreshed are neither disputed nor linked (a new statement, an import's batch):
// they are passed over after one check, and links that stay are neither deleted nor re-created.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
USING INDEX SEEK c:Claim(id)
WITH c, c.status = 'DISPUTED' AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED' AS disputed
WHERE disputed OR EXISTS { (:Actor)-[:IN_DISPUTE]->(c) }
CALL {
  WITH c, disputed
  WITH c WHERE disputed
  CALL {
    // @include dispute-parties
  }
  RETURN collect(a) AS parties
}
CALL {
  WITH c, parties
  OPTIONAL MATCH (x:Actor)-[old:IN_DISPUTE]->(c)
  WHERE NOT x IN parties
  DELETE old
  RETURN count(old) AS removed
}
WITH c, parties
UNWIND parties AS a
WITH c, a
WHERE NOT EXISTS { (a)-[:IN_DISPUTE]->(c) }
CREATE (a)-[:IN_DISPUTE {key: a.id + '|' + c.id}]->(c)
RETURN count(*) AS linked
