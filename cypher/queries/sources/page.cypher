// A page of source URLs, newest publication first, undated last (then URL, descending): one range
// of the source sort key (publishedAt|url), in its order; $lo / $hi are the cursor's bounds,
// $limit the page size + 1. The backward variant (sources/page@backward) reads it ASC.
MATCH (s:Source)
USING INDEX SEEK s:Source(sortKey)
WHERE s.sortKey > $lo AND s.sortKey < $hi
RETURN s.url AS url, s.sortKey AS key
ORDER BY s.sortKey DESC
LIMIT toInteger($limit)
