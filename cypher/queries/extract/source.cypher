// The source an extraction reads, locked (no-op SET/REMOVE) so that two extractions of the same
// source run one after the other: the second sees the first one's drafts and writes nothing.
OPTIONAL MATCH (s:Source {url: $url})
SET s._lock = true
REMOVE s._lock
RETURN s IS NOT NULL AS exists, s.text AS text, toString(s.publishedAt) AS publishedAt
