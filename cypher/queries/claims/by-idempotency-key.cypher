// The claim an earlier recordClaim with this idempotency key created, if any.
OPTIONAL MATCH (c:Claim {idempotencyKey: $key})
RETURN c.id AS id, c.inputHash AS inputHash
