// The actor each of these lower-cased names or aliases already names, if any.
UNWIND $keys AS key
MATCH (:Alias {key: key})-[:ALIAS_OF]->(a:Actor)
RETURN key, a.id AS actor
