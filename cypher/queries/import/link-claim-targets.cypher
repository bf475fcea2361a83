// Imported claims to the actors each targets: one row per link (`{claim, to}`),
// flattened by src/import/write.ts.
// Both ends are index seeks (claim_id and the Actor key); nothing is read that the statement
// writes, so the plan has no Eager. The caller compares `linked` with the rows sent. The link's
// page key is set as it is made (fragments/claim-link-key, from the sortKey import/write-claims
// gave the claim earlier in the same transaction).
UNWIND $links AS l
MATCH (c:Claim {id: l.claim})
MATCH (a:Actor {id: l.to})
CREATE (c)-[:TARGETS {key:
  // @include claim-link-key
}]->(a)
RETURN count(*) AS linked
