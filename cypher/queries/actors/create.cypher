// A new actor and its names. Run after checking that no name or alias is taken; the Alias.key
// constraint still stops a concurrent duplicate.
CREATE (a:Actor {id: $id, name: $name, kind: $kind, aliases: $aliases, description: $description,
                 sortKey: toLower($name) + '|' + $id, createdAt: datetime($at), createdBy: $by})
WITH a
UNWIND [$name] + $aliases AS text
MERGE (k:Alias {key: toLower(text)})
  ON CREATE SET k.text = text
MERGE (k)-[:ALIAS_OF]->(a)
RETURN DISTINCT a.id AS id
