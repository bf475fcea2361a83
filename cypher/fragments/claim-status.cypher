// The status of claim `c`, derived, never stored. Included by `// @include claim-status` lines.
// RETRACTED if retracted; DISPUTED if a claim that is not retracted denies it, or a live FIGURE
// claim about the same event reports another value for the same measure from another claimant
// (the rule disputes/list uses to list contradictions); UNCONTESTED otherwise.
CASE
  WHEN c.retractedAt IS NOT NULL THEN 'RETRACTED'
  WHEN EXISTS { (c)<-[:DENIES]-(d:Claim) WHERE d.retractedAt IS NULL }
    OR EXISTS {
      MATCH (c)-[:HAS_FIGURE]->(f:Figure),
            (c)-[:ABOUT]->(:Event)<-[:ABOUT]-(o:Claim {kind: 'FIGURE'})-[:HAS_FIGURE]->(g:Figure)
      WHERE c.kind = 'FIGURE' AND o <> c AND o.retractedAt IS NULL
        AND toLower(trim(f.measure)) = toLower(trim(g.measure)) AND f.value <> g.value
        AND NOT EXISTS { (c)-[:CLAIMED_BY]->(:Actor)<-[:CLAIMED_BY]-(o) }
    } THEN 'DISPUTED'
  ELSE 'UNCONTESTED'
END
