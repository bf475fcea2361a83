// Rejects a draft: it stays in the graph, readable, with the reason, who and when.
MATCH (c:Claim {id: $id})
SET c.verification = 'REJECTED', c.reviewedAt = datetime($at), c.reviewedBy = $by,
    c.rejectedReason = $reason
RETURN c.id AS id
