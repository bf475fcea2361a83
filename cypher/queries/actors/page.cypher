// A page of actors ordered by name (case-insensitive, then id): one range of the actor sort key
// (lower-cased name|id), in its order; $lo and $hi are the cursor's bounds, $limit the page size
// + 1. The backward variant (actors/page@backward) reads the range DESC. A search in names and
// aliases is applied to each actor while walking the index (actors are thousands, not millions).
MATCH (a:Actor)
USING INDEX SEEK a:Actor(sortKey)
WHERE a.sortKey > $lo AND a.sortKey < $hi
  AND ($search IS NULL OR toLower(a.name) CONTAINS toLower($search)
       OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) CONTAINS toLower($search)))
RETURN a.id AS id, a.sortKey AS key
ORDER BY a.sortKey ASC
LIMIT toInteger($limit)
