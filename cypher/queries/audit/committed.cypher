// Which of these audit events exist: the writes they record committed (an audit event is written
// in its change's transaction, so it exists exactly when the change does).
UNWIND $ids AS id
MATCH (a:AuditEvent {id: id})
RETURN a.id AS id
