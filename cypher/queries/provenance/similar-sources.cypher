// Earlier sources that share at least one MinHash band key with a new text (index
// source_minhash, migration 0008): the LSH candidates, with their signatures, so the caller
// estimates each similarity. $bands is the band keys joined by " OR " (keys are [a-z0-9] only).
CALL db.index.fulltext.queryNodes('source_minhash', $bands, {limit: toInteger($limit)}) YIELD node
WHERE node.url <> $url AND node.minhash IS NOT NULL
RETURN node.url AS url, node.minhash AS minhash
