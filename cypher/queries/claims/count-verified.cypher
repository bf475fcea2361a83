// The exact number of VERIFIED claims (Query.claims' totalCount with no filter) without reading
// them: the count store's number of :Claim nodes, less the drafts and rejected claims, which are
// read through the verification index (the review queue, not the graph; the hint keeps a plan
// cached on a small graph from scanning every claim once the graph is large).
MATCH (c:Claim)
WITH count(c) AS claims
CALL {
  MATCH (d:Claim)
  USING INDEX SEEK d:Claim(verification)
  WHERE d.verification IN ['DRAFT', 'REJECTED']
  RETURN count(d) AS unverified
}
RETURN claims - unverified AS total
