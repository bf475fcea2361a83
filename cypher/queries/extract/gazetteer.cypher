// The actors an extraction resolves speakers against: every named actor with its aliases, and
// the roles that make a person a voice of a body. Placeholders are left out: nothing is ever
// matched to them by name.
CALL {
  MATCH (a:Actor)
  WHERE NOT coalesce(a.placeholder, false)
  RETURN collect({id: a.id, name: a.name, kind: a.kind, aliases: coalesce(a.aliases, [])}) AS actors
}
CALL {
  MATCH (p:Actor)-[r:SPEAKS_FOR|SERVES_IN|PART_OF|MEMBER_OF]->(of:Actor)
  RETURN collect({actor: p.id, relation: type(r), of: of.id, title: r.title}) AS roles
}
RETURN actors, roles
