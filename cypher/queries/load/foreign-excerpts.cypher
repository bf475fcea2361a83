// Excerpts anchored in this source by claims that the data file does not define (recorded
// through the API, or by another file): their offsets count in the stored text, so that text
// must not change under them.
MATCH (:Source {url: $url})<-[:IN_SOURCE]-(x:Excerpt)<-[:EVIDENCED_BY]-(c:Claim)
WHERE NOT c.id IN $claimIds
RETURN count(x) AS excerpts, collect(DISTINCT c.id)[..5] AS claims
