// Claim status is derived when read (retraction, live denials, contradicting figures), never
// stored, so an index on Claim.status could never be used.
DROP INDEX claim_status IF EXISTS;
