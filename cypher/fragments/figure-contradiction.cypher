// Claim `o` contradicts FIGURE claim `c`: both are about the same event (which fixes the period),
// report a figure for the same measure in the same unit (trimmed, case-insensitive) with another
// value, come from different claimants, and `o` is not retracted (nor a draft). Binds c, o, f and g.
// "Same event, measure and unit" is "same FigureKey" (fragments/figure-key, kept by
// claims/refresh-figure-keys), so this is a walk from `c` through its keys, never a scan.
// Included by claim-status (is `c` DISPUTED?) and disputes/* (which claims contradict `c`?).
// `coalesce(o.kind, '')`, not `{kind: 'FIGURE'}`: an equality on o.kind lets the planner start
// from the claim_kind index and walk back to c, which it does when the plan is made on an empty
// or small graph (the first batch of a bulk import): every claim checked then reads every FIGURE
// claim, 87 million database hits for one batch of 20,000 records. With no seekable predicate on
// `o`, the walk starts from `c`, whatever the statistics.
MATCH (c)-[:HAS_FIGURE]->(f:Figure)-[:KEYED_AS]->(:FigureKey)<-[:KEYED_AS]-(g:Figure)<-[:HAS_FIGURE]-(o:Claim)
WHERE c.kind = 'FIGURE' AND coalesce(o.kind, '') = 'FIGURE' AND o <> c
  AND o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  AND f.value <> g.value
  AND NOT EXISTS { (c)-[:CLAIMED_BY]->(:Actor)<-[:CLAIMED_BY]-(o) }
