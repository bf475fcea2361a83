// Claims an earlier version of this source's data file loaded that the file no longer has. The
// loader never deletes them (nothing is silently lost): it reports them, to be retracted with a
// reason if they were wrong. Claims recorded through the API (they carry an inputHash) are not
// the file's, and retracted claims are already dealt with.
MATCH (c:Claim {originUrl: $url})
WHERE c.inputHash IS NULL AND c.retractedAt IS NULL AND NOT c.id IN $claimIds
RETURN c.id AS id
ORDER BY id
