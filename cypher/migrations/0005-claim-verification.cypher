// Issue 8: claims carry their origin (CURATED | EXTRACTED) and verification (DRAFT | VERIFIED |
// REJECTED). Every claim written before this migration was recorded by a person: CURATED and
// VERIFIED. An extraction key identifies a draft, so extracting the same text twice cannot
// write a second copy; the verification index serves the review queue and the default filter.
CREATE CONSTRAINT claim_extraction_key IF NOT EXISTS FOR (c:Claim) REQUIRE c.extractionKey IS UNIQUE;
CREATE INDEX claim_verification IF NOT EXISTS FOR (c:Claim) ON (c.verification);
MATCH (c:Claim) WHERE c.verification IS NULL
CALL {
  WITH c
  SET c.origin = coalesce(c.origin, 'CURATED'), c.verification = 'VERIFIED',
      c.reviewedAt = coalesce(c.reviewedAt, c.createdAt), c.reviewedBy = coalesce(c.reviewedBy, c.createdBy)
} IN TRANSACTIONS OF 5000 ROWS
