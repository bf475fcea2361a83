// Actors with their roles, for a batch of ids (the per-request actor loader): one map per actor
// (fragments/actor-row, the shape claims/by-ids also returns).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id,
       // @include actor-row
       AS actor
