// Imported actors and their names. Every id here was checked absent (or left out as unchanged)
// and every name free, so CREATE is safe and much cheaper than MERGE at this scale; the unique
// constraints still stop a concurrent writer's duplicate. `a.names` is the name and the aliases,
// or [] for a placeholder (an unnamed source, a proposed speaker), which gets no Alias nodes,
// as the loader and the extractor write them: nothing is ever matched to it by name.
// `a.placeholder` is true or null (never false), as load/upsert-actors stores it.
UNWIND $actors AS a
CREATE (x:Actor {id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, description: a.description,
                 placeholder: a.placeholder,
                 sortKey: toLower(a.name) + '|' + a.id, importHash: a.hash,
                 createdAt: datetime($at), createdBy: $by})
FOREACH (text IN a.names |
  MERGE (k:Alias {key: toLower(text)})
    ON CREATE SET k.text = text
  CREATE (k)-[:ALIAS_OF]->(x)
)
RETURN count(x) AS written
