// Query.claims with no filter an index serves better (statedFrom / statedTo are bounds of the key
// range, $lo and $hi, computed with the cursor by src/paging): one range of the claim sort key,
// read in the index's order, $limit = page size + 1 (the extra row says whether there is more).
// Forward is DESC (newest first); the backward variant (claims/page-all@backward, for last /
// before) reads the same range ASC, and the caller reverses it. The index hint pins the plan: on
// a small graph the planner may otherwise prefer a scan (or a sort), which stops being cheap later.
MATCH (c:Claim)
USING INDEX SEEK c:Claim(sortKey)
WHERE c.sortKey > $lo AND c.sortKey < $hi
RETURN c.id AS id, c.sortKey AS key
ORDER BY c.sortKey DESC
LIMIT toInteger($limit)
