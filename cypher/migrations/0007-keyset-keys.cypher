// Issue 11: keyset pagination. Every list pages on one indexed, unique sort key, so a page is an
// index range seek in the index's order with LIMIT n + 1, whatever its position and the graph's
// size (no collect-sort-slice over every match). The keys are strings that sort like the list:
//   Claim.sortKey        verification|statedOn|id   (`-` for undated: it sorts below every date,
//                                                    so "newest first" puts undated claims last)
//   Claim.confidenceKey  verification|confidence (7 digits, millionths)|id   (`-` without one)
//   CLAIMED_BY.key, TARGETS.key   actorId|<the claim's sortKey>: an actor's claims are one range
//                                 of a relationship index, not an expand over all of them
//   Actor.sortKey        lower-cased name|id
//   Source.sortKey       publishedAt|url   (`-` for undated)
// The verification leads the claim keys, so the default (VERIFIED) list, the review queue (DRAFT)
// and what review refused (REJECTED) are each one contiguous range. Composite indexes on
// (kind, sortKey) and (status, sortKey) serve the kind and status filters the same way; the
// status is stored and maintained by the claim writes (migration 0006). Every write that touches
// these keeps them up to date in its own transaction (src/writes/keys.ts, claims/refresh-keys).
CREATE INDEX claim_sort_key IF NOT EXISTS FOR (c:Claim) ON (c.sortKey);
CREATE INDEX claim_confidence_key IF NOT EXISTS FOR (c:Claim) ON (c.confidenceKey);
CREATE INDEX claim_kind_sort_key IF NOT EXISTS FOR (c:Claim) ON (c.kind, c.sortKey);
CREATE INDEX claim_status_sort_key IF NOT EXISTS FOR (c:Claim) ON (c.status, c.sortKey);
CREATE INDEX claimed_by_key IF NOT EXISTS FOR ()-[r:CLAIMED_BY]-() ON (r.key);
CREATE INDEX targets_key IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.key);
CREATE INDEX actor_sort_key IF NOT EXISTS FOR (a:Actor) ON (a.sortKey);
CREATE INDEX source_sort_key IF NOT EXISTS FOR (s:Source) ON (s.sortKey);
// The keys of existing data, in batches (a million claims must not be one transaction).
MATCH (c:Claim)
CALL {
  WITH c
  SET c.sortKey = coalesce(c.verification, 'VERIFIED') + '|' + coalesce(toString(c.statedOn), '-') + '|' + c.id,
      c.confidenceKey = coalesce(c.verification, 'VERIFIED') + '|' +
        CASE WHEN c.confidence IS NULL THEN '-'
             ELSE right('0000000' + toString(toInteger(round(c.confidence * 1000000))), 7) END + '|' + c.id
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (c:Claim)-[r:CLAIMED_BY|TARGETS]->(a:Actor)
CALL {
  WITH c, r, a
  SET r.key = a.id + '|' + c.sortKey
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Actor)
CALL {
  WITH a
  SET a.sortKey = toLower(a.name) + '|' + a.id
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (s:Source)
CALL {
  WITH s
  SET s.sortKey = coalesce(toString(s.publishedAt), '-') + '|' + s.url
} IN TRANSACTIONS OF 10000 ROWS
