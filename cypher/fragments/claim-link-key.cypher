// The key of the CLAIMED_BY or TARGETS link from claim `c` to actor `a`: the actor's id, then the
// claim's sortKey (fragments/claim-keys), so an actor's claims are one range of the relationship
// index. An expression; `c` may be a node or a map with the claim's sortKey.
a.id + '|' + c.sortKey
