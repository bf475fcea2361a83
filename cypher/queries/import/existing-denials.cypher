// Which of these denial links the graph already has (a run after a crash may meet them).
UNWIND $denials AS d
MATCH (:Claim {id: d.denial})-[:DENIES]->(:Claim {id: d.denied})
RETURN d.denial AS denial, d.denied AS denied
