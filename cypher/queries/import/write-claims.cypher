// Imported claims with their claimants: the first of the batch's plain UNWIND statements (the
// others add voices, targets, events, figures, excerpts and denials, one link type each, so no
// statement needs a subquery or an Eager barrier: each row is one index seek and one CREATE).
// Every id here was checked absent and every claimant present before the import wrote anything;
// the caller compares `written` with the batch, so a claimant that vanished meanwhile fails the
// batch instead of dropping a claim. `date(null)` is null: a CASE in the CREATE would make the
// planner put an Eager barrier before it (it cannot tell that the CASE reads nothing it writes).
// The page keys are set here, from the fragments claims/refresh-keys applies (claim-keys,
// claim-link-key), worked out from `c`, the map of the claim's properties, before the CREATE:
// read back from the new node they would cost an Eager too. Figure keys are set by
// import/write-figures, once the claim's events are linked. Status: UNCONTESTED, the rule's
// (fragments/claim-status) answer for a claim no committed transaction has seen, except for the
// claims this batch's denials deny and the figure claims under its figures' keys, which
// src/import/write.ts then hands to claims/refresh-status.
// Review state as the loader stores it (load/upsert-claims): `row.origin`, `row.verification`,
// `row.confidence`, `row.extractor` from the line, CURATED and VERIFIED when it leaves them out
// (src/import/write.ts fills those in); `row.reviewedAt` is the import's time for a VERIFIED claim
// and null for a DRAFT, which no one has reviewed yet.
UNWIND $claims AS row
MATCH (a:Actor {id: row.claimant})
WITH a, row, {id: row.id, verification: row.verification, statedOn: date(row.statedOn),
                 confidence: row.confidence} AS c
WITH a, row, c,
     // @include claim-keys
     AS keys
WITH a, row, c {.*, sortKey: keys.sortKey, confidenceKey: keys.confidenceKey} AS c
CREATE (x:Claim {id: c.id, kind: row.kind, content: row.content, cue: row.cue, quote: row.quote,
                 statedOn: c.statedOn, statedOnText: row.statedOnText, originUrl: row.source,
                 importHash: row.hash, origin: row.origin, verification: c.verification,
                 confidence: c.confidence, extractor: row.extractor,
                 reviewedAt: datetime(row.reviewedAt), reviewedBy: row.reviewedBy, sortKey: c.sortKey,
                 confidenceKey: c.confidenceKey, figureKeys: [], status: 'UNCONTESTED',
                 createdAt: datetime($at), createdBy: $by})
       -[:CLAIMED_BY {key:
          // @include claim-link-key
       }]->(a)
RETURN count(x) AS written
