// The actor links of claim `c` (its claimant, voice and targets) as one list of
// {type, id, name, kind, actor}, targets in name order: fragments/claim-row takes `claimant`,
// `voice`, `targets`, the lean `names` and the full `actors` from it (`actor` is the node, for
// fragments/actor-row; the row returns none of it). One expansion of the claim instead of one per
// column (four on a page that shows names): each expansion walks the claim's whole relationship
// chain (excerpts, audit links, denials), about 7 db hits a claim on the benchmark graph.
// Bound as `links` before claim-row's RETURN: `WITH c, parts, // @include claim-links AS links`.
COLLECT {
  MATCH (c)-[r:CLAIMED_BY|VOICED_BY|TARGETS]->(a:Actor)
  RETURN {type: type(r), id: a.id, name: a.name, kind: a.kind, actor: a} AS link ORDER BY link.name
}
