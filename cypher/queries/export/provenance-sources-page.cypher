// One page of the sources that take part in a copy (COPY_OF) or a translation (an excerpt in one
// that translates an excerpt in another), by URL after $after: the source nodes of a whole-graph
// export (issue 12).
MATCH (s:Source)
WHERE s.url > $after
  AND (EXISTS { (s)-[:COPY_OF]-(:Source) }
       OR EXISTS { (s)<-[:IN_SOURCE]-(:Excerpt)-[:TRANSLATION_OF]-(:Excerpt) })
RETURN s.url AS id, s.title AS title, s.language AS language
ORDER BY id
LIMIT toInteger($limit)
