// Query.claims by kind: one range of the composite index (kind, sortKey), in its order; see
// claims/page-all for $lo, $hi, $limit and the backward variant. A status filter, when also given,
// is applied to each row while walking the index (it never decides the plan).
MATCH (c:Claim)
USING INDEX SEEK c:Claim(kind, sortKey)
WHERE c.kind = $kind AND c.sortKey > $lo AND c.sortKey < $hi
  AND ($status IS NULL OR c.status = $status)
RETURN c.id AS id, c.sortKey AS key
ORDER BY c.kind DESC, c.sortKey DESC
LIMIT toInteger($limit)
