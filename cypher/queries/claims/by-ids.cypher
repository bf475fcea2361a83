// Claims with everything a response may need, for a batch of ids (the per-request claim loader):
// one round trip however many claims and nested fields a query asks for. With $related, the
// claims each one denies and is denied by come back in the same answer (the claim view shows both
// beside it), so `claim(id) { deniedBy { ... } }` is one round trip, not two. Each claim's
// claimant, voice and targets come back too, as the actor loader holds them (fragments/actor-row):
// a page of claims with their actors is one round trip here, not two.
// Every list is a COLLECT subquery in the one projection rather than a CALL { } per list with an
// aggregation after it: the same answer in about half the server time (4 ms against 7-8 for 20
// claims, measured at 10,000 claims), since nothing is collected and re-projected row by row.
UNWIND $ids AS id
MATCH (root:Claim {id: id})
UNWIND CASE WHEN $related THEN [root] + COLLECT { MATCH (root)-[:DENIES]-(n:Claim) RETURN n LIMIT 200 }
            ELSE [root] END AS c
// $parts: the costly columns of fragments/claim-row to compute, null for all (the claim loader's
// rows; Query.claim with its denials asks for those its selection shows).
WITH DISTINCT c, $parts AS parts
WITH c, parts,
     // @include claim-links
     AS links
RETURN c.id AS id,
       // @include claim-row
