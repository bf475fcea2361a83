// Tests only: the disputes an actor takes part in, found by walking from the actor through all of
// its claims, as disputes/by-actor did before the IN_DISPUTE links (migration 0010). The status
// property test holds the indexed page to this walk after every write. Same rows as
// disputes/by-actor.
MATCH (a:Actor {id: $actor})
// Pattern comprehensions walk from the bound actor. No predicate on `c` inside them: one would
// let the planner start from the status index instead, which costs every disputed claim.
WITH a,
     // The actor's own claims,
     [(a)<-[:CLAIMED_BY|VOICED_BY|TARGETS]-(c:Claim) | c]
     // the claims its claims deny,
     + [(a)<-[:CLAIMED_BY|VOICED_BY|TARGETS]-(:Claim)-[:DENIES]->(c:Claim) | c]
     // and the figure claims under a key of one of its figure claims (opponents checked below).
     + [(a)<-[:CLAIMED_BY|VOICED_BY|TARGETS]-(:Claim {kind: 'FIGURE'})-[:HAS_FIGURE]->(:Figure)
        -[:KEYED_AS]->(:FigureKey)<-[:KEYED_AS]-(:Figure)<-[:HAS_FIGURE]-(c:Claim) | c] AS candidates
UNWIND candidates AS c
WITH DISTINCT a, c
WHERE c.status = 'DISPUTED' AND c.id > $after AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
WITH a, c ORDER BY c.id
CALL {
  WITH c
  MATCH (c)<-[:DENIES]-(o:Claim)
  WHERE o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o) AS denials
}
CALL {
  WITH c
  // @include figure-contradiction
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o) AS contradictions
}
WITH a, c, denials, contradictions
WHERE any(x IN [c] + denials + contradictions WHERE EXISTS { (x)-[:CLAIMED_BY|VOICED_BY|TARGETS]->(a) })
RETURN c.id AS id, [o IN denials | o.id] AS denials, [o IN contradictions | o.id] AS contradictions
ORDER BY id
LIMIT toInteger($first)
