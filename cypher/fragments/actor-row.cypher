// Actor `a` as the per-request actor loader holds it: a map of its properties, its roles (the
// actors it speaks for, serves in, is part or a member of) and the actor a placeholder was
// resolved to. Included by actors/by-ids and by claims/by-ids, which returns the actors of the
// claims it reads in the same answer so that claimant, voice and targets cost no round trip.
a {
  .id, .name, .kind, .description,
  aliases: coalesce(a.aliases, []),
  roles: [(a)-[r:SPEAKS_FOR|SERVES_IN|PART_OF|MEMBER_OF]->(of:Actor) | {relation: type(r), title: r.title, of: of.id}],
  placeholder: coalesce(a.placeholder, false),
  resolvedTo: COLLECT { MATCH (a)-[:RESOLVED_TO]->(to:Actor) RETURN to.id }[0]
}
