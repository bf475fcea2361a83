// A placeholder actor, write-locked first so two resolutions cannot both move its claims.
OPTIONAL MATCH (p:Actor {id: $id})
SET p._lock = true
REMOVE p._lock
WITH p
OPTIONAL MATCH (p)-[:RESOLVED_TO]->(r:Actor)
RETURN p IS NOT NULL AS exists, coalesce(p.placeholder, false) AS placeholder, r.id AS resolvedTo
