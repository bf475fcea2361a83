// The columns of claim `c` as the per-request claim loader holds it (every field a Claim resolver
// reads), without `id`: included after `RETURN c.id AS id,` by claims/by-ids, and by the `@rows`
// variant of the page queries (src/db/queries.ts), whose page rows already carry the id. One
// projection for both, so a page's claims and a loaded claim are the same row.
// `links` (fragments/claim-links) must be bound beside `c` and `parts`.
// `parts` (null: all) names the costly columns to compute; one left out is null, never an empty
// list, so a resolver can tell "not read" from "none" and load the whole claim. A page reads only
// the parts its selection shows: each is a subquery per claim, and together they cost three times
// the rest of the row (measured on the benchmark graph); inside CASE they are not run at all.
c.kind AS kind, c.content AS content,
// As text (YYYY-MM-DD, what the Date scalar carries): a Date value is decoded by the driver through
// 64-bit Integer arithmetic, a few per cent of a page's API time.
toString(c.statedOn) AS statedOn,
// Stored and kept by every write (src/writes/status.ts, fragments/claim-status).
c.status AS status,
CASE WHEN parts IS NULL OR 'anchoring' IN parts THEN
  // @include claim-anchoring
END AS anchoring,
CASE WHEN c.retractedAt IS NULL THEN null
     ELSE {reason: c.retractedReason, at: c.retractedAt, by: c.retractedBy} END AS retraction,
[l IN links WHERE l.type = 'CLAIMED_BY' | l.id][0] AS claimant,
[l IN links WHERE l.type = 'VOICED_BY' | l.id][0] AS voice,
[l IN links WHERE l.type = 'TARGETS' | l.id] AS targets,
CASE WHEN parts IS NULL OR 'about' IN parts THEN COLLECT { MATCH (c)-[:ABOUT]->(e:Event) RETURN e.id ORDER BY e.startDate, e.id } END AS about,
CASE WHEN parts IS NULL OR 'actors' IN parts THEN COLLECT {
  UNWIND links AS l
  WITH DISTINCT l.actor AS a
  RETURN
    // @include actor-row
} END AS actors,
// Part 'names' instead of 'actors' where claimant, voice and targets show nothing but id, name and
// kind (src/graphql/claim-lists.ts pageParts): just those three properties of each actor, from
// `links` (one actor may be both claimant and target: each once). The full row's roles and
// resolvedTo are two expansions of the actor, a dense node on a large graph (about 23 db hits an
// actor there against 3). Never read for a full row (parts null).
CASE WHEN 'names' IN parts THEN reduce(seen = [], l IN links |
  CASE WHEN l.id IN [s IN seen | s.id] THEN seen ELSE seen + [l {.id, .name, .kind}] END
) END AS names,
CASE WHEN parts IS NULL OR 'figures' IN parts THEN COLLECT {
  MATCH (c)-[:HAS_FIGURE]->(f:Figure)
  RETURN {value: f.value, unit: f.unit, measure: f.measure} ORDER BY f.position
} END AS figures,
CASE WHEN parts IS NULL OR 'evidence' IN parts THEN COLLECT {
  MATCH (c)-[:EVIDENCED_BY]->(x:Excerpt)-[:IN_SOURCE]->(s:Source)
  RETURN {id: x.id, exact: x.exact, prefix: x.prefix, suffix: x.suffix, start: x.start, end: x.end,
          sourceUrl: s.url, state: coalesce(x.state, 'ANCHORED')} ORDER BY x.position
} END AS evidence,
CASE WHEN parts IS NULL OR 'denies' IN parts THEN COLLECT { MATCH (c)-[:DENIES]->(d:Claim) RETURN d.id ORDER BY d.id } END AS denies,
CASE WHEN parts IS NULL OR 'deniedBy' IN parts THEN COLLECT {
  MATCH (c)<-[:DENIES]-(d:Claim) WHERE coalesce(d.verification, 'VERIFIED') = 'VERIFIED'
  RETURN d.id ORDER BY d.id
} END AS deniedBy,
// The fields a page seldom shows (cue, quote, statedOnText and the extraction's origin,
// verification, confidence, extractor, review), as one map: a part like the others, so a page
// that shows none of them reads, decodes and converts none (the review's instant is a DateTime).
CASE WHEN parts IS NULL OR 'details' IN parts THEN {
  cue: c.cue, quote: c.quote, statedOnText: c.statedOnText,
  origin: coalesce(c.origin, 'CURATED'), verification: coalesce(c.verification, 'VERIFIED'),
  confidence: c.confidence, extractor: c.extractor,
  review: CASE WHEN c.reviewedAt IS NULL THEN null
               ELSE {verification: c.verification, by: c.reviewedBy, at: c.reviewedAt, reason: c.rejectedReason} END
} END AS details
