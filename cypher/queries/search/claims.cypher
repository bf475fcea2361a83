// Full-text search (index claim_text, migration 0003) over claims and their excerpts. A hit on an
// excerpt counts for the claim it evidences; a claim's score is its best hit. Returns the
// passages the caller marks up as highlights: content, quote and every excerpt's exact words.
CALL db.index.fulltext.queryNodes('claim_text', $query, {limit: toInteger($candidates)}) YIELD node, score
OPTIONAL MATCH (owner:Claim)-[:EVIDENCED_BY]->(node)
WITH coalesce(owner, node) AS c, score
// Drafts and rejected claims are not searched: only VERIFIED claims.
WHERE c:Claim AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
WITH c, max(score) AS score
ORDER BY score DESC, c.id
LIMIT toInteger($first)
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)
  WITH x ORDER BY x.position
  RETURN collect(x.exact) AS excerpts
}
RETURN c.id AS id, score, c.content AS content, c.quote AS quote, excerpts
ORDER BY score DESC, id
