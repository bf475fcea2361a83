// Imported claims' reported figures, one row per figure (`{claim, id, value, unit, measure,
// position}`), in the model the loader and the API write (Claim -HAS_FIGURE-> Figure).
UNWIND $figures AS f
MATCH (x:Claim {id: f.claim})
CREATE (x)-[:HAS_FIGURE]->(:Figure {id: f.id, value: f.value, unit: f.unit, measure: f.measure,
                                    position: f.position})
RETURN count(*) AS written
