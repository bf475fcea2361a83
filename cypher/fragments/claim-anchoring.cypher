// Whether claim `c`'s evidence is still anchored in its sources (issue 12): 'ANCHORED' when no
// excerpt is orphaned, 'ORPHANED' when every one is (nothing in the current texts carries the
// claim's words), 'PARTLY_ORPHANED' in between. Included by `// @include claim-anchoring`, in
// place of an expression (follow the line with `AS anchoring`). Orphans carry state 'ORPHANED';
// anchored excerpts carry no state. Its variables are named so no including query's can shadow
// them (an outer `a` or `x` would be taken as the same node inside EXISTS).
CASE
  WHEN NOT EXISTS { (c)-[:EVIDENCED_BY]->(orphanX:Excerpt) WHERE orphanX.state = 'ORPHANED' } THEN 'ANCHORED'
  WHEN EXISTS { (c)-[:EVIDENCED_BY]->(anchoredX:Excerpt) WHERE anchoredX.state IS NULL } THEN 'PARTLY_ORPHANED'
  ELSE 'ORPHANED'
END
