// Imported claims with their claimants: the first of the batch's plain UNWIND statements (the
// others add voices, targets, events, figures, excerpts and denials, one link type each, so no
// statement needs a subquery or an Eager barrier: each row is one index seek and one CREATE).
// Every id here was checked absent and every claimant present before the import wrote anything;
// the caller compares `written` with the batch, so a claimant that vanished meanwhile fails the
// batch instead of dropping a claim. `date(null)` is null: a CASE there would make the planner put
// an Eager barrier before the CREATE (it cannot tell that the CASE reads nothing it writes).
UNWIND $claims AS c
MATCH (claimant:Actor {id: c.claimant})
CREATE (x:Claim {id: c.id, kind: c.kind, content: c.content, cue: c.cue, quote: c.quote,
                 statedOn: date(c.statedOn),
                 statedOnText: c.statedOnText, originUrl: c.source, importHash: c.hash,
                 origin: 'CURATED', verification: 'VERIFIED', reviewedAt: datetime($at), reviewedBy: $by,
                 createdAt: datetime($at), createdBy: $by})-[:CLAIMED_BY]->(claimant)
RETURN count(x) AS written
