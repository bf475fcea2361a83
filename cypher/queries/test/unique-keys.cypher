// The node keys a uniqueness constraint (or node key) guards, as label and property: a lookup by
// one of them must be planned as the seek of its constraint's index (test/integration/
// queries-explain.test.ts checks every named query's such lookups).
SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type, entityType
WHERE entityType = 'NODE' AND type IN ['UNIQUENESS', 'NODE_KEY'] AND size(properties) = 1
RETURN labelsOrTypes[0] AS label, properties[0] AS key
