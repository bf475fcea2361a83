// How many of an actor's claims (as claimant or voice) of each kind fall in each ISO week, over
// every matching claim (timeline/actor's list is bounded; these counts are not). A claim's day is
// statedOn, else the earliest source's publication date; undated claims are not counted. $from /
// $to are inclusive.
MATCH (a:Actor {id: $actor})<-[:CLAIMED_BY|VOICED_BY]-(c:Claim)
// Retracted claims are left out, as in every analysis view (claims(filter: {status: RETRACTED})
// lists them).
WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
WITH DISTINCT c
WITH c,
     // @include claim-day
     AS day
WHERE day IS NOT NULL AND ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
WITH toString(day.weekYear) + '-W' + right('0' + toString(day.week), 2) AS week,
     date.truncate('week', day) AS start, c.kind AS kind, count(*) AS count
ORDER BY start, kind
WITH week, start, collect({kind: kind, count: count}) AS counts, sum(count) AS total
RETURN week, start, total, counts
ORDER BY start
