// A source's full text, to anchor an excerpt in it (recordClaim). The no-op SET/REMOVE locks the
// source, so a reload cannot replace the text before this transaction commits its excerpt.
OPTIONAL MATCH (s:Source {url: $url})
SET s._lock = true
REMOVE s._lock
RETURN s IS NOT NULL AS exists, s.text AS text
