// Test support (analysis.test.ts): every pair of actors joined by a live, reviewed claim either way,
// with its edges found by brute force (pattern comprehensions, no access path to choose) and the
// pair's claim counts as claimant (`made`) and as target (`about`), which graph/attribution reads
// to choose the side it walks from.
MATCH (x:Actor), (y:Actor) WHERE x.id < y.id
WITH x, y,
  [(x)<-[:CLAIMED_BY]-(c:Claim)-[:TARGETS]->(y)
     WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED' | c.id + ' ' + x.id + '>' + y.id] +
  [(y)<-[:CLAIMED_BY]-(c:Claim)-[:TARGETS]->(x)
     WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED' | c.id + ' ' + y.id + '>' + x.id] AS edges
WHERE size(edges) > 0
RETURN x.id AS x, y.id AS y, edges,
       COUNT { (x)<-[:CLAIMED_BY]-() } + COUNT { (y)<-[:CLAIMED_BY]-() } AS made,
       COUNT { (x)<-[:TARGETS]-() } + COUNT { (y)<-[:TARGETS]-() } AS about
ORDER BY x, y
