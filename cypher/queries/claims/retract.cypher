// Retracts a claim: it stays in the graph, readable, with the reason, who and when.
// The no-op SET/REMOVE takes the claim's write lock before retractedAt is read, so of two
// concurrent retractions exactly one returns a row; the other sees it and gets no row.
MATCH (c:Claim {id: $id})
SET c._lock = true
REMOVE c._lock
WITH c
WHERE c.retractedAt IS NULL
SET c.retractedAt = datetime($at), c.retractedBy = $by, c.retractedReason = $reason
RETURN c.id AS id
