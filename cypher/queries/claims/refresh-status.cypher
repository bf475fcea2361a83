// Stores c.status (fragments/claim-status) for the given claims and for every claim whose status
// they can change: the claims they deny, and the figure claims under a figure key they have or
// had ($keys, from claims/refresh-figure-keys). Runs in the transaction of the write that changed
// them, after it; every write that can change a status ends with it (src/writes/status.ts).
// Each claim's write lock is taken (in id order, so two refreshes cannot deadlock on each other)
// before any status is worked out: a concurrent write touching the same claim (a new denial of
// it, the retraction of its denier) either committed before the lock, and is read, or waits for
// this transaction and then reads what it wrote. collect() is the barrier: every lock is held
// before the first status is read.
CALL {
  UNWIND $ids AS id
  MATCH (x:Claim {id: id})
  USING INDEX SEEK x:Claim(id)
  RETURN x
  UNION
  UNWIND $ids AS id
  // The hint: planned on a graph of 1,000 claims, this branch once read the whole id index for
  // every id (a NodeIndexScan and a filter, 2,000,000 db hits) instead of seeking each one.
  MATCH (denier:Claim {id: id})-[:DENIES]->(x:Claim)
  USING INDEX SEEK denier:Claim(id)
  RETURN x
  UNION
  UNWIND $keys AS key
  MATCH (k:FigureKey {key: key})<-[:KEYED_AS]-(:Figure)<-[:HAS_FIGURE]-(x:Claim)
  USING INDEX SEEK k:FigureKey(key)
  RETURN x
}
WITH DISTINCT x
ORDER BY x.id
SET x._lock = true
REMOVE x._lock
WITH collect(x) AS xs
UNWIND xs AS c
WITH c,
     // @include claim-status
     AS status
SET c.status = status
// The claims refreshed, for disputes/refresh-links (the IN_DISPUTE links follow the status).
RETURN collect(c.id) AS refreshed
