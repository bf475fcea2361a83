// The texts of a batch of snapshots (Snapshot.text, read only when asked for).
UNWIND $ids AS id
MATCH (n:Snapshot {id: id})
RETURN n.id AS id, n.text AS text
