// The actors taking part in the dispute over claim `c` (a CALL body: import `c`, RETURN `a`): the
// claimant, voice and targets of `c` itself, of each claim that denies it (not retracted, nor a
// draft) and of each figure claim that contradicts it (fragments/figure-contradiction). An actor
// is one of these exactly when `disputes(actor:)` lists `c` for it. Included by
// disputes/refresh-links (which stores them as IN_DISPUTE links) and by the migration's copy.
WITH c
MATCH (c)-[:CLAIMED_BY|VOICED_BY|TARGETS]->(a:Actor)
RETURN a
UNION
WITH c
MATCH (c)<-[:DENIES]-(denier:Claim)-[:CLAIMED_BY|VOICED_BY|TARGETS]->(a:Actor)
WHERE denier.retractedAt IS NULL AND coalesce(denier.verification, 'VERIFIED') = 'VERIFIED'
RETURN a
UNION
WITH c
// @include figure-contradiction
MATCH (o)-[:CLAIMED_BY|VOICED_BY|TARGETS]->(a:Actor)
RETURN a
