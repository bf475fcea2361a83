// Whether claim `c`'s evidence is still anchored in its sources (issue 12): 'ANCHORED' when no
// excerpt is orphaned, 'ORPHANED' when every one is (nothing in the current texts carries the
// claim's words), 'PARTLY_ORPHANED' in between. Included by `// @include claim-anchoring`, in
// place of an expression (follow the line with `AS anchoring`). Orphans carry state 'ORPHANED';
// anchored excerpts carry no state.
CASE
  WHEN NOT EXISTS { (c)-[:EVIDENCED_BY]->(o:Excerpt) WHERE o.state = 'ORPHANED' } THEN 'ANCHORED'
  WHEN EXISTS { (c)-[:EVIDENCED_BY]->(a:Excerpt) WHERE a.state IS NULL } THEN 'PARTLY_ORPHANED'
  ELSE 'ORPHANED'
END
