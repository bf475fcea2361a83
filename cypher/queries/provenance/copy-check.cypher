// markCopy's checks, with both sources write-locked first (no-op SET/REMOVE) so two concurrent
// markCopy calls cannot each pass the cycle check and close a cycle together.
OPTIONAL MATCH (s:Source {url: $source})
OPTIONAL MATCH (of:Source {url: $of})
FOREACH (n IN [x IN [s, of] WHERE x IS NOT NULL] | SET n._lock = true REMOVE n._lock)
WITH s, of
OPTIONAL MATCH (s)-[:COPY_OF]->(current:Source)
RETURN s IS NOT NULL AS sourceExists, of IS NOT NULL AS ofExists, current.url AS currentOf,
       // of is s, or a copy (at any depth) of s: marking s a copy of it would close a cycle
       CASE WHEN s IS NULL OR of IS NULL THEN false
            ELSE EXISTS { MATCH (of)-[:COPY_OF*0..]->(s) } END AS cycle
