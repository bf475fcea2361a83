// The attribution graph in one statement: the actor refs resolved, the edges, and the actors they
// join. One row: `resolved` ({id} per ref in $refs, in order; id null for a ref that names no actor,
// which the resolver reports as NOT_FOUND; null when $refs is null), `edges` (one per claim per
// target, claimant to target, ordered by day, claim and target, at most $limit: the resolver asks
// for one more than it returns, to tell a truncated graph) and `nodes` (every actor an edge joins
// and every actor named, as fragments/actor-row, or just id, name and kind with $lean).
// Retracted claims and unreviewed ones are left out. $refs ({i, ref}, as refs/actors takes them, or
// null for the whole graph): with two or more distinct actors, the edges between them; with one,
// every edge touching it. A claim's day is fragments/claim-day (statedOn, else the earliest
// source); $from / $to (inclusive) leave undated claims out.
// Each way in is a branch of its own that starts where its rows are (the actors named, through
// their id index; every claim only for the whole graph) instead of one MATCH with `$x IS NULL OR`
// predicates, which the planner can only answer from a scan. A branch whose guard is false reads
// nothing.
CALL {
  UNWIND coalesce($refs, []) AS r
  WITH r ORDER BY r.i
  OPTIONAL MATCH (byId:Actor {id: r.ref})
  OPTIONAL MATCH (:Alias {key: toLower(r.ref)})-[:ALIAS_OF]->(byName:Actor)
  RETURN collect({id: coalesce(byId.id, byName.id)}) AS resolved
}
WITH CASE WHEN $refs IS NULL THEN null ELSE resolved END AS resolved
WITH resolved,
     CASE WHEN resolved IS NULL THEN null
          ELSE COLLECT { UNWIND resolved AS x WITH DISTINCT x.id AS id WHERE id IS NOT NULL RETURN id } END AS ids
CALL {
  WITH resolved, ids
  WITH ids WHERE resolved IS NULL OR none(x IN resolved WHERE x.id IS NULL)
  CALL {
    // The whole graph. (Each guard is an UNWIND of one row or none, so a branch not taken never
    // reaches its MATCH: a WHERE on `ids` alone may be planned after the MATCH's scan.)
    WITH ids
    UNWIND CASE WHEN ids IS NULL THEN [true] ELSE [] END AS whole
    MATCH (c:Claim)-[:CLAIMED_BY]->(a:Actor)
    MATCH (c)-[:TARGETS]->(t:Actor)
    RETURN c, a, t
    UNION
    // One actor: its claims about anyone, and anyone's claims about it.
    WITH ids
    UNWIND CASE WHEN size(ids) = 1 THEN ids ELSE [] END AS id
    MATCH (a:Actor {id: id})<-[:CLAIMED_BY]-(c:Claim)-[:TARGETS]->(t:Actor)
    RETURN c, a, t
    UNION
    WITH ids
    UNWIND CASE WHEN size(ids) = 1 THEN ids ELSE [] END AS id
    MATCH (a:Actor)<-[:CLAIMED_BY]-(c:Claim)-[:TARGETS]->(t:Actor {id: id})
    RETURN c, a, t
    UNION
    // Two or more: the claims of a named claimant about another named actor, walked from the
    // side with fewer claims (degrees, read from the actors' relationship counts, not by
    // expanding): a heavy claimant's 70,000 claims need not be read to find the 300 about its
    // rival. The planner cannot choose this: it knows average degrees, not these actors'.
    WITH ids
    UNWIND CASE WHEN size(ids) > 1 THEN [ids] ELSE [] END AS named
    CALL {
      WITH named
      UNWIND named AS id
      MATCH (x:Actor {id: id})
      RETURN sum(COUNT { (x)<-[:CLAIMED_BY]-() }) AS made, sum(COUNT { (x)<-[:TARGETS]-() }) AS about
    }
    CALL {
      WITH named, made, about
      UNWIND CASE WHEN made <= about THEN named ELSE [] END AS id
      MATCH (a:Actor {id: id})<-[:CLAIMED_BY]-(c:Claim)-[:TARGETS]->(t:Actor)
      WHERE t.id IN named
      RETURN c, a, t
      UNION
      WITH named, made, about
      UNWIND CASE WHEN made > about THEN named ELSE [] END AS id
      MATCH (t:Actor {id: id})<-[:TARGETS]-(c:Claim)-[:CLAIMED_BY]->(a:Actor)
      WHERE a.id IN named
      RETURN c, a, t
    }
    RETURN c, a, t
  }
  WITH c, a, t
  WHERE c.retractedAt IS NULL AND coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
    AND ($kinds IS NULL OR c.kind IN $kinds)
  WITH c, a, t,
       // @include claim-day
       AS day
  WHERE ($from IS NULL OR day >= date($from)) AND ($to IS NULL OR day <= date($to))
  WITH c, a, t, day ORDER BY day, c.id, t.id
  LIMIT toInteger($limit)
  // The sources of the edges kept, not of every edge matched.
  RETURN collect({
    claim: c.id, kind: c.kind, from: a.id, to: t.id, day: day,
    sources: COLLECT {
      MATCH (c)-[:EVIDENCED_BY]->(:Excerpt)-[:IN_SOURCE]->(s:Source)
      WITH DISTINCT s ORDER BY s.publishedAt, s.url
      RETURN s.url
    }
  }) AS edges
}
WITH resolved, coalesce(ids, []) + [e IN edges | e.from] + [e IN edges | e.to] AS named, edges
RETURN resolved, edges, COLLECT {
  UNWIND named AS id
  WITH DISTINCT id
  MATCH (a:Actor {id: id})
  RETURN CASE WHEN $lean THEN a {.id, .name, .kind} ELSE
    // @include actor-row
  END
} AS nodes
