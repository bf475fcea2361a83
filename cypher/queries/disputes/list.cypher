// Disputed claims, each with every live denial of it and every contradicting figure claim.
// Contradictions are computed when read, by the rule in fragments/figure-contradiction (the same
// one a claim's status uses). Retracted claims take no part. $actor (an id or null) keeps disputes where that
// actor is claimant, voice or target of the disputed claim or of one of its opponents.
CALL {
  MATCH (c:Claim)<-[:DENIES]-(o:Claim)
  WHERE c.retractedAt IS NULL AND o.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED' AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  RETURN c, o, 'DENIAL' AS how
  UNION
  MATCH (c:Claim {kind: 'FIGURE'})
  WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
  CALL {
    WITH c
    // @include figure-contradiction
    RETURN DISTINCT o
  }
  RETURN c, o, 'CONTRADICTION' AS how
}
WITH DISTINCT c, o, how
ORDER BY o.id
WITH c, collect(o) AS opponents,
     collect(CASE WHEN how = 'DENIAL' THEN o.id END) AS denials,
     collect(CASE WHEN how = 'CONTRADICTION' THEN o.id END) AS contradictions
WHERE $actor IS NULL
   OR any(x IN [c] + opponents WHERE EXISTS { (x)-[:CLAIMED_BY|VOICED_BY|TARGETS]->(:Actor {id: $actor}) })
RETURN c.id AS id, denials, contradictions
ORDER BY id
LIMIT toInteger($first)
