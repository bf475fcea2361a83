// Issue 12: every source keeps its text history as (:Source)-[:HAS_SNAPSHOT]->(:Snapshot), the
// current text last (highest position). Each source written before this migration gets its first
// snapshot: its current text and hash, taken when the source was created (the migration's time if
// that was not stored), by 'migration'. An excerpt that no recheck could re-anchor is marked
// state 'ORPHANED' (anchored excerpts carry no state), so the index holds only the desk's worklist.
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (n:Snapshot) REQUIRE n.id IS UNIQUE;
CREATE INDEX excerpt_state IF NOT EXISTS FOR (x:Excerpt) ON (x.state);
MATCH (s:Source) WHERE NOT (s)-[:HAS_SNAPSHOT]->(:Snapshot)
CALL {
  WITH s
  CREATE (s)-[:HAS_SNAPSHOT]->(:Snapshot {id: s.url + '#snapshot-1', position: 1, text: s.text,
                                          contentHash: s.contentHash,
                                          at: coalesce(s.createdAt, datetime()), by: 'migration'})
} IN TRANSACTIONS OF 1000 ROWS;
