// The status of claim `c`, the rule claims/refresh-status stores in c.status (reads read the
// stored value). Included by `// @include claim-status` lines.
// RETRACTED if retracted; DISPUTED if a claim that is not retracted (nor a draft) denies it, or a
// live FIGURE claim contradicts it (fragments/figure-contradiction); UNCONTESTED otherwise.
CASE
  WHEN c.retractedAt IS NOT NULL THEN 'RETRACTED'
  WHEN EXISTS { (c)<-[:DENIES]-(d:Claim) WHERE d.retractedAt IS NULL AND coalesce(d.verification, 'VERIFIED') = 'VERIFIED' }
    OR EXISTS {
      // @include figure-contradiction
    } THEN 'DISPUTED'
  ELSE 'UNCONTESTED'
END
