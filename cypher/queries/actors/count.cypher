// The number of actors, exact, from the count store (actors with no filter).
MATCH (a:Actor)
RETURN count(a) AS total
