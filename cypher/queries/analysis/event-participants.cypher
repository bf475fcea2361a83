// An event's parties and mediators, and its dates.
MATCH (e:Event {id: $event})
OPTIONAL MATCH (e)-[:HAS_PARTY]->(p:Actor)
WITH e, p ORDER BY p.name
WITH e, collect(p.name) AS parties
OPTIONAL MATCH (e)-[:MEDIATED_BY]->(m:Actor)
WITH e, parties, m ORDER BY m.name
RETURN e.name AS event, e.startDate AS startDate, e.endDate AS endDate, e.place AS place,
       parties, collect(m.name) AS mediators
