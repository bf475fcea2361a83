// Claims with everything a response may need, for a batch of ids (the per-request claim loader):
// one round trip however many claims and nested fields a query asks for. With $related, the
// claims each one denies and is denied by come back in the same answer (the claim view shows both
// beside it), so `claim(id) { deniedBy { ... } }` is one round trip, not two.
UNWIND $ids AS id
MATCH (root:Claim {id: id})
UNWIND CASE WHEN $related THEN [root] + COLLECT { MATCH (root)-[:DENIES]-(n:Claim) RETURN n LIMIT 200 }
            ELSE [root] END AS c
WITH DISTINCT c
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(claimant:Actor)
OPTIONAL MATCH (c)-[:VOICED_BY]->(voice:Actor)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:TARGETS]->(t:Actor)
  WITH t ORDER BY t.name
  RETURN collect(t.id) AS targets
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:ABOUT]->(e:Event)
  WITH e ORDER BY e.startDate, e.id
  RETURN collect(e.id) AS about
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:HAS_FIGURE]->(f:Figure)
  WITH f ORDER BY f.position
  RETURN collect(CASE WHEN f IS NULL THEN null ELSE {value: f.value, unit: f.unit, measure: f.measure} END) AS figures
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
  WITH x, s ORDER BY x.position
  RETURN collect(CASE WHEN x IS NULL THEN null ELSE
    {id: x.id, exact: x.exact, prefix: x.prefix, suffix: x.suffix, start: x.start, end: x.end, sourceUrl: s.url,
     state: coalesce(x.state, 'ANCHORED')} END) AS evidence
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:DENIES]->(d:Claim)
  WITH d ORDER BY d.id
  RETURN collect(d.id) AS denies
}
CALL {
  WITH c
  OPTIONAL MATCH (c)<-[:DENIES]-(d:Claim)
  WHERE coalesce(d.verification, 'VERIFIED') = 'VERIFIED'
  WITH d ORDER BY d.id
  RETURN collect(d.id) AS deniedBy
}
RETURN c.id AS id, c.kind AS kind, c.content AS content, c.cue AS cue, c.quote AS quote,
       c.statedOn AS statedOn, c.statedOnText AS statedOnText,
       // Stored and kept by every write (src/writes/status.ts, fragments/claim-status).
       c.status AS status,
       // @include claim-anchoring
       AS anchoring,
       CASE WHEN c.retractedAt IS NULL THEN null
            ELSE {reason: c.retractedReason, at: c.retractedAt, by: c.retractedBy} END AS retraction,
       claimant.id AS claimant, voice.id AS voice, targets, about, figures, evidence, denies, deniedBy,
       c.idempotencyKey AS idempotencyKey,
       coalesce(c.origin, 'CURATED') AS origin, coalesce(c.verification, 'VERIFIED') AS verification,
       c.confidence AS confidence, c.extractor AS extractor,
       CASE WHEN c.reviewedAt IS NULL THEN null
            ELSE {verification: c.verification, by: c.reviewedBy, at: c.reviewedAt, reason: c.rejectedReason} END AS review
