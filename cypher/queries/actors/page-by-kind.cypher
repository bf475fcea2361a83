// Actors of one kind, ordered by name: see actors/page. The kind is an index seek (actor_kind);
// the kind's actors are then ordered by key (a kind holds a share of a few thousand actors).
MATCH (a:Actor)
WHERE a.kind = $kind AND a.sortKey > $lo AND a.sortKey < $hi
  AND ($search IS NULL OR toLower(a.name) CONTAINS toLower($search)
       OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) CONTAINS toLower($search)))
RETURN a.id AS id, a.sortKey AS key
ORDER BY a.sortKey ASC
LIMIT toInteger($limit)
