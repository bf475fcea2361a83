// Audit events that touched each claim, oldest first.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
OPTIONAL MATCH (a:AuditEvent)-[:CHANGED]->(c)
WITH id, a ORDER BY a.at, a.id
RETURN id, collect(CASE WHEN a IS NULL THEN null ELSE
  {id: a.id, at: a.at, by: a.by, role: a.role, operation: a.operation, summary: a.summary} END) AS history
