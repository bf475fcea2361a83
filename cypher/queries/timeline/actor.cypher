// An actor's claims (as claimant or voice), ordered by day (statedOn, else the earliest source's
// publication date; undated last), then id. $from / $to are inclusive and leave undated claims
// out. Bounded by $limit (the resolver asks for one more than it returns, to tell a truncated
// list); the weekly counts come from timeline/weeks, over every matching claim.
MATCH (a:Actor {id: $actor})<-[:CLAIMED_BY|VOICED_BY]-(c:Claim)
// Retracted claims are left out, as in every analysis view (claims(filter: {status: RETRACTED})
// lists them).
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
WITH DISTINCT c
WITH c,
     // @include claim-day
     AS day
WHERE ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
RETURN c.id AS id, c.kind AS kind, day
ORDER BY day IS NULL, day, id
LIMIT toInteger($limit)
