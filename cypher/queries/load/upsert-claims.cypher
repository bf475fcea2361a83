// Claims with everything they point at. A re-load of an edited file replaces a claim's links
// (claimant, voice, targets, events, figures, excerpts) rather than piling new ones beside them.
UNWIND $claims AS c
MATCH (s:Source {url: $url})
MATCH (claimant:Actor {id: c.claimant})
MERGE (x:Claim {id: c.id})
  ON CREATE SET x.createdAt = datetime($at), x.createdBy = $by, x.originUrl = $url
SET x.kind = c.kind, x.content = c.content, x.cue = c.cue, x.quote = c.quote,
    x.statedOn = CASE WHEN c.statedOn IS NULL THEN null ELSE date(c.statedOn) END,
    x.statedOnText = c.statedOnText,
    x.updatedAt = datetime($at), x.updatedBy = $by,
    x.origin = coalesce(c.origin, 'CURATED'), x.confidence = c.confidence, x.extractor = c.extractor,
    // A file's claims are VERIFIED unless it marks them DRAFT; reloading a draft file never undoes
    // a review made since (a draft verified or rejected through the API keeps that state).
    x.verification = CASE
      WHEN coalesce(c.verification, 'VERIFIED') = 'DRAFT' AND x.verification IN ['VERIFIED', 'REJECTED'] THEN x.verification
      ELSE coalesce(c.verification, 'VERIFIED') END,
    x.reviewedAt = CASE WHEN coalesce(c.verification, 'VERIFIED') = 'VERIFIED' THEN coalesce(x.reviewedAt, datetime($at)) ELSE x.reviewedAt END,
    x.reviewedBy = CASE WHEN coalesce(c.verification, 'VERIFIED') = 'VERIFIED' THEN coalesce(x.reviewedBy, $by) ELSE x.reviewedBy END
WITH x, c, s, claimant
OPTIONAL MATCH (x)-[old:CLAIMED_BY|VOICED_BY|TARGETS|ABOUT]->()
DELETE old
WITH DISTINCT x, c, s, claimant
OPTIONAL MATCH (x)-[:HAS_FIGURE|EVIDENCED_BY]->(owned)
DETACH DELETE owned
WITH DISTINCT x, c, s, claimant
MERGE (x)-[:CLAIMED_BY]->(claimant)
WITH x, c, s
CALL {
  WITH x, c
  MATCH (v:Actor {id: c.voice})
  MERGE (x)-[:VOICED_BY]->(v)
  RETURN count(*) AS voices
}
CALL {
  WITH x, c
  UNWIND c.targets AS tid
  MATCH (t:Actor {id: tid})
  MERGE (x)-[:TARGETS]->(t)
  RETURN count(*) AS targets
}
CALL {
  WITH x, c
  UNWIND c.about AS eid
  MATCH (e:Event {id: eid})
  MERGE (x)-[:ABOUT]->(e)
  RETURN count(*) AS events
}
CALL {
  WITH x, c
  UNWIND range(0, size(c.figures) - 1) AS i
  WITH x, c, i, c.figures[i] AS f
  CREATE (fig:Figure {id: c.id + '#figure' + i, value: f.value, unit: f.unit, measure: f.measure, position: i})
  CREATE (x)-[:HAS_FIGURE]->(fig)
  RETURN count(*) AS figures
}
CALL {
  WITH x, c, s
  UNWIND range(0, size(c.excerpts) - 1) AS i
  WITH x, s, i, c.excerpts[i] AS ex
  CREATE (e:Excerpt {id: ex.id, exact: ex.exact, prefix: ex.prefix, suffix: ex.suffix,
                     start: ex.start, end: ex.end, position: i})
  CREATE (x)-[:EVIDENCED_BY]->(e)
  CREATE (e)-[:IN_SOURCE]->(s)
  RETURN count(*) AS excerpts
}
RETURN count(x) AS claims
