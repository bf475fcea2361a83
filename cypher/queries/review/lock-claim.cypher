// A claim under review, write-locked first (no-op SET/REMOVE) so that of two concurrent reviews
// exactly one sees it as a DRAFT; with what verifyDraft needs to check edits.
OPTIONAL MATCH (c:Claim {id: $id})
SET c._lock = true
REMOVE c._lock
WITH c
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt {position: 0})-[:IN_SOURCE]->(s:Source)
RETURN c IS NOT NULL AS exists, coalesce(c.verification, 'VERIFIED') AS verification, c.kind AS kind,
       s.url AS sourceUrl,
       COLLECT { MATCH (c)-[:HAS_FIGURE]->(f:Figure) RETURN {value: f.value, unit: f.unit, measure: f.measure} ORDER BY f.position } AS figures
