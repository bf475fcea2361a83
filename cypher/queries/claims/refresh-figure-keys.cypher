// Re-keys the figures of the given claims (fragments/figure-key: one key per event, measure and
// unit) and returns, per claim, every key it had before or has now: the figure claims under
// either may change status, and claims/refresh-status reaches them through these keys.
// c.figureKeys remembers a claim's keys because a reload or a review replaces its figures (the
// old Figure nodes, and their links, are gone by the time this runs).
// Deleting or creating a KEYED_AS link takes the key node's write lock, held to commit: two
// transactions writing figures under one key refresh one after the other, each seeing the
// other's figure, so neither stores a status that misses the other's contradiction.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
USING INDEX SEEK c:Claim(id)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:HAS_FIGURE]->(:Figure)-[r:KEYED_AS]->(:FigureKey)
  DELETE r
  RETURN count(r) AS unlinked
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:HAS_FIGURE]->(f:Figure), (c)-[:ABOUT]->(e:Event)
  WITH f,
       // @include figure-key
       AS key
  WHERE key IS NOT NULL
  MERGE (k:FigureKey {key: key})
  MERGE (f)-[:KEYED_AS]->(k)
  RETURN collect(DISTINCT key) AS keys
}
WITH c, coalesce(c.figureKeys, []) AS before, keys
SET c.figureKeys = keys
RETURN c.id AS id, before + [k IN keys WHERE NOT k IN before] AS keys
