// Empties the database in batches (the test reset; test/support/db.ts checks first that it
// holds nothing claimgraph did not write). Auto-commit only: CALL { } IN TRANSACTIONS.
MATCH (n)
CALL {
  WITH n
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
