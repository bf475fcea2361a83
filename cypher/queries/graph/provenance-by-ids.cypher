// The provenance chain of a batch of claims (the per-request provenance loader): claimant, voice,
// and per source (in the order the claim's excerpts come) the outlet that published it, the
// source and the exact passages (each with the excerpt it translates, if it is a translation).
UNWIND $ids AS id
MATCH (c:Claim {id: id})
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(claimant:Actor)
OPTIONAL MATCH (c)-[:VOICED_BY]->(voice:Actor)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
  OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(outlet:Actor)
  WITH s, outlet, x ORDER BY x.position
  WITH s, outlet, min(x.position) AS firstPosition,
       collect(CASE WHEN x IS NULL THEN null ELSE
         {id: x.id, exact: x.exact, prefix: x.prefix, suffix: x.suffix, start: x.start, end: x.end, sourceUrl: s.url,
          // issue 12: a translation's step back to the original words, and who translated it
          translationOf: [(x)-[:TRANSLATION_OF]->(o:Excerpt) | o.id][0],
          translator: [(x)-[:TRANSLATED_BY]->(t:Actor) | t.id][0],
          state: coalesce(x.state, 'ANCHORED')} END) AS excerpts
  ORDER BY firstPosition
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {url: s.url, outlet: outlet.id, excerpts: excerpts} END) AS sources
}
RETURN c.id AS id, claimant.id AS claimant, voice.id AS voice, sources
