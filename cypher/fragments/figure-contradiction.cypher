// Claim `o` contradicts FIGURE claim `c`: both are about the same event (which fixes the period),
// report a figure for the same measure in the same unit (trimmed, case-insensitive) with another
// value, come from different claimants, and `o` is not retracted (nor a draft). Binds c, o, f and g.
// "Same event, measure and unit" is "same FigureKey" (fragments/figure-key, kept by
// claims/refresh-figure-keys), so this is a walk from `c` through its keys, never a scan.
// Included by claim-status (is `c` DISPUTED?) and disputes/* (which claims contradict `c`?).
// Nothing about `o` may be an index predicate: `o.kind = 'FIGURE'` was one, and on statistics
// sampled while the graph was small the planner started from every FIGURE claim (the kind index)
// and joined back to `c`, 12,000 database hits for one claim, then 670,000 as the graph grew. The
// coalesce keeps the same test out of the index, so the walk starts from the bound `c`.
MATCH (c)-[:HAS_FIGURE]->(f:Figure)-[:KEYED_AS]->(:FigureKey)<-[:KEYED_AS]-(g:Figure)<-[:HAS_FIGURE]-(o:Claim)
WHERE c.kind = 'FIGURE' AND coalesce(o.kind, '') = 'FIGURE' AND o <> c AND o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  AND f.value <> g.value
  AND NOT EXISTS { (c)-[:CLAIMED_BY]->(:Actor)<-[:CLAIMED_BY]-(o) }
