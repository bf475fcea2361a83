// Imported actors and their names. Every id here was checked absent (or left out as unchanged)
// and every name free, so CREATE is safe and much cheaper than MERGE at this scale; the unique
// constraints still stop a concurrent writer's duplicate.
UNWIND $actors AS a
CREATE (x:Actor {id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, description: a.description,
                 sortKey: toLower(a.name) + '|' + a.id, importHash: a.hash,
                 createdAt: datetime($at), createdBy: $by})
WITH x, a
UNWIND [a.name] + a.aliases AS text
MERGE (k:Alias {key: toLower(text)})
  ON CREATE SET k.text = text
CREATE (k)-[:ALIAS_OF]->(x)
RETURN count(DISTINCT x) AS written
