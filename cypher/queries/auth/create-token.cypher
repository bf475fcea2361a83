// Creates one API token. Only the sha256 of its secret is stored, never the secret itself.
// Idempotent on $id (the driver may retry a transaction whose commit it did not hear back about):
// a second run finds the token and reports created = false, so the caller records no second audit event.
OPTIONAL MATCH (existing:ApiToken {id: $id})
FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
  CREATE (:ApiToken {id: $id, hash: $hash, role: $role, name: $name, createdAt: datetime($at), createdBy: $by})
)
WITH existing
MATCH (t:ApiToken {id: $id})
RETURN t.id AS id, t.role AS role, t.name AS name, t.createdAt AS createdAt, existing IS NULL AS created
