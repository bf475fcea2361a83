// How many nodes the database holds (the test setup refuses to empty a database that is not empty).
MATCH (n)
RETURN count(n) AS nodes
