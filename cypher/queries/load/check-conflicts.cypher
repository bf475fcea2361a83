// Keys the data file would take over from other actors or other sources: a name or alias that
// already names a different actor, or a claim id that belongs to a claim from another source.
CALL {
  UNWIND $aliases AS al
  MATCH (k:Alias {key: al.key})-[:ALIAS_OF]->(a:Actor)
  WHERE a.id <> al.actor
  RETURN 'alias' AS kind, al.text AS key, al.actor AS wanted, a.id AS holder
  UNION ALL
  UNWIND $claimIds AS id
  MATCH (c:Claim {id: id})
  WHERE c.originUrl <> $url
  RETURN 'claim' AS kind, id AS key, $url AS wanted, c.originUrl AS holder
}
RETURN kind, key, wanted, holder
