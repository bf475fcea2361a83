// The exact number of VERIFIED claims each actor made and is targeted by (Actor.claimsMade /
// claimsAbout totalCount, batched per request) without reading them: the actor's degree (a
// lookup in its relationship-group record), less its drafts and rejected claims, which are short
// ranges of the CLAIMED_BY / TARGETS key index (actorId|verification|...).
UNWIND $actors AS id
MATCH (a:Actor {id: id})
RETURN id AS actor,
  COUNT { (a)<-[:CLAIMED_BY]-() }
    - COUNT { MATCH ()-[r:CLAIMED_BY]->() WHERE r.key > id + '|DRAFT|' AND r.key < id + '|DRAFT|~' }
    - COUNT { MATCH ()-[r:CLAIMED_BY]->() WHERE r.key > id + '|REJECTED|' AND r.key < id + '|REJECTED|~' } AS made,
  COUNT { (a)<-[:TARGETS]-() }
    - COUNT { MATCH ()-[r:TARGETS]->() WHERE r.key > id + '|DRAFT|' AND r.key < id + '|DRAFT|~' }
    - COUNT { MATCH ()-[r:TARGETS]->() WHERE r.key > id + '|REJECTED|' AND r.key < id + '|REJECTED|~' } AS about
