// Denials of a batch whose denied claim was written before them (earlier in the input, or in the
// graph). The denial claim is new in this batch, so the link cannot exist yet: CREATE, not MERGE.
// Denials that point forward are linked at the end with load/link-denials (MERGE), since a run
// after a crash may meet some already made.
UNWIND $denials AS d
MATCH (denial:Claim {id: d.denial})
MATCH (denied:Claim {id: d.denied})
CREATE (denial)-[r:DENIES {createdAt: datetime($at), createdBy: $by}]->(denied)
RETURN count(r) AS denials
