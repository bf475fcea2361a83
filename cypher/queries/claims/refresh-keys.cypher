// The ordering keys of the given claims and of their claimant and target links (see migration
// 0007-keyset-keys for what each key is and why). Every claim write runs this in its own
// transaction after changing a claim's verification, date, confidence, claimant or targets, so a
// page never misses or repeats a claim because a key was stale.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
SET c.sortKey = coalesce(c.verification, 'VERIFIED') + '|' + coalesce(toString(c.statedOn), '-') + '|' + c.id,
    c.confidenceKey = coalesce(c.verification, 'VERIFIED') + '|' +
      CASE WHEN c.confidence IS NULL THEN '-'
           ELSE right('0000000' + toString(toInteger(round(c.confidence * 1000000))), 7) END + '|' + c.id
WITH c
CALL {
  WITH c
  MATCH (c)-[r:CLAIMED_BY|TARGETS]->(a:Actor)
  SET r.key = a.id + '|' + c.sortKey
  RETURN count(r) AS links
}
RETURN count(c) AS refreshed
