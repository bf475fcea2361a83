// The exact number of VERIFIED claims each actor made and is targeted by (Actor.claimsMade /
// claimsAbout totalCount, batched per request) without reading them: the actor's degree (a
// lookup in its relationship-group record), less its drafts and rejected claims, which are short
// ranges of the CLAIMED_BY / TARGETS key index (actorId|verification|...). The hints pin those
// ranges to the index: a plan cached while the graph had few links may otherwise scan every link
// of the type, and keep doing so after the graph has grown.
UNWIND $actors AS id
MATCH (a:Actor {id: id})
RETURN id AS actor,
  COUNT { (a)<-[:CLAIMED_BY]-() }
    - COUNT { MATCH ()-[r:CLAIMED_BY]->() USING INDEX SEEK r:CLAIMED_BY(key)
              WHERE r.key > id + '|DRAFT|' AND r.key < id + '|DRAFT|~' }
    - COUNT { MATCH ()-[r:CLAIMED_BY]->() USING INDEX SEEK r:CLAIMED_BY(key)
              WHERE r.key > id + '|REJECTED|' AND r.key < id + '|REJECTED|~' } AS made,
  COUNT { (a)<-[:TARGETS]-() }
    - COUNT { MATCH ()-[r:TARGETS]->() USING INDEX SEEK r:TARGETS(key)
              WHERE r.key > id + '|DRAFT|' AND r.key < id + '|DRAFT|~' }
    - COUNT { MATCH ()-[r:TARGETS]->() USING INDEX SEEK r:TARGETS(key)
              WHERE r.key > id + '|REJECTED|' AND r.key < id + '|REJECTED|~' } AS about
