// Actors with their roles, for a batch of ids (the per-request actor loader).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL MATCH (a)-[r:SPEAKS_FOR|SERVES_IN|PART_OF|MEMBER_OF]->(of:Actor)
WITH a, collect(CASE WHEN of IS NULL THEN null ELSE {relation: type(r), title: r.title, of: of.id} END) AS roles
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
       a.description AS description, roles, coalesce(a.placeholder, false) AS placeholder,
       COLLECT { MATCH (a)-[:RESOLVED_TO]->(to:Actor) RETURN to.id }[0] AS resolvedTo
