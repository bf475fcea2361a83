// The day of claim `c`: its statedOn, else the earliest publication date among the sources its
// excerpts are in; null when neither is known. Included by `// @include claim-day` lines, in
// place of an expression (follow the line with `AS day`). No aggregation inside, so it can sit in
// a RETURN or WITH beside aggregates and grouping keys.
coalesce(c.statedOn, COLLECT {
  MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
  WHERE s.publishedAt IS NOT NULL
  RETURN s.publishedAt ORDER BY s.publishedAt LIMIT 1
}[0])
