// Imported claims' reported figures, one row per figure (`{claim, id, value, unit, measure,
// position}`), in the model the loader and the API write (Claim -HAS_FIGURE-> Figure), each keyed
// as it is created (fragments/figure-key: one FigureKey per event, measure and unit) instead of
// by a second pass (claims/refresh-figure-keys) over the batch: the claim's ABOUT links were made
// by import/link-claim-about, which runs before this. A new figure has no key to unlink, so this
// is refresh-figure-keys without its first half. Returns, per claim, its figures and its keys,
// which src/import/write.ts hands to claims/refresh-status (the figure claims under those keys,
// older ones included, may change status). Creating the KEYED_AS link takes the key's write lock,
// as in refresh-figure-keys, so a concurrent writer under the same key is serialised with this.
UNWIND $figures AS row
MATCH (c:Claim {id: row.claim})
CREATE (c)-[:HAS_FIGURE]->(f:Figure {id: row.id, value: row.value, unit: row.unit, measure: row.measure,
                                     position: row.position})
WITH c, f, [(c)-[:ABOUT]->(e:Event) |
     // @include figure-key
  ] AS keys
WITH c, f, [key IN keys WHERE key IS NOT NULL] AS keys
FOREACH (key IN keys |
  MERGE (k:FigureKey {key: key})
  CREATE (f)-[:KEYED_AS]->(k)
)
WITH c, count(f) AS figures, collect(keys) AS keyLists
WITH c, figures, reduce(all = [], ks IN keyLists | all + [k IN ks WHERE NOT k IN all]) AS keys
SET c.figureKeys = keys
RETURN c.id AS id, figures, keys
