// Links a denial to the claim it denies; linking twice is a no-op (created = false).
MATCH (denial:Claim {id: $denial}), (denied:Claim {id: $denied})
OPTIONAL MATCH (denial)-[existing:DENIES]->(denied)
WITH denial, denied, existing IS NOT NULL AS already
MERGE (denial)-[r:DENIES]->(denied)
  ON CREATE SET r.createdAt = datetime($at), r.createdBy = $by
RETURN NOT already AS created
