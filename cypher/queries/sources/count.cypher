// The number of sources, exact, from the count store.
MATCH (s:Source)
RETURN count(s) AS total
