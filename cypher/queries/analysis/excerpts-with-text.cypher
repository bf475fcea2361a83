// Every excerpt with the full text of its source, to re-find the words at their offsets.
MATCH (x:Excerpt)-[:IN_SOURCE]->(s:Source)
RETURN x.id AS id, x.exact AS exact, x.prefix AS prefix, x.suffix AS suffix, x.start AS start,
       x.end AS end, s.url AS url, s.text AS text
ORDER BY id
