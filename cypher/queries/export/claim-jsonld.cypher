// Everything a claim's schema.org JSON-LD needs: its words, claimant, voice, targets, its day
// (the claim-day fragment: statedOn, else the earliest source's publication date), and each
// source it appears in with its publisher, language, what it copies, and the exact passages
// (a translated one with its original words).
MATCH (c:Claim {id: $id})
// A draft or rejected claim is not published: it exports as unknown (404).
WHERE coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
OPTIONAL MATCH (c)-[:CLAIMED_BY]->(claimant:Actor)
OPTIONAL MATCH (c)-[:VOICED_BY]->(voice:Actor)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:TARGETS]->(t:Actor)
  WITH t ORDER BY t.name
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE {id: t.id, name: t.name, kind: t.kind} END) AS targets
}
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
  OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(p:Actor)
  // Issue 12: the excerpt a translation translates, and the source this one is a copy of.
  OPTIONAL MATCH (x)-[:TRANSLATION_OF]->(o:Excerpt)-[:IN_SOURCE]->(os:Source)
  OPTIONAL MATCH (x)-[:TRANSLATED_BY]->(translator:Actor)
  WITH s, p, x, o, os, translator ORDER BY x.position
  WITH s, p, min(x.position) AS firstPosition,
       collect({exact: x.exact, state: coalesce(x.state, 'ANCHORED'), language: coalesce(x.language, s.language), method: x.method,
                translator: translator.name,
                original: CASE WHEN o IS NULL THEN null ELSE
                  {exact: o.exact, language: coalesce(o.language, os.language), url: os.url} END}) AS excerpts
  ORDER BY firstPosition
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE
    {url: s.url, title: s.title, publishedAt: s.publishedAt, publisher: p.name, language: s.language,
     copyOf: [(s)-[:COPY_OF]->(of:Source) | of.url][0], excerpts: excerpts} END) AS sources
}
RETURN c.id AS id, c.kind AS kind, c.content AS content, c.quote AS quote, c.cue AS cue,
       c.statedOn AS statedOn, c.retractedAt AS retractedAt,
       // @include claim-day
       AS day,
       CASE WHEN claimant IS NULL THEN null ELSE {id: claimant.id, name: claimant.name, kind: claimant.kind} END AS claimant,
       CASE WHEN voice IS NULL THEN null ELSE {id: voice.id, name: voice.name, kind: voice.kind} END AS voice,
       targets, sources
