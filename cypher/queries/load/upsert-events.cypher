// Events claims are about, with their parties and mediators.
UNWIND $events AS e
MERGE (x:Event {id: e.id})
  ON CREATE SET x.createdAt = datetime($at), x.createdBy = $by
SET x.kind = e.kind, x.name = e.name, x.place = e.place, x.dateText = e.dateText,
    x.startDate = CASE WHEN e.startDate IS NULL THEN null ELSE date(e.startDate) END,
    x.endDate = CASE WHEN e.endDate IS NULL THEN null ELSE date(e.endDate) END
WITH x, e
OPTIONAL MATCH (x)-[old:HAS_PARTY|MEDIATED_BY]->()
DELETE old
WITH DISTINCT x, e
CALL {
  WITH x, e
  UNWIND e.parties AS pid
  MATCH (p:Actor {id: pid})
  MERGE (x)-[:HAS_PARTY]->(p)
  RETURN count(*) AS parties
}
CALL {
  WITH x, e
  UNWIND e.mediators AS mid
  MATCH (m:Actor {id: mid})
  MERGE (x)-[:MEDIATED_BY]->(m)
  RETURN count(*) AS mediators
}
RETURN count(x) AS events
