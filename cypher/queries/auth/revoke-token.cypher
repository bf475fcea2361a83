// Revokes one API token. Revoking twice keeps the first revocation's time and author and reports
// alreadyRevoked = true. No row: no such token. The no-op SET/REMOVE takes the token's write lock
// before revokedAt is read, so of two concurrent revocations exactly one reports a new revocation.
MATCH (t:ApiToken {id: $id})
SET t._lock = true
REMOVE t._lock
WITH t, t.revokedAt IS NOT NULL AS alreadyRevoked
SET t.revokedAt = coalesce(t.revokedAt, datetime($at)),
    t.revokedBy = coalesce(t.revokedBy, $by)
RETURN t.id AS id, t.role AS role, t.name AS name, t.revokedAt AS revokedAt, t.revokedBy AS revokedBy,
       alreadyRevoked
