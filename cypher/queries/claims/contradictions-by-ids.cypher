// The live figure claims that contradict each of a batch of claims (fragments/figure-contradiction),
// in id order: a walk from each claim through its figure keys, whatever the size of the graph.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL {
  WITH c
  // @include figure-contradiction
  WITH DISTINCT o ORDER BY o.id
  RETURN collect(o.id) AS contradictedBy
}
RETURN c.id AS id, contradictedBy
