// The audit events of one API token's creation and revocation, oldest first. src/auth.ts records
// them with changes = {"tokenId": <id>, ...}; AuditEvent.changes is that JSON text.
MATCH (a:AuditEvent)
WHERE a.operation IN ['createToken', 'revokeToken'] AND a.changes STARTS WITH $prefix
RETURN a.id AS id, a.at AS at, a.by AS by, a.role AS role, a.operation AS operation, a.summary AS summary,
       a.changes AS changes
ORDER BY a.at, a.operation
