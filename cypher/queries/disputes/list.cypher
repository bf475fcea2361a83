// Disputed claims, each with every live denial of it and every contradicting figure claim.
// Contradictions are computed here, at query time: FIGURE claims with a figure for the same
// measure (trimmed, case-insensitive), about a shared event, from different claimants, whose
// values differ. Retracted claims take no part. $actor (an id or null) keeps disputes where that
// actor is claimant, voice or target of the disputed claim or of one of its opponents.
CALL {
  MATCH (c:Claim)<-[:DENIES]-(o:Claim)
  WHERE c.retractedAt IS NULL AND o.retractedAt IS NULL
  RETURN c, o, 'DENIAL' AS how
  UNION
  MATCH (c:Claim {kind: 'FIGURE'})-[:HAS_FIGURE]->(f:Figure),
        (c)-[:ABOUT]->(:Event)<-[:ABOUT]-(o:Claim {kind: 'FIGURE'})-[:HAS_FIGURE]->(g:Figure)
  WHERE c <> o AND c.retractedAt IS NULL AND o.retractedAt IS NULL
    AND toLower(trim(f.measure)) = toLower(trim(g.measure))
    AND f.value <> g.value
    AND NOT EXISTS { (c)-[:CLAIMED_BY]->(:Actor)<-[:CLAIMED_BY]-(o) }
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
