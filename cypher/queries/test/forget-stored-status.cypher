// Test support (test/integration/status.test.ts): puts a store back as it was before migration
// 0006, without stored statuses or figure keys and with 0006 not applied, so the test can show
// that the migration computes them for existing data. Removes derived values only, no claim.
MATCH (m:Migration {id: '0006-claim-status'})
DELETE m
WITH count(*) AS _
MATCH (c:Claim)
REMOVE c.status, c.figureKeys
WITH count(*) AS _
MATCH (k:FigureKey)
DETACH DELETE k
RETURN count(*) AS keys
