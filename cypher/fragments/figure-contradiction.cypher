// Claim `o` contradicts FIGURE claim `c`: both are about the same event (which fixes the period),
// report a figure for the same measure in the same unit (trimmed, case-insensitive) with another
// value, come from different claimants, and `o` is not retracted. Binds c, o, f and g.
// Included by claim-status (is `c` DISPUTED?) and disputes/list (which claims contradict `c`?).
MATCH (c)-[:HAS_FIGURE]->(f:Figure),
      (c)-[:ABOUT]->(:Event)<-[:ABOUT]-(o:Claim {kind: 'FIGURE'})-[:HAS_FIGURE]->(g:Figure)
WHERE c.kind = 'FIGURE' AND o <> c AND o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  AND toLower(trim(f.measure)) = toLower(trim(g.measure))
  AND coalesce(toLower(trim(f.unit)), '') = coalesce(toLower(trim(g.unit)), '')
  AND f.value <> g.value
  AND NOT EXISTS { (c)-[:CLAIMED_BY]->(:Actor)<-[:CLAIMED_BY]-(o) }
