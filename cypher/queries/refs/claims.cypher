// Many claim refs (ids) → whether each exists, its kind and whether it is retracted, in order.
// Each id comes with its position ({i, id}), as in refs/actors.
UNWIND $ids AS r
WITH r.i AS i, r.id AS id
OPTIONAL MATCH (c:Claim {id: id})
RETURN i, id, c.kind AS kind, c IS NOT NULL AS exists, c.retractedAt IS NOT NULL AS retracted
ORDER BY i
