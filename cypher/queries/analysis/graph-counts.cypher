// Node counts per label and relationship counts per type: a fingerprint of the whole graph.
CALL {
  MATCH (n)
  UNWIND labels(n) AS label
  WITH label, count(*) AS n ORDER BY label
  RETURN collect([label, n]) AS nodes
}
CALL {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS n ORDER BY type
  RETURN collect([type, n]) AS relationships
}
RETURN nodes, relationships
