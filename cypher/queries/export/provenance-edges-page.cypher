// One page of copy and translation links for a whole-graph export (issue 12), keyset-paged on a
// link id: `copy:<url>` for a source marked as a copy (COPY_OF, to the source it copies),
// `translation:<excerpt id>` for a translated excerpt (from its source to the original's source).
CALL {
  MATCH (s:Source)-[:COPY_OF]->(o:Source)
  RETURN 'copy:' + s.url AS id, 'COPY_OF' AS relation, s.url AS source, o.url AS target,
         null AS claim, null AS language, null AS originalLanguage, null AS method
  UNION ALL
  MATCH (c:Claim)-[:EVIDENCED_BY]->(x:Excerpt)-[:TRANSLATION_OF]->(o:Excerpt),
        (x)-[:IN_SOURCE]->(s:Source), (o)-[:IN_SOURCE]->(os:Source)
  RETURN 'translation:' + x.id AS id, 'TRANSLATION_OF' AS relation, s.url AS source, os.url AS target,
         c.id AS claim, coalesce(x.language, s.language) AS language,
         coalesce(o.language, os.language) AS originalLanguage, x.method AS method
}
WITH id, relation, source, target, claim, language, originalLanguage, method
WHERE id > $after
RETURN id, relation, source, target, claim, language, originalLanguage, method
ORDER BY id
LIMIT toInteger($limit)
