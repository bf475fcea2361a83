// Actors and their names: the name and every alias become (:Alias {key: lower-cased}) nodes, so
// the uniqueness constraint on Alias.key keeps one name from meaning two actors.
UNWIND $actors AS a
MERGE (x:Actor {id: a.id})
  ON CREATE SET x.createdAt = datetime($at), x.createdBy = $by
// A file that leaves the description out keeps the one another file gave.
SET x.name = a.name, x.sortKey = toLower(a.name) + '|' + a.id, x.kind = a.kind, x.description = coalesce(a.description, x.description),
    x.aliases = reduce(acc = coalesce(x.aliases, []), al IN a.aliases |
                       CASE WHEN al IN acc THEN acc ELSE acc + al END)
    , x.placeholder = CASE WHEN coalesce(a.placeholder, false) THEN true ELSE x.placeholder END
WITH x, a
// Placeholders (unnamed sources, proposed speakers) get no Alias nodes: never matched by name.
UNWIND CASE WHEN coalesce(a.placeholder, false) THEN [] ELSE [a.name] + a.aliases END AS text
MERGE (k:Alias {key: toLower(text)})
  ON CREATE SET k.text = text
MERGE (k)-[:ALIAS_OF]->(x)
RETURN count(DISTINCT x) AS actors
