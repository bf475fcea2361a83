// Benchmark and plan-test data only (test/integration/keyset.test.ts, on a throwaway database):
// claims $from..$to - 1 (integers, however the driver sent them) with deterministic ids, dates and kinds, made by $actors synthetic actors,
// a third of them by actor 0 (the heavy claimant), each targeting one actor; every tenth is stored
// DISPUTED (fixture status). Claims 0 to 9 have an excerpt in one source. The page keys are not
// written here: the caller runs claims/refresh-keys over the new ids, as every claim write does.
WITH toInteger($actors) AS actors, toInteger($from) AS first, toInteger($to) AS last
UNWIND range(0, actors - 1) AS i
MERGE (a:Actor {id: 'syn-actor-' + i})
  ON CREATE SET a.name = 'Synthetic actor ' + i, a.kind = 'OTHER', a.aliases = [],
                a.sortKey = 'synthetic actor ' + i + '|syn-actor-' + i,
                a.createdAt = datetime($at), a.createdBy = $by
WITH actors, first, last, count(a) AS actorsWritten
MERGE (s:Source {url: 'https://example.org/synthetic/0'})
  ON CREATE SET s.title = 'Synthetic source', s.publishedAt = date('2024-01-01'), s.text = 'synthetic words',
                s.contentHash = 'synthetic', s.sortKey = '2024-01-01|https://example.org/synthetic/0',
                s.createdAt = datetime($at), s.createdBy = $by
WITH actors, first, last, s
UNWIND range(first, last - 1) AS i
MATCH (claimant:Actor {id: 'syn-actor-' + CASE WHEN i % 3 = 0 THEN 0 ELSE i % actors END})
MATCH (target:Actor {id: 'syn-actor-' + ((i * 7 + 1) % actors)})
CREATE (c:Claim {id: 'syn-claim-' + right('0000000' + toString(i), 7),
                 kind: ['STATEMENT', 'ACCUSATION', 'DENIAL', 'COMMITMENT', 'FIGURE'][i % 5],
                 content: 'Synthetic claim ' + i,
                 // Every 97th undated; the rest spread over 2,000 days, many claims per day.
                 statedOn: CASE WHEN i % 97 = 0 THEN null ELSE date('2020-01-01') + duration({days: (i * 37) % 2000}) END,
                 status: CASE WHEN i % 10 = 0 THEN 'DISPUTED' ELSE 'UNCONTESTED' END,
                 origin: 'CURATED', verification: 'VERIFIED',
                 createdAt: datetime($at), createdBy: $by})
CREATE (c)-[:CLAIMED_BY]->(claimant)
CREATE (c)-[:TARGETS]->(target)
WITH c, i, s
CALL {
  WITH c, i, s
  WITH c, i, s WHERE i < 10
  CREATE (c)-[:EVIDENCED_BY]->(:Excerpt {id: c.id + '#0', exact: 'synthetic', prefix: '', suffix: ' words',
                                         start: 0, end: 9, position: 0, createdAt: datetime($at), createdBy: $by})-[:IN_SOURCE]->(s)
  RETURN count(*) AS excerpts
}
RETURN collect(c.id) AS ids
