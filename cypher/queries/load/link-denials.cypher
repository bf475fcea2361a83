// Denials point at the claims they deny. Runs after every claim of the file exists.
UNWIND $denials AS d
MATCH (denial:Claim {id: d.denial}), (denied:Claim {id: d.denied})
MERGE (denial)-[r:DENIES]->(denied)
  ON CREATE SET r.createdAt = datetime($at), r.createdBy = $by
RETURN count(r) AS denials
