// A page of actors by kind and/or a case-insensitive search in names and aliases.
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($search IS NULL OR toLower(a.name) CONTAINS toLower($search)
       OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) CONTAINS toLower($search)))
WITH a ORDER BY toLower(a.name), a.id
WITH collect(a.id) AS ids
RETURN size(ids) AS total, ids[$skip..$skip + $limit] AS ids
