// acceptCandidate, second: the orphan is anchored at the words an editor chose in the current
// text. Its old words stay readable as previousExact / previousStart / previousEnd (and in the
// audit event); the orphan marks, candidates and its link to the old snapshot go.
MATCH (x:Excerpt {id: $id})
SET x.previousExact = x.exact, x.previousStart = x.start, x.previousEnd = x.end,
    x.exact = $anchor.exact, x.prefix = $anchor.prefix, x.suffix = $anchor.suffix,
    x.start = $anchor.start, x.end = $anchor.end,
    x.acceptedAt = datetime($at), x.acceptedBy = $by
REMOVE x.state, x.orphanedAt, x.candidateExacts, x.candidateStarts, x.candidateEnds, x.candidateScores
WITH x
OPTIONAL MATCH (x)-[r:ANCHORED_IN]->(:Snapshot)
DELETE r
RETURN DISTINCT x.id AS id
