// Query.claims by source URL: from the source (its unique URL) through its excerpts to their
// claims, which are as many as one text carries, then the page of them in key order. See
// claims/page-all for $lo, $hi, $limit and the backward variant.
MATCH (:Source {url: $sourceUrl})<-[:IN_SOURCE]-(:Excerpt)<-[:EVIDENCED_BY]-(c:Claim)
WHERE c.sortKey > $lo AND c.sortKey < $hi
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($status IS NULL OR c.status = $status)
  AND ($claimant IS NULL OR EXISTS { (c)-[:CLAIMED_BY]->(:Actor {id: $claimant}) })
  AND ($target IS NULL OR EXISTS { (c)-[:TARGETS]->(:Actor {id: $target}) })
WITH DISTINCT c
RETURN c.id AS id, c.sortKey AS key
ORDER BY c.sortKey DESC
LIMIT toInteger($limit)
