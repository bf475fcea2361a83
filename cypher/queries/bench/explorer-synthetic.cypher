// Benchmark data only (bench/explorer.ts, on a throwaway store): one batch of synthetic sources
// and the claims anchored in them, so the explorer is timed on a graph of 100,000 claims. Ids are
// deterministic (the generator is), and every node carries createdAt/createdBy like real data.
// Each claim has a claimant, a target and one excerpt at exact code-point offsets in its source;
// a DENIAL denies the claim named in `denies`, so disputes exist at scale too.
UNWIND $sources AS src
MERGE (s:Source {url: src.url})
  ON CREATE SET s.title = src.title, s.publishedAt = date(src.publishedAt), s.text = src.text,
                s.contentHash = src.contentHash, s.createdAt = datetime($at), s.createdBy = $by,
                s.sortKey = src.publishedAt + '|' + src.url
WITH count(s) AS sourcesWritten
UNWIND $actors AS a
MERGE (actor:Actor {id: a.id})
  ON CREATE SET actor.name = a.name, actor.kind = a.kind, actor.aliases = [], actor.sortKey = toLower(a.name) + '|' + a.id,
                actor.createdAt = datetime($at),
                actor.createdBy = $by
WITH count(actor) AS actorsWritten
UNWIND $claims AS r
MATCH (s:Source {url: r.url})
MATCH (claimant:Actor {id: r.claimant})
MATCH (target:Actor {id: r.target})
CREATE (c:Claim {id: r.id, kind: r.kind, content: r.content, cue: r.cue, statedOn: date(r.statedOn),
                 createdAt: datetime($at), createdBy: $by, originUrl: r.url,
                 // The page keys of migration 0007 (see claims/refresh-keys), written inline.
                 sortKey: 'VERIFIED|' + r.statedOn + '|' + r.id, confidenceKey: 'VERIFIED|-|' + r.id})
CREATE (c)-[:CLAIMED_BY {key: claimant.id + '|VERIFIED|' + r.statedOn + '|' + r.id}]->(claimant)
CREATE (c)-[:TARGETS {key: target.id + '|VERIFIED|' + r.statedOn + '|' + r.id}]->(target)
CREATE (x:Excerpt {id: r.id + '#excerpt0', exact: r.exact, prefix: r.prefix, suffix: r.suffix,
                   start: r.start, end: r.end, position: 0, createdAt: datetime($at), createdBy: $by})
CREATE (c)-[:EVIDENCED_BY]->(x)
CREATE (x)-[:IN_SOURCE]->(s)
WITH c, r
CALL {
  WITH c, r
  MATCH (denied:Claim {id: r.denies})
  CREATE (c)-[:DENIES]->(denied)
  RETURN count(*) AS denials
}
RETURN count(c) AS claims
