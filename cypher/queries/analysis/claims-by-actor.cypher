// Every claim an actor made (by id), with the exact words and the source that carry it.
MATCH (a:Actor {id: $actor})<-[:CLAIMED_BY]-(c:Claim)
WHERE coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
WITH c, x, s ORDER BY x.position
WITH c, collect({exact: x.exact, start: x.start, end: x.end, source: s.url}) AS excerpts
RETURN c.id AS id, c.kind AS kind, c.content AS content, c.quote AS quote, c.statedOn AS statedOn,
       c.statedOnText AS statedOnText, excerpts
ORDER BY c.statedOn IS NULL, c.statedOn, id
