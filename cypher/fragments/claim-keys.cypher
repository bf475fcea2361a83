// The ordering keys of claim `c` (keyset pagination; migration 0007-keyset-keys says what each is
// for), as a map {sortKey, confidenceKey}: `SET c += ` followed by `// @include claim-keys`.
// `c` may be a Claim node or a map of the properties one is about to be created with (the bulk
// import computes the keys before its CREATE, so no statement reads back what it just wrote).
// Kept once here because two writers store them: claims/refresh-keys (every write that changes a
// claim's verification, date or confidence) and import/write-claims. The keys of the claim's
// CLAIMED_BY / TARGETS links are fragments/claim-link-key.
{
  sortKey: coalesce(c.verification, 'VERIFIED') + '|' + coalesce(toString(c.statedOn), '-') + '|' + c.id,
  confidenceKey: coalesce(c.verification, 'VERIFIED') + '|' +
    CASE WHEN c.confidence IS NULL THEN '-'
         ELSE right('0000000' + toString(toInteger(round(c.confidence * 1000000))), 7) END + '|' + c.id
}
