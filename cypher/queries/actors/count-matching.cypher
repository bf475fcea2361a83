// The number of actors of a kind and/or matching a search, exact: counted, since actors are
// thousands, not millions (the kind through its index).
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($search IS NULL OR toLower(a.name) CONTAINS toLower($search)
       OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) CONTAINS toLower($search)))
RETURN count(a) AS total
