// One actor ref → its id: an id, a name or an alias, case-insensitive ("Kabul").
OPTIONAL MATCH (byId:Actor {id: $ref})
OPTIONAL MATCH (:Alias {key: toLower(trim($ref))})-[:ALIAS_OF]->(byName:Actor)
RETURN coalesce(byId.id, byName.id) AS id
