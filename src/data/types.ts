/**
 * The normalized, validated content of one source data file (data/sources/*.yaml).
 *
 * `validateSourceFile` (src/data/validate.ts) produces it from the YAML text, or throws a
 * DataFileError naming the file, the record and the field; `loadBundles` (src/data/load.ts)
 * writes it to Neo4j. Nothing reaches the database that has not passed through this shape.
 */

export const ACTOR_KINDS = [
  'STATE',
  'GOVERNMENT',
  'ARMED_FORCES',
  'ARMED_GROUP',
  'INTERGOVERNMENTAL_ORGANIZATION',
  'PERSON',
  'MEDIA',
  'POPULATION',
  'OTHER',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const CLAIM_KINDS = ['STATEMENT', 'ACCUSATION', 'DENIAL', 'COMMITMENT', 'FIGURE'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** Relationship types between actors; a fixed list, so Cypher never builds a type from input. */
export const ROLE_RELATIONS = ['SPEAKS_FOR', 'SERVES_IN', 'PART_OF', 'MEMBER_OF'] as const;
export type RoleRelation = (typeof ROLE_RELATIONS)[number];

export const EVENT_KINDS = [
  'TALKS',
  'CEASEFIRE',
  'ACCORD',
  'CLASHES',
  'AIR_STRIKES',
  'EXPLOSIONS',
  'ATTACKS',
  'OTHER',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A calendar date as ISO `YYYY-MM-DD`; validated as a real date. */
export type IsoDate = string;

export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  description: string | null;
  /** Set (true) only for placeholders; absent otherwise, so existing files keep their fingerprint. */
  placeholder?: boolean;
}

export interface RoleRecord {
  actor: string; // actor id
  relation: RoleRelation;
  of: string; // actor id
  title: string | null; // "spokesman", "Information Minister"
}

export interface EventRecord {
  id: string;
  kind: EventKind;
  name: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** The words the source used for the date ("ended on Friday"), kept beside the resolved date. */
  dateText: string | null;
  place: string | null;
  parties: string[]; // actor ids
  mediators: string[]; // actor ids
}

/**
 * An excerpt anchored in its source: W3C Web Annotation TextQuoteSelector (exact, prefix, suffix)
 * and TextPositionSelector (start, end). Offsets count Unicode code points, end exclusive.
 */
export interface ExcerptRecord {
  id: string; // `${claimId}#${n}`
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface FigureRecord {
  value: number;
  unit: string | null; // "person"
  measure: string | null; // "civilian deaths"
}

export interface ClaimRecord {
  id: string;
  kind: ClaimKind;
  claimant: string; // actor id
  voice: string | null; // actor id
  targets: string[]; // actor ids
  content: string; // neutral paraphrase
  cue: string | null; // reporting verb: "stated", "accused", "denies", "reports"
  quote: string | null; // the claimant's own quoted words, where the source quotes them
  statedOn: IsoDate | null;
  statedOnText: string | null; // the source's own words for the date ("on Friday")
  about: string[]; // event ids
  denies: string[]; // claim ids (only for kind DENIAL)
  figures: FigureRecord[];
  excerpts: ExcerptRecord[]; // at least one
  // Review state, present only when the file sets it (drafts written by `npm run extract`).
  origin?: 'CURATED' | 'EXTRACTED';
  verification?: 'DRAFT' | 'VERIFIED';
  confidence?: number;
  extractor?: string;
}

export interface SourceRecord {
  url: string;
  title: string;
  publisher: string | null; // actor id of the outlet
  publishedAt: IsoDate | null;
  language: string | null; // BCP 47, canonical
  text: string;
  contentHash: string; // sha256 hex of text (UTF-8)
}

export interface SourceBundle {
  file: string; // the path it was read from, for messages
  source: SourceRecord;
  actors: ActorRecord[];
  roles: RoleRecord[];
  events: EventRecord[];
  claims: ClaimRecord[];
}
