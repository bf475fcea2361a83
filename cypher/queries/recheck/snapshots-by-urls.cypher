// Each source's snapshots, oldest first, the current text last (Source.snapshots). Without their
// texts: a text is read only when Snapshot.text is asked for (snapshot-texts).
UNWIND $urls AS url
MATCH (s:Source {url: url})
OPTIONAL MATCH (s)-[:HAS_SNAPSHOT]->(n:Snapshot)
WITH url, n ORDER BY n.position
RETURN url, collect(CASE WHEN n IS NULL THEN null ELSE
  {id: n.id, position: n.position, contentHash: n.contentHash, at: n.at, by: n.by, sourceUrl: url} END) AS snapshots
