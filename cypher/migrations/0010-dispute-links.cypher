// Issue 11: `disputes(actor:)` pages one range of an index instead of walking every claim of the
// actor. (:Actor)-[:IN_DISPUTE {key: actorId|claimId}]->(:Claim) links each actor taking part in
// a dispute (claimant, voice or target of the disputed claim, of a live denial of it or of a
// contradicting figure claim: fragments/dispute-parties) to the disputed claim; every write that
// changes a status keeps them (disputes/refresh-links). This creates the index and the links of
// the disputes already stored.
CREATE INDEX in_dispute_key IF NOT EXISTS FOR ()-[d:IN_DISPUTE]-() ON (d.key);
CALL db.awaitIndexes(600);
MATCH (c:Claim)
WHERE c.status = 'DISPUTED' AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
  AND NOT EXISTS { (:Actor)-[:IN_DISPUTE]->(c) }
CALL {
  WITH c
  CALL {
    // @include dispute-parties
  }
  CREATE (a)-[:IN_DISPUTE {key: a.id + '|' + c.id}]->(c)
} IN TRANSACTIONS OF 1000 ROWS;
