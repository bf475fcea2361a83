// Every node and relationship with its properties, in a stable order: what the fuzz test hashes
// before and after refused writes to show they changed nothing (test use; small graphs only).
CALL {
  MATCH (n)
  WITH n ORDER BY elementId(n)
  RETURN collect([elementId(n), labels(n), properties(n)]) AS nodes
}
CALL {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY elementId(r)
  RETURN collect([elementId(r), type(r), elementId(a), elementId(b), properties(r)]) AS relationships
}
RETURN nodes, relationships
