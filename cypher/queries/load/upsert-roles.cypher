// Roles between actors. The relationship type comes from a fixed list (validated before this
// runs), one MERGE per type, never from string building.
UNWIND $roles AS r
MATCH (a:Actor {id: r.actor}), (b:Actor {id: r.of})
CALL {
  WITH a, b, r
  WITH a, b, r WHERE r.relation = 'SPEAKS_FOR'
  MERGE (a)-[rel:SPEAKS_FOR]->(b) SET rel.title = r.title
  RETURN count(*) AS n
  UNION ALL
  WITH a, b, r
  WITH a, b, r WHERE r.relation = 'SERVES_IN'
  MERGE (a)-[rel:SERVES_IN]->(b) SET rel.title = r.title
  RETURN count(*) AS n
  UNION ALL
  WITH a, b, r
  WITH a, b, r WHERE r.relation = 'PART_OF'
  MERGE (a)-[rel:PART_OF]->(b) SET rel.title = r.title
  RETURN count(*) AS n
  UNION ALL
  WITH a, b, r
  WITH a, b, r WHERE r.relation = 'MEMBER_OF'
  MERGE (a)-[rel:MEMBER_OF]->(b) SET rel.title = r.title
  RETURN count(*) AS n
}
RETURN sum(n) AS roles
