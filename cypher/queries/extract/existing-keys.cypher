// Which of these extraction keys already have a claim (an earlier extraction of the same text).
UNWIND $keys AS key
MATCH (c:Claim {extractionKey: key})
RETURN key, c.id AS id
