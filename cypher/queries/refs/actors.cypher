// Many actor refs → their ids in one round trip: each ref is an id, a name or an alias,
// case-insensitive. Refs arrive already normalised (src/refs/names.ts: NFKC, one space, trimmed),
// so "Ｋａｂｕｌ" and "  kabul " find the actor stored as "Kabul". One row per ref, in order; `id`
// is null for a ref that names no actor. Resolving a list in one query (not one query per ref)
// keeps a long `actors:` list from taking one pooled connection per ref.
UNWIND range(0, size($refs) - 1) AS i
WITH i, $refs[i] AS ref
OPTIONAL MATCH (byId:Actor {id: ref})
OPTIONAL MATCH (:Alias {key: toLower(ref)})-[:ALIAS_OF]->(byName:Actor)
RETURN i, ref, coalesce(byId.id, byName.id) AS id
ORDER BY i
