// A source marked as a copy (wire copy, syndication, republication, whole-article translation)
// of another; checked by provenance/copy-check in the same transaction.
MATCH (s:Source {url: $source}), (of:Source {url: $of})
CREATE (s)-[:COPY_OF {createdAt: datetime($at), createdBy: $by}]->(of)
RETURN s.url AS url
