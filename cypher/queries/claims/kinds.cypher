// Superseded by refs/claims (src/refs lookupClaims); kept while other branches may still use it.
// Kind and retraction of a batch of claims (to check denial links before writing them).
UNWIND $ids AS id
OPTIONAL MATCH (c:Claim {id: id})
RETURN id, c.kind AS kind, c IS NOT NULL AS exists, c.retractedAt IS NOT NULL AS retracted
