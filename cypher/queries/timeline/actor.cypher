// An actor's claims (as claimant or voice), ordered by day (statedOn, else the earliest source's
// publication date; undated last), then id, with the ISO week each falls in. $from / $to are
// inclusive and leave undated claims out. Bounded by $limit.
MATCH (a:Actor {id: $actor})<-[:CLAIMED_BY|VOICED_BY]-(c:Claim)
WITH DISTINCT c
CALL {
  WITH c
  OPTIONAL MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
  RETURN min(s.publishedAt) AS published
}
WITH c, coalesce(c.statedOn, published) AS day
WHERE ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
RETURN c.id AS id, c.kind AS kind, day,
       CASE WHEN day IS NULL THEN null
            ELSE toString(day.weekYear) + '-W' + right('0' + toString(day.week), 2) END AS week,
       CASE WHEN day IS NULL THEN null ELSE date.truncate('week', day) END AS weekStart
ORDER BY day IS NULL, day, id
LIMIT toInteger($limit)
