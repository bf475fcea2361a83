// DRAFT claims proposed by the extractor, each with its claimant, voice, targets, figures and
// anchored excerpt. Every id was resolved in the same transaction before this runs; the unique
// extractionKey makes a repeated extraction unable to add a second copy.
UNWIND $drafts AS d
MATCH (s:Source {url: $url})
MATCH (claimant:Actor {id: d.claimant})
CREATE (c:Claim {id: d.id, kind: d.kind, content: d.content, cue: d.cue, quote: d.quote,
                 statedOn: CASE WHEN d.statedOn IS NULL THEN null ELSE date(d.statedOn) END,
                 statedOnText: d.statedOnText, origin: 'EXTRACTED', verification: 'DRAFT',
                 confidence: d.confidence, extractor: d.extractor, extractionKey: d.key,
                 originUrl: $url, createdAt: datetime($at), createdBy: $by})
CREATE (c)-[:CLAIMED_BY]->(claimant)
CREATE (x:Excerpt {id: d.id + '#0', exact: d.excerpt.exact, prefix: d.excerpt.prefix,
                   suffix: d.excerpt.suffix, start: d.excerpt.start, end: d.excerpt.end, position: 0})
CREATE (c)-[:EVIDENCED_BY]->(x)-[:IN_SOURCE]->(s)
WITH c, d
CALL {
  WITH c, d
  MATCH (v:Actor {id: d.voice})
  CREATE (c)-[:VOICED_BY]->(v)
  RETURN count(*) AS voices
}
CALL {
  WITH c, d
  UNWIND d.targets AS tid
  MATCH (t:Actor {id: tid})
  CREATE (c)-[:TARGETS]->(t)
  RETURN count(*) AS targets
}
CALL {
  WITH c, d
  UNWIND range(0, size(d.figures) - 1) AS i
  CREATE (c)-[:HAS_FIGURE]->(:Figure {id: d.id + '#figure' + i, value: d.figures[i].value,
                                     unit: d.figures[i].unit, measure: d.figures[i].measure, position: i})
  RETURN count(*) AS figures
}
RETURN count(c) AS created
