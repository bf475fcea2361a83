// Test support (test/integration/import.test.ts): the derived properties of the given claims as
// stored (page keys, status, figure keys, the keys of their claimant and target links), so a test
// can compare what the bulk import stored with what the ordinary refreshes store.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c.id AS id, c.sortKey AS sortKey, c.confidenceKey AS confidenceKey, c.status AS status,
       c.figureKeys AS figureKeys,
       COLLECT { MATCH (c)-[r:CLAIMED_BY|TARGETS]->(a:Actor) RETURN type(r) + ' ' + r.key AS k ORDER BY k } AS linkKeys,
       COLLECT { MATCH (c)-[:HAS_FIGURE]->(:Figure)-[:KEYED_AS]->(k:FigureKey) RETURN k.key AS k ORDER BY k } AS keyed
ORDER BY id
