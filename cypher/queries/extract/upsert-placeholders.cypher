// Placeholder actors for unnamed sources and unknown speakers, one per kind of source in a source
// (the id is derived from the source URL and the words used). No Alias nodes: a placeholder is
// never found by name, so nothing can be merged with it by accident.
UNWIND $placeholders AS p
MERGE (a:Actor {id: p.id})
  ON CREATE SET a.name = p.name, a.sortKey = toLower(p.name) + '|' + p.id, a.kind = p.kind, a.placeholder = true, a.aliases = [],
                a.description = p.description, a.placeholderSource = $url,
                a.createdAt = datetime($at), a.createdBy = $by
RETURN count(a) AS placeholders
