// Issue 11: a claim's status is stored (c.status, kept by every write in its own transaction:
// src/writes/status.ts) instead of derived when read, so reads, the status filter and the dispute
// list cost the claims they return, not the graph. Figures that can contradict one another share
// a FigureKey (event, measure, unit: fragments/figure-key), so a contradiction is a walk from the
// claim, not a scan of every figure. This migration creates the indexes, then keys every figure
// and stores every claim's status, in batches (migrations run auto-commit).
CREATE CONSTRAINT figure_key IF NOT EXISTS FOR (k:FigureKey) REQUIRE k.key IS UNIQUE;
CREATE INDEX claim_status IF NOT EXISTS FOR (c:Claim) ON (c.status);
// The dispute list pages disputed claims in id order straight off this index.
CREATE INDEX claim_status_id IF NOT EXISTS FOR (c:Claim) ON (c.status, c.id);
CALL db.awaitIndexes(600);
MATCH (c:Claim)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:HAS_FIGURE]->(f:Figure), (c)-[:ABOUT]->(e:Event)
  WITH c, f,
       // @include figure-key
       AS key
  WHERE key IS NOT NULL
  MERGE (k:FigureKey {key: key})
  MERGE (f)-[:KEYED_AS]->(k)
  WITH c, collect(DISTINCT key) AS keys
  SET c.figureKeys = keys
} IN TRANSACTIONS OF 2000 ROWS;
// Claims without a keyed figure (most) get an empty key list, as the writes give them.
MATCH (c:Claim) WHERE c.figureKeys IS NULL
CALL {
  WITH c
  SET c.figureKeys = []
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (c:Claim)
CALL {
  WITH c
  SET c.status =
    // @include claim-status
} IN TRANSACTIONS OF 2000 ROWS;
