// The shortest paths between two actors (ids) through claims, roles and events, of at most
// {{bound}} relationships, at most $limit of them. The bound is in the pattern, so the search itself
// stops there; Cypher cannot take it as a parameter, so the code runs this as "graph/connections@4"
// and src/db/queries.ts puts the integer in place of {{bound}} (by hand: write the number).
// Each step names its node and the relationship that led to it, with its direction (OUT: from
// the previous node to this one).
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:CLAIMED_BY|TARGETS|VOICED_BY|SPEAKS_FOR|SERVES_IN|PART_OF|MEMBER_OF|ABOUT|HAS_PARTY|MEDIATED_BY|DENIES*..{{bound}}]-(b))
// Paths through drafts or rejected claims are not connections.
WHERE all(n IN nodes(p) WHERE NOT n:Claim OR coalesce(n.verification, 'VERIFIED') = 'VERIFIED')
WITH p LIMIT toInteger($limit)
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS length,
       [i IN range(0, size(ns) - 1) | {
         label: CASE WHEN ns[i]:Actor THEN 'Actor' WHEN ns[i]:Claim THEN 'Claim' WHEN ns[i]:Event THEN 'Event' ELSE labels(ns[i])[0] END,
         id: ns[i].id,
         name: coalesce(ns[i].name, ns[i].content),
         relationship: CASE WHEN i = 0 THEN null ELSE type(rs[i - 1]) END,
         direction: CASE WHEN i = 0 THEN null WHEN startNode(rs[i - 1]) = ns[i - 1] THEN 'OUT' ELSE 'IN' END
       }] AS steps
ORDER BY length
