// Records one applied migration. MERGE keeps a re-run (after a crash between the schema
// statements and this record) from creating a second record.
MERGE (m:Migration {id: $id})
  ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime(), m.appliedBy = $appliedBy
RETURN m.id AS id
