// Events with their parties and mediators, for a batch of ids.
UNWIND $ids AS id
MATCH (e:Event {id: id})
CALL {
  WITH e
  OPTIONAL MATCH (e)-[:HAS_PARTY]->(p:Actor)
  WITH p ORDER BY p.name
  RETURN collect(p.id) AS parties
}
CALL {
  WITH e
  OPTIONAL MATCH (e)-[:MEDIATED_BY]->(m:Actor)
  WITH m ORDER BY m.name
  RETURN collect(m.id) AS mediators
}
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.startDate AS startDate, e.endDate AS endDate,
       e.dateText AS dateText, e.place AS place, parties, mediators
