// Links a denial to the claim it denies; linking twice is a no-op (created = false). The no-op
// SET/REMOVE takes the denial's write lock before the existing link is looked for, so of two
// concurrent identical calls exactly one creates the link (and records the audit event).
MATCH (denial:Claim {id: $denial}), (denied:Claim {id: $denied})
SET denial._lock = true
REMOVE denial._lock
WITH denial, denied
OPTIONAL MATCH (denial)-[existing:DENIES]->(denied)
WITH denial, denied, existing IS NOT NULL AS already
MERGE (denial)-[r:DENIES]->(denied)
  ON CREATE SET r.createdAt = datetime($at), r.createdBy = $by
RETURN NOT already AS created
