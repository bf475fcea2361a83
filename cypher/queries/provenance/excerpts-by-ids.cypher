// Excerpts by id, with their language (their own, else their source's) and translation links
// (the per-request excerpt loader: Excerpt.language, translationOf, translator, method).
UNWIND $ids AS id
MATCH (x:Excerpt {id: id})-[:IN_SOURCE]->(s:Source)
OPTIONAL MATCH (x)-[:TRANSLATION_OF]->(original:Excerpt)
OPTIONAL MATCH (x)-[:TRANSLATED_BY]->(translator:Actor)
RETURN x.id AS id, x.exact AS exact, x.prefix AS prefix, x.suffix AS suffix, x.start AS start,
       x.end AS end, s.url AS sourceUrl, coalesce(x.language, s.language) AS language,
       x.method AS method, original.id AS translationOf, translator.id AS translator,
       COLLECT { MATCH (t:Excerpt)-[:TRANSLATION_OF]->(x) RETURN t.id ORDER BY t.id } AS translations
