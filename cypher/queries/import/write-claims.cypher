// Imported claims with their links, figures and anchored excerpts, in the model the loader and
// the API write (see load/upsert-claims and claims/create). Every reference was checked to exist
// before the import wrote anything; the caller compares `written` with the batch size, so a
// reference that vanished meanwhile fails the batch instead of dropping a claim.
UNWIND $claims AS c
MATCH (s:Source {url: c.source})
MATCH (claimant:Actor {id: c.claimant})
CREATE (x:Claim {id: c.id, kind: c.kind, content: c.content, cue: c.cue, quote: c.quote,
                 statedOn: CASE WHEN c.statedOn IS NULL THEN null ELSE date(c.statedOn) END,
                 statedOnText: c.statedOnText, originUrl: c.source, importHash: c.hash,
                 origin: 'CURATED', verification: 'VERIFIED', reviewedAt: datetime($at), reviewedBy: $by,
                 createdAt: datetime($at), createdBy: $by})
CREATE (x)-[:CLAIMED_BY]->(claimant)
WITH x, c, s
CALL {
  WITH x, c
  MATCH (v:Actor {id: c.voice})
  CREATE (x)-[:VOICED_BY]->(v)
  RETURN count(*) AS voices
}
CALL {
  WITH x, c
  UNWIND c.targets AS tid
  MATCH (t:Actor {id: tid})
  CREATE (x)-[:TARGETS]->(t)
  RETURN count(*) AS targets
}
CALL {
  WITH x, c
  UNWIND c.about AS eid
  MATCH (e:Event {id: eid})
  CREATE (x)-[:ABOUT]->(e)
  RETURN count(*) AS events
}
CALL {
  WITH x, c
  UNWIND range(0, size(c.figures) - 1) AS i
  WITH x, c, i, c.figures[i] AS f
  CREATE (x)-[:HAS_FIGURE]->(:Figure {id: c.id + '#figure' + i, value: f.value, unit: f.unit,
                                      measure: f.measure, position: i})
  RETURN count(*) AS figures
}
CALL {
  WITH x, c, s
  UNWIND range(0, size(c.excerpts) - 1) AS i
  WITH x, s, i, c.excerpts[i] AS ex
  CREATE (x)-[:EVIDENCED_BY]->(:Excerpt {id: ex.id, exact: ex.exact, prefix: ex.prefix, suffix: ex.suffix,
                                         start: ex.start, end: ex.end, position: i})-[:IN_SOURCE]->(s)
  RETURN count(*) AS excerpts
}
RETURN count(x) AS written
