// Excerpts by id, with everything an Excerpt field may ask for (the per-request excerpt loader):
// the words and offsets; issue 12's language (its own, else its source's) and translation links;
// and its anchoring: state, the snapshot the words are anchored in (an orphan's old one, else the
// source's newest), candidates and the old words of an accepted candidate. One query for both
// halves, so a view that shows an excerpt's language and its state reads the excerpt once.
UNWIND $ids AS id
MATCH (x:Excerpt {id: id})-[:IN_SOURCE]->(s:Source)
RETURN x.id AS id, x.exact AS exact, x.prefix AS prefix, x.suffix AS suffix, x.start AS start,
       x.end AS end, s.url AS sourceUrl,
       COLLECT { MATCH (c:Claim)-[:EVIDENCED_BY]->(x) RETURN c.id }[0] AS claim,
       coalesce(x.language, s.language) AS language, x.method AS method,
       COLLECT { MATCH (x)-[:TRANSLATION_OF]->(original:Excerpt) RETURN original.id }[0] AS translationOf,
       COLLECT { MATCH (x)-[:TRANSLATED_BY]->(translator:Actor) RETURN translator.id }[0] AS translator,
       COLLECT { MATCH (t:Excerpt)-[:TRANSLATION_OF]->(x) RETURN t.id ORDER BY t.id } AS translations,
       coalesce(x.state, 'ANCHORED') AS state,
       coalesce(
         COLLECT { MATCH (x)-[:ANCHORED_IN]->(old:Snapshot) RETURN old.id }[0],
         COLLECT { MATCH (s)-[:HAS_SNAPSHOT]->(n:Snapshot) RETURN n.id ORDER BY n.position DESC LIMIT 1 }[0]
       ) AS snapshot,
       x.orphanedAt AS orphanedAt,
       [i IN range(0, size(coalesce(x.candidateStarts, [])) - 1) |
         {exact: x.candidateExacts[i], start: x.candidateStarts[i], end: x.candidateEnds[i], score: x.candidateScores[i]}] AS candidates,
       CASE WHEN x.previousExact IS NULL THEN null
            ELSE {exact: x.previousExact, start: x.previousStart, end: x.previousEnd, by: x.acceptedBy, at: x.acceptedAt} END AS previous
