// Test support (test/integration/status.test.ts): puts a store back as it was before migration
// 0010, without IN_DISPUTE links and with 0010 not applied, so the test can show that the
// migration links the disputes already stored. Removes derived links only, no claim.
MATCH (m:Migration {id: '0010-dispute-links'})
DELETE m
WITH count(*) AS _
MATCH (:Actor)-[d:IN_DISPUTE]->(:Claim)
DELETE d
RETURN count(*) AS links
