// Roles the graph already has with the same title (so a second import leaves them alone).
UNWIND $roles AS r
MATCH (a:Actor {id: r.actor})-[rel]->(b:Actor {id: r.of})
WHERE type(rel) = r.relation AND coalesce(rel.title, '') = coalesce(r.title, '')
RETURN r.actor AS actor, r.relation AS relation, r.of AS of
