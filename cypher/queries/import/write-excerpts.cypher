// Imported claims' excerpts, anchored (exact, prefix, suffix, start, end) and tied to their
// source: one row per excerpt, `{claim, source, id, exact, prefix, suffix, start, end, position}`.
UNWIND $excerpts AS e
MATCH (x:Claim {id: e.claim})
MATCH (s:Source {url: e.source})
CREATE (x)-[:EVIDENCED_BY]->(:Excerpt {id: e.id, exact: e.exact, prefix: e.prefix, suffix: e.suffix,
                                       start: e.start, end: e.end, position: e.position})-[:IN_SOURCE]->(s)
RETURN count(*) AS written
