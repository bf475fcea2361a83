// Many actor refs → their ids in one round trip: each ref is an id, a name or an alias,
// case-insensitive. Refs arrive already normalised (src/refs/names.ts: NFKC, one space, trimmed),
// so "Ｋａｂｕｌ" and "  kabul " find the actor stored as "Kabul". One row per ref, in order; `id`
// is null for a ref that names no actor. Resolving a list in one query (not one query per ref)
// keeps a long `actors:` list from taking one pooled connection per ref.
// Each ref comes with its position ({i, ref}): indexing a parameter list row by row ($refs[i])
// made 20,000 refs take longer than a transaction may.
UNWIND $refs AS r
WITH r.i AS i, r.ref AS ref
OPTIONAL MATCH (byId:Actor {id: ref})
OPTIONAL MATCH (:Alias {key: toLower(ref)})-[:ALIAS_OF]->(byName:Actor)
RETURN i, ref, coalesce(byId.id, byName.id) AS id
ORDER BY i
