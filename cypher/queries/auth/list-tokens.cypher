// Every API token, oldest first, without its hash.
MATCH (t:ApiToken)
RETURN t.id AS id, t.role AS role, t.name AS name, t.createdAt AS createdAt, t.createdBy AS createdBy,
       t.revokedAt AS revokedAt, t.revokedBy AS revokedBy
ORDER BY t.createdAt, t.id
