// Nodes whose labels claimgraph does not use: a database that has them is someone else's data.
MATCH (n)
WHERE none(l IN labels(n) WHERE l IN ['Migration', 'Actor', 'Alias', 'Source', 'Excerpt', 'Claim',
                                      'Figure', 'FigureKey', 'Event', 'AuditEvent', 'ApiToken', 'Snapshot'])
RETURN count(n) AS foreign
