// Claims about targets (Query.claims with `target`, Actor.claimsAbout), one page per row of
// $pages ({actor, lo, hi}): one range of the TARGETS key index (actorId|sortKey), in its order.
// See claims/page-by-claimant.
UNWIND $pages AS p
CALL {
  WITH p
  MATCH (c)-[r:TARGETS]->()
  USING INDEX SEEK r:TARGETS(key)
  WHERE r.key > p.lo AND r.key < p.hi
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($status IS NULL OR c.status = $status)
  RETURN c.id AS id, c.sortKey AS key
  ORDER BY r.key DESC
  LIMIT toInteger($limit)
}
RETURN p.actor AS actor, id, key
