// Imported events with their parties and mediators.
UNWIND $events AS e
CREATE (x:Event {id: e.id, kind: e.kind, name: e.name, place: e.place, dateText: e.dateText,
                 startDate: date(e.startDate),
                 endDate: date(e.endDate),
                 importHash: e.hash, createdAt: datetime($at), createdBy: $by})
WITH x, e
CALL {
  WITH x, e
  UNWIND e.parties AS pid
  MATCH (p:Actor {id: pid})
  CREATE (x)-[:HAS_PARTY]->(p)
  RETURN count(*) AS parties
}
CALL {
  WITH x, e
  UNWIND e.mediators AS mid
  MATCH (m:Actor {id: mid})
  CREATE (x)-[:MEDIATED_BY]->(m)
  RETURN count(*) AS mediators
}
RETURN count(x) AS written
