// Query.claims by status (the stored, maintained c.status): one range of the composite index
// (status, sortKey), in its order; see claims/page-all for $lo, $hi, $limit and the backward
// variant. A kind filter, when also given, is applied to each row while walking the index.
MATCH (c:Claim)
USING INDEX SEEK c:Claim(status, sortKey)
WHERE c.status = $status AND c.sortKey > $lo AND c.sortKey < $hi
  AND ($kind IS NULL OR c.kind = $kind)
RETURN c.id AS id, c.sortKey AS key
ORDER BY c.status DESC, c.sortKey DESC
LIMIT toInteger($limit)
