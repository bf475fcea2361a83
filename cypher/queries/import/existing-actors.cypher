// Which of these Actor keys the graph holds, with the content hash each was imported with (null
// for one the loader or the API wrote). Used both for records the import defines (skip or
// conflict) and for references no earlier line defines (they must exist). Index seeks only.
UNWIND $keys AS key
MATCH (n:Actor {id: key})
RETURN key, n.importHash AS hash
