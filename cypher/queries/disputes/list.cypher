// A page of disputed claims in id order, after $after (a claim id; '' for the first page), each
// with its live denials and the figure claims that contradict it (fragments/figure-contradiction).
// Starts from the stored status (index claim_status_id: status, then id), so a page costs its
// disputes, not the graph. Drafts are not listed (nor, by the status rule, counted as opponents);
// retracted claims are never DISPUTED.
MATCH (c:Claim)
USING INDEX c:Claim(status, id)
WHERE c.status = 'DISPUTED' AND c.id > $after
  AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
WITH c ORDER BY c.status, c.id
LIMIT toInteger($first)
// Each subquery aggregates without a grouping key, so it answers one row (maybe an empty list).
CALL {
  WITH c
  MATCH (c)<-[:DENIES]-(o:Claim)
  WHERE o.retractedAt IS NULL AND coalesce(o.verification, 'VERIFIED') = 'VERIFIED'
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o.id) AS denials
}
CALL {
  WITH c
  // @include figure-contradiction
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o.id) AS contradictions
}
RETURN c.id AS id, denials, contradictions
ORDER BY id
