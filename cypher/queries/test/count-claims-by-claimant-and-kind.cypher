// Test support (test/integration/keyset.test.ts): the VERIFIED claims of one claimant and kind,
// counted by a plain match, to check the API's bounded totalCount on that access path against.
MATCH (c:Claim {kind: $kind})-[:CLAIMED_BY]->(:Actor {id: $claimant})
WHERE coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
RETURN count(c) AS claims
