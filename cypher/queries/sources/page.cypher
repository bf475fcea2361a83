// A page of source URLs, newest publication first, undated last.
MATCH (s:Source)
WITH s ORDER BY s.publishedAt IS NULL, s.publishedAt DESC, s.url
WITH collect(s.url) AS urls
RETURN size(urls) AS total, urls[$skip..$skip + $limit] AS urls
