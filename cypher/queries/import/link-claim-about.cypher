// Imported claims to the events each is about: one row per link (`{claim, to}`),
// flattened by src/import/write.ts.
// Both ends are index seeks (claim_id and the Event key); nothing is read that the statement
// writes, so the plan has no Eager. The caller compares `linked` with the rows sent.
UNWIND $links AS l
MATCH (x:Claim {id: l.claim})
MATCH (y:Event {id: l.to})
CREATE (x)-[:ABOUT]->(y)
RETURN count(*) AS linked
