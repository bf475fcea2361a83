// One audit event per write: who, in which role, when, what operation, what changed. Always run
// inside the transaction of the change it describes, so there is no change without its record.
CREATE (a:AuditEvent {id: $id, at: datetime($at), by: $by, role: $role, operation: $operation,
                      summary: $summary, changes: $changes})
WITH a
CALL {
  WITH a
  UNWIND $claimIds AS cid
  MATCH (c:Claim {id: cid})
  CREATE (a)-[:CHANGED]->(c)
  RETURN count(*) AS claims
}
CALL {
  WITH a
  UNWIND $actorIds AS aid
  MATCH (x:Actor {id: aid})
  CREATE (a)-[:CHANGED]->(x)
  RETURN count(*) AS actors
}
CALL {
  WITH a
  UNWIND $sourceUrls AS url
  MATCH (s:Source {url: url})
  CREATE (a)-[:CHANGED]->(s)
  RETURN count(*) AS sources
}
RETURN a.id AS id
