// A page of claim ids matching a filter: newest statement first, undated last, then by id.
MATCH (c:Claim)
WHERE ($kind IS NULL OR c.kind = $kind)
  AND ($claimant IS NULL OR EXISTS { (c)-[:CLAIMED_BY]->(:Actor {id: $claimant}) })
  AND ($target IS NULL OR EXISTS { (c)-[:TARGETS]->(:Actor {id: $target}) })
  AND ($sourceUrl IS NULL OR EXISTS { (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(:Source {url: $sourceUrl}) })
  AND ($statedFrom IS NULL OR c.statedOn >= date($statedFrom))
  AND ($statedTo IS NULL OR c.statedOn <= date($statedTo))
  // Only VERIFIED claims unless the filter asks for DRAFT (the review queue) or REJECTED.
  AND coalesce(c.verification, 'VERIFIED') = coalesce($verification, 'VERIFIED')
  // The stored status (kept by every write: src/writes/status.ts).
  AND ($status IS NULL OR c.status = $status)
WITH c ORDER BY CASE WHEN $byConfidence THEN coalesce(c.confidence, -1.0) ELSE 0 END DESC,
              c.statedOn IS NULL, c.statedOn DESC, c.id
WITH collect(c.id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS ids
