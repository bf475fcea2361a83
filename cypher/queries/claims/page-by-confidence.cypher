// Query.claims(orderBy: CONFIDENCE_DESC), the review queue: one range of the confidence key
// (verification|confidence|id), in its order; see claims/page-all for $lo, $hi, $limit and the
// backward variant. Other filters are applied to each row while walking the range.
MATCH (c:Claim)
USING INDEX SEEK c:Claim(confidenceKey)
WHERE c.confidenceKey > $lo AND c.confidenceKey < $hi
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($status IS NULL OR c.status = $status)
  AND ($statedFrom IS NULL OR c.statedOn >= date($statedFrom))
  AND ($statedTo IS NULL OR c.statedOn <= date($statedTo))
  AND ($claimant IS NULL OR EXISTS { (c)-[by:CLAIMED_BY]->() WHERE left(by.key, size($claimant) + 1) = $claimant + '|' })
  AND ($target IS NULL OR EXISTS { (c)-[t:TARGETS]->() WHERE left(t.key, size($target) + 1) = $target + '|' })
  AND ($sourceUrl IS NULL OR EXISTS { (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(:Source {url: $sourceUrl}) })
RETURN c.id AS id, c.confidenceKey AS key
ORDER BY c.confidenceKey DESC
LIMIT toInteger($limit)
