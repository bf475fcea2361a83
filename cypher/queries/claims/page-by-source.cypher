// Query.claims by source URL: from the source (its unique URL) through its excerpts to their
// claims, which are as many as one text carries, then the page of them in key order. See
// claims/page-all for $lo, $hi, $limit and the backward variant.
// The claim's predicates come after the DISTINCT on purpose: written in the MATCH, they let the
// planner start a second leg from the claim sort-key index and hash-join it with the source's,
// a plan it picks from some statistics and then keeps in its cache, and one that reads every
// claim in the range. After the DISTINCT, the only plan walks from the source. The hint keeps
// the walk starting at the source's URL.
MATCH (src:Source {url: $sourceUrl})<-[:IN_SOURCE]-(:Excerpt)<-[:EVIDENCED_BY]-(c:Claim)
USING INDEX SEEK src:Source(url)
WITH DISTINCT c
WHERE c.sortKey > $lo AND c.sortKey < $hi
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($status IS NULL OR c.status = $status)
  AND ($claimant IS NULL OR EXISTS { (c)-[by:CLAIMED_BY]->() WHERE left(by.key, size($claimant) + 1) = $claimant + '|' })
  AND ($target IS NULL OR EXISTS { (c)-[t:TARGETS]->() WHERE left(t.key, size($target) + 1) = $target + '|' })
RETURN c.id AS id, c.sortKey AS key
ORDER BY c.sortKey DESC
LIMIT toInteger($limit)
