// Query.actor: one ref (an id, a name or an alias, case-insensitive; folded as refs/actors takes
// them) → the actor as the actor loader holds it (fragments/actor-row), in one round trip rather
// than a lookup of the id and then a read of the actor. No row when the ref names no actor.
OPTIONAL MATCH (byId:Actor {id: $ref})
OPTIONAL MATCH (:Alias {key: toLower($ref)})-[:ALIAS_OF]->(byName:Actor)
WITH coalesce(byId, byName) AS a
WHERE a IS NOT NULL
RETURN a.id AS id,
       // @include actor-row
       AS actor
