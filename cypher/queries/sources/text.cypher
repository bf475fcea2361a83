// A source's full text, to anchor an excerpt in it.
OPTIONAL MATCH (s:Source {url: $url})
RETURN s IS NOT NULL AS exists, s.text AS text
