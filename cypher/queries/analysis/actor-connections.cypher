// How two actors (by id) connect through claims, roles and events: the shortest paths of at most
// $maxHops steps (at most 6, the API's bound), each step named; the search itself stops at 6 hops.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:CLAIMED_BY|TARGETS|VOICED_BY|SPEAKS_FOR|SERVES_IN|PART_OF|MEMBER_OF|ABOUT|HAS_PARTY|MEDIATED_BY|DENIES*..6]-(b))
WHERE length(p) <= $maxHops
WITH p LIMIT 25
RETURN length(p) AS length,
       [n IN nodes(p) | {label: labels(n)[0], id: coalesce(n.id, n.url), name: coalesce(n.name, n.content)}] AS nodes,
       [r IN relationships(p) | type(r)] AS relationships
ORDER BY length
