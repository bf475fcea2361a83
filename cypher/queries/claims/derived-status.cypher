// The status of every claim as the rule defines it, worked out from the graph as it stands
// without the stored values the service keeps (c.status, FigureKey): RETRACTED if retracted;
// DISPUTED if a live, non-draft claim denies it, or a live, non-draft FIGURE claim about the same
// event reports another value for the same measure in the same unit (trimmed, case-insensitive)
// from another claimant; UNCONTESTED otherwise. Beside it the stored status, so a test (and an
// analyst who doubts a stored status) can compare the two; cost: the whole graph, never served.
MATCH (c:Claim)
WITH c, CASE
  WHEN c.retractedAt IS NOT NULL THEN 'RETRACTED'
  WHEN EXISTS { (c)<-[:DENIES]-(d:Claim) WHERE d.retractedAt IS NULL AND coalesce(d.verification, 'VERIFIED') = 'VERIFIED' }
    OR EXISTS {
      MATCH (c)-[:HAS_FIGURE]->(f:Figure),
            (c)-[:ABOUT]->(:Event)<-[:ABOUT]-(o:Claim {kind: 'FIGURE'})-[:HAS_FIGURE]->(g:Figure)
      WHERE c.kind = 'FIGURE' AND o <> c AND o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
        AND toLower(trim(f.measure)) = toLower(trim(g.measure))
        AND coalesce(toLower(trim(f.unit)), '') = coalesce(toLower(trim(g.unit)), '')
        AND f.value <> g.value
        AND NOT EXISTS { (c)-[:CLAIMED_BY]->(:Actor)<-[:CLAIMED_BY]-(o) }
    } THEN 'DISPUTED'
  ELSE 'UNCONTESTED'
END AS derived
RETURN c.id AS id, derived, c.status AS stored, c.kind AS kind, coalesce(c.verification, 'VERIFIED') AS verification
ORDER BY id
