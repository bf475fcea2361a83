// recheckSource, second: the new text becomes the source's text and its newest snapshot, and every
// excerpt is written as src/anchoring decided. $anchored get their new offsets and context and lose
// any orphan marks. $orphaned keep their words and offsets; one orphaned by this recheck points at
// the snapshot its words were anchored in ($previous), one orphaned before keeps pointing where it
// did. Candidates are stored as four parallel lists (Neo4j stores no lists of maps).
MATCH (s:Source {url: $url})
// A source written before snapshots existed (migration 0009 gives every source one; this is the
// belt to its braces): its text as it was is snapshot 1.
CALL {
  WITH s
  WITH s WHERE NOT (s)-[:HAS_SNAPSHOT]->(:Snapshot)
  CREATE (s)-[:HAS_SNAPSHOT]->(:Snapshot {id: s.url + '#snapshot-1', position: 1, text: s.text,
                                          contentHash: s.contentHash,
                                          at: coalesce(s.createdAt, datetime($at)), by: coalesce(s.createdBy, 'migration')})
  RETURN count(*) AS first
}
SET s.text = $snapshot.text, s.contentHash = $snapshot.contentHash,
    s.updatedAt = datetime($at), s.updatedBy = $by
CREATE (s)-[:HAS_SNAPSHOT]->(n:Snapshot {id: $snapshot.id, position: $snapshot.position, text: $snapshot.text,
                                         contentHash: $snapshot.contentHash, at: datetime($at), by: $by})
WITH s, n
CALL {
  WITH s
  UNWIND $anchored AS a
  MATCH (s)<-[:IN_SOURCE]-(x:Excerpt {id: a.id})
  SET x.exact = a.exact, x.prefix = a.prefix, x.suffix = a.suffix, x.start = a.start, x.end = a.end
  REMOVE x.state, x.orphanedAt, x.candidateExacts, x.candidateStarts, x.candidateEnds, x.candidateScores
  WITH x
  OPTIONAL MATCH (x)-[r:ANCHORED_IN]->(:Snapshot)
  DELETE r
  RETURN count(*) AS anchored
}
CALL {
  WITH s
  UNWIND $orphaned AS o
  MATCH (s)<-[:IN_SOURCE]-(x:Excerpt {id: o.id})
  WITH x, o, x.state IS NULL AS newly
  SET x.state = 'ORPHANED',
      x.orphanedAt = CASE WHEN newly THEN datetime($at) ELSE x.orphanedAt END,
      x.candidateExacts = [c IN o.candidates | c.exact],
      x.candidateStarts = [c IN o.candidates | c.start],
      x.candidateEnds = [c IN o.candidates | c.end],
      x.candidateScores = [c IN o.candidates | c.score]
  WITH x, newly
  CALL {
    WITH x, newly
    MATCH (p:Snapshot {id: $previous})
    WHERE newly
    CREATE (x)-[:ANCHORED_IN]->(p)
    RETURN count(*) AS linked
  }
  RETURN count(*) AS orphaned
}
RETURN n.id AS snapshot
