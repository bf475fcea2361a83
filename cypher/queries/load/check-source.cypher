// Is this source already in the graph, and from exactly this data? Runs in write transactions
// (the loader, addSource): the no-op SET/REMOVE locks the source first, so its text cannot change
// between this check and the write that follows, nor under an excerpt being anchored in it.
OPTIONAL MATCH (s:Source {url: $url})
SET s._lock = true
REMOVE s._lock
RETURN s IS NOT NULL AS exists, s.contentHash AS contentHash, s.bundleHash AS bundleHash
