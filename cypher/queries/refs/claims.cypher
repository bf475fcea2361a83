// Many claim refs (ids) → whether each exists, its kind and whether it is retracted, in order.
UNWIND range(0, size($ids) - 1) AS i
WITH i, $ids[i] AS id
OPTIONAL MATCH (c:Claim {id: id})
RETURN i, id, c.kind AS kind, c IS NOT NULL AS exists, c.retractedAt IS NOT NULL AS retracted
ORDER BY i
