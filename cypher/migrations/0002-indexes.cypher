// Indexes for the filters the API and analysts use most.
CREATE INDEX claim_kind IF NOT EXISTS FOR (c:Claim) ON (c.kind);
CREATE INDEX claim_stated_on IF NOT EXISTS FOR (c:Claim) ON (c.statedOn);
CREATE INDEX claim_status IF NOT EXISTS FOR (c:Claim) ON (c.status);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX audit_event_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at);
