// A page of claim ids matching a filter: newest statement first, undated last, then by id.
// Status is derived, never stored: RETRACTED if retracted, DISPUTED if a live denial points at it
// or a live figure claim contradicts it (same measure and event, another claimant, another
// value: the rule of disputes/list), UNCONTESTED otherwise.
MATCH (c:Claim)
WHERE ($kind IS NULL OR c.kind = $kind)
  AND ($claimant IS NULL OR EXISTS { (c)-[:CLAIMED_BY]->(:Actor {id: $claimant}) })
  AND ($target IS NULL OR EXISTS { (c)-[:TARGETS]->(:Actor {id: $target}) })
  AND ($sourceUrl IS NULL OR EXISTS { (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(:Source {url: $sourceUrl}) })
  AND ($statedFrom IS NULL OR c.statedOn >= date($statedFrom))
  AND ($statedTo IS NULL OR c.statedOn <= date($statedTo))
WITH c,
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
     END AS status
WHERE $status IS NULL OR status = $status
WITH c ORDER BY c.statedOn IS NULL, c.statedOn DESC, c.id
WITH collect(c.id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS ids
