// One page of actors for a streamed export, by id after $after (keyset paging). $actors (ids or
// null) restricts the page to those actors.
MATCH (a:Actor)
WHERE a.id > $after AND ($actors IS NULL OR a.id IN $actors)
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
       a.description AS description
ORDER BY id
LIMIT toInteger($limit)
