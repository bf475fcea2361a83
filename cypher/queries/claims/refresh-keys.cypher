// The ordering keys of the given claims and of their claimant and target links (see migration
// 0007-keyset-keys for what each key is and why; the formulas are fragments/claim-keys and
// claim-link-key). Every claim write runs this in its own transaction after changing a claim's
// verification, date, confidence, claimant or targets, so a page never misses or repeats a claim
// because a key was stale. The bulk import sets the same keys as it creates claims and links.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
USING INDEX SEEK c:Claim(id)
SET c +=
  // @include claim-keys
WITH c
CALL {
  WITH c
  MATCH (c)-[r:CLAIMED_BY|TARGETS]->(a:Actor)
  SET r.key =
    // @include claim-link-key
  RETURN count(r) AS links
}
RETURN count(c) AS refreshed
