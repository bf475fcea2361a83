// Verifies a draft with the reviewer's edits: scalar fields, then the links the edits replace
// ($claimant, $voice, $targets, $figures, $excerpt are null when not edited). Ids were resolved
// and checked in the same transaction.
MATCH (c:Claim {id: $id})
SET c.kind = coalesce($kind, c.kind), c.content = coalesce($content, c.content),
    c.cue = CASE WHEN $setCue THEN $cue ELSE c.cue END,
    c.quote = CASE WHEN $setQuote THEN $quote ELSE c.quote END,
    c.statedOn = CASE WHEN $statedOn IS NULL THEN c.statedOn ELSE date($statedOn) END,
    c.verification = 'VERIFIED', c.reviewedAt = datetime($at), c.reviewedBy = $by,
    c.updatedAt = datetime($at), c.updatedBy = $by
WITH c
CALL {
  WITH c
  MATCH (a:Actor {id: $claimant})
  OPTIONAL MATCH (c)-[old:CLAIMED_BY]->()
  DELETE old
  WITH DISTINCT c, a
  CREATE (c)-[:CLAIMED_BY]->(a)
  RETURN count(*) AS claimants
}
CALL {
  WITH c
  WITH c WHERE $setVoice
  OPTIONAL MATCH (c)-[old:VOICED_BY]->()
  DELETE old
  WITH DISTINCT c
  OPTIONAL MATCH (v:Actor {id: $voice})
  FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | CREATE (c)-[:VOICED_BY]->(v))
  RETURN count(*) AS voices
}
CALL {
  WITH c
  WITH c WHERE $targets IS NOT NULL
  OPTIONAL MATCH (c)-[old:TARGETS]->()
  DELETE old
  WITH DISTINCT c
  UNWIND $targets AS tid
  MATCH (t:Actor {id: tid})
  CREATE (c)-[:TARGETS]->(t)
  RETURN count(*) AS targets
}
CALL {
  WITH c
  WITH c WHERE $figures IS NOT NULL
  OPTIONAL MATCH (c)-[:HAS_FIGURE]->(old:Figure)
  DETACH DELETE old
  WITH DISTINCT c
  UNWIND range(0, size($figures) - 1) AS i
  CREATE (c)-[:HAS_FIGURE]->(:Figure {id: c.id + '#figure' + i, value: $figures[i].value,
                                     unit: $figures[i].unit, measure: $figures[i].measure, position: i})
  RETURN count(*) AS figures
}
CALL {
  WITH c
  WITH c WHERE $excerpt IS NOT NULL
  MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt {position: 0})
  SET x.exact = $excerpt.exact, x.prefix = $excerpt.prefix, x.suffix = $excerpt.suffix,
      x.start = $excerpt.start, x.end = $excerpt.end
  RETURN count(*) AS excerpts
}
RETURN c.id AS id
