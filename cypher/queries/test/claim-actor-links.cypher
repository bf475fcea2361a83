// Test support (round-trips.test.ts): every claim's claimant, voice and targets read straight from
// its relationships, one pattern comprehension each (no shared expansion), with the targets' names
// for the order the API gives them in.
MATCH (c:Claim)
RETURN c.id AS id,
       [(c)-[:CLAIMED_BY]->(a:Actor) | a.id] AS claimants,
       [(c)-[:VOICED_BY]->(a:Actor) | a.id] AS voices,
       [(c)-[:TARGETS]->(a:Actor) | {id: a.id, name: a.name}] AS targets
ORDER BY id
