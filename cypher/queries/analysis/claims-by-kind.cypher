// How many claims of each kind the graph holds (retracted ones included).
MATCH (c:Claim)
WHERE coalesce(c.verification, 'VERIFIED') = 'VERIFIED'
RETURN c.kind AS kind, count(*) AS claims
ORDER BY kind
