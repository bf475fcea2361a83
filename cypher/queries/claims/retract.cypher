// Retracts a claim: it stays in the graph, readable, with the reason, who and when.
MATCH (c:Claim {id: $id})
SET c.retractedAt = datetime($at), c.retractedBy = $by, c.retractedReason = $reason
RETURN c.id AS id
