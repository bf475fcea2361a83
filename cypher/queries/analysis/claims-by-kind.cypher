// How many claims of each kind the graph holds (retracted ones included).
MATCH (c:Claim)
RETURN c.kind AS kind, count(*) AS claims
ORDER BY kind
