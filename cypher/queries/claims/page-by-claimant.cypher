// Claims of claimants (Query.claims with `claimant`, Actor.claimsMade), one page per row of
// $pages ({actor, lo, hi}, batched by the per-request loader): one range of the CLAIMED_BY key
// index (actorId|sortKey), in its order, so a heavy claimant's page reads its page, not its
// 70,000 claims (only claims have CLAIMED_BY / TARGETS links, so no label is checked). See claims/page-all for $limit and the backward variant. Filters given beside the
// claimant are applied to each row while walking the range; a target is checked on the claim's
// own TARGETS links (their keys start with the actor's id), never by looking the actor up; `left`
// rather than STARTS WITH, so the planner cannot turn the check into a scan of the TARGETS index.
UNWIND $pages AS p
CALL {
  WITH p
  MATCH (c)-[r:CLAIMED_BY]->()
  USING INDEX SEEK r:CLAIMED_BY(key)
  WHERE r.key > p.lo AND r.key < p.hi
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($status IS NULL OR c.status = $status)
    AND ($target IS NULL OR EXISTS { (c)-[t:TARGETS]->() WHERE left(t.key, size($target) + 1) = $target + '|' })
  RETURN c.id AS id, c.sortKey AS key
  ORDER BY r.key DESC
  LIMIT toInteger($limit)
}
RETURN p.actor AS actor, id, key
