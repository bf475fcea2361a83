// A claim recorded through the API, with its links, figures and its anchored excerpt.
// Every id here was resolved and checked in the same transaction before this runs.
MATCH (s:Source {url: $sourceUrl})
MATCH (claimant:Actor {id: $claimant})
CREATE (c:Claim {id: $id, kind: $kind, content: $content, cue: $cue, quote: $quote,
                 statedOn: CASE WHEN $statedOn IS NULL THEN null ELSE date($statedOn) END,
                 idempotencyKey: $idempotencyKey, inputHash: $inputHash, originUrl: $sourceUrl,
                 // Recorded by a person: curated, and verified by whoever recorded it.
                 origin: 'CURATED', verification: 'VERIFIED', reviewedAt: datetime($at), reviewedBy: $by,
                 createdAt: datetime($at), createdBy: $by})
CREATE (c)-[:CLAIMED_BY]->(claimant)
CREATE (x:Excerpt {id: $id + '#0', exact: $excerpt.exact, prefix: $excerpt.prefix, suffix: $excerpt.suffix,
                   start: $excerpt.start, end: $excerpt.end, position: 0})
CREATE (c)-[:EVIDENCED_BY]->(x)-[:IN_SOURCE]->(s)
WITH c
CALL {
  WITH c
  MATCH (v:Actor {id: $voice})
  CREATE (c)-[:VOICED_BY]->(v)
  RETURN count(*) AS voices
}
CALL {
  WITH c
  UNWIND $targets AS tid
  MATCH (t:Actor {id: tid})
  CREATE (c)-[:TARGETS]->(t)
  RETURN count(*) AS targets
}
CALL {
  WITH c
  UNWIND range(0, size($figures) - 1) AS i
  CREATE (c)-[:HAS_FIGURE]->(:Figure {id: $id + '#figure' + i, value: $figures[i].value,
                                     unit: $figures[i].unit, measure: $figures[i].measure, position: i})
  RETURN count(*) AS figures
}
CALL {
  WITH c
  UNWIND $denies AS did
  MATCH (d:Claim {id: did})
  CREATE (c)-[:DENIES {createdAt: datetime($at), createdBy: $by}]->(d)
  RETURN count(*) AS denials
}
RETURN c.id AS id
