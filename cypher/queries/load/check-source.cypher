// Is this source already in the graph, and from exactly this data?
OPTIONAL MATCH (s:Source {url: $url})
RETURN s IS NOT NULL AS exists, s.contentHash AS contentHash, s.bundleHash AS bundleHash
