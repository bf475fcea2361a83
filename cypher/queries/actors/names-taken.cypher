// Which of these names or aliases already name an actor.
UNWIND $texts AS text
MATCH (k:Alias {key: toLower(text)})-[:ALIAS_OF]->(a:Actor)
RETURN text, a.id AS actor
