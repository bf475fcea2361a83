/**
 * The shape of one source data file (data/sources/*.yaml), as a fact-checker writes it.
 *
 * This schema checks structure only: required fields, types, enums, id and date formats, and that
 * no unknown key slipped in (every object is strict, so a misspelt field such as `claimaint` is an
 * error rather than silently ignored). Cross-references (claimant → actor id, about → event id,
 * denies → claim id), uniqueness and excerpt anchoring are checked afterwards in validate.ts, which
 * also normalizes omitted optional fields to null / [].
 */
import { z } from 'zod';
import { canonicalLanguage, LANGUAGE_TAG } from '../refs/languages';
import { ACTOR_KINDS, CLAIM_KINDS, EVENT_KINDS, ROLE_RELATIONS } from './types';

/** Ids are lowercase kebab-case (`taliban-government`), stable, and never contain `#`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (`2025-02-30` is false). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0..99 to 1900..1999; set the full year explicitly.
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** True for an absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

const nonBlank = () => z.string().refine((s) => s.trim().length > 0, { message: 'must not be empty' });

/** An actor name or alias: matched case-insensitively, so no stray spaces around it. */
const label = () =>
  nonBlank().refine((s) => s === s.trim(), { message: 'must not start or end with spaces' });

const id = () =>
  z.string().regex(ID_PATTERN, {
    message:
      'must be a lowercase kebab-case id (letters a-z, digits, single hyphens), e.g. "taliban-government"',
  });

/** A reference to an id elsewhere in the file; validate.ts checks that it resolves (and suggests ids). */
const ref = () => z.string().min(1, { message: 'must not be empty' });

const isoDate = () =>
  z.string().refine(isRealIsoDate, { message: 'must be a real calendar date written YYYY-MM-DD' });

/** An optional scalar: may be omitted or null in YAML; normalized to null. */
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

/** An optional list: may be omitted, null or empty in YAML; normalized to []. */
const optList = <T extends z.ZodType>(schema: T) => z.array(schema).nullish();

export const SourceSchema = z.strictObject({
  url: z.string().refine(isHttpUrl, { message: 'must be an absolute http:// or https:// URL' }),
  title: nonBlank(),
  publisher: opt(ref()),
  publishedAt: opt(isoDate()),
  /** Issue 12: the language the text is written in, stored canonical ("UR-pk" → "ur-PK"). */
  language: opt(
    z.string().refine((t) => canonicalLanguage(t) !== null, { message: `must be ${LANGUAGE_TAG}` }),
  ),
  text: nonBlank(),
});

export const ActorSchema = z.strictObject({
  id: id(),
  name: label(),
  kind: z.enum(ACTOR_KINDS),
  aliases: optList(label()),
  description: opt(z.string()),
  /** An unnamed source or a proposed speaker (`npm run extract`): never given Alias nodes. */
  placeholder: opt(z.boolean()),
});

export const RoleSchema = z.strictObject({
  actor: ref(),
  relation: z.enum(ROLE_RELATIONS),
  of: ref(),
  title: opt(nonBlank()),
});

export const EventSchema = z.strictObject({
  id: id(),
  kind: z.enum(EVENT_KINDS),
  name: nonBlank(),
  startDate: opt(isoDate()),
  endDate: opt(isoDate()),
  dateText: opt(nonBlank()),
  place: opt(nonBlank()),
  parties: optList(ref()),
  mediators: optList(ref()),
});

export const FigureSchema = z.strictObject({
  value: z.number().refine(Number.isFinite, { message: 'must be a finite number' }),
  unit: opt(nonBlank()),
  measure: opt(nonBlank()),
});

/** An excerpt as written in the file; prefix/suffix are derived from the text, not written. */
export const ExcerptSchema = z.strictObject({
  exact: z.string().min(1, { message: 'must not be empty' }),
  start: z
    .number()
    .int({ message: 'must be a whole number of code points' })
    .min(0, { message: 'must be ≥ 0' }),
  end: z
    .number()
    .int({ message: 'must be a whole number of code points' })
    .min(1, { message: 'must be ≥ 1' }),
});

export const ClaimSchema = z.strictObject({
  id: id(),
  kind: z.enum(CLAIM_KINDS),
  claimant: ref(),
  voice: opt(ref()),
  targets: optList(ref()),
  content: nonBlank(),
  cue: opt(nonBlank()),
  quote: opt(nonBlank()),
  statedOn: opt(isoDate()),
  statedOnText: opt(nonBlank()),
  about: optList(ref()),
  denies: optList(ref()),
  figures: optList(FigureSchema),
  excerpts: z.array(ExcerptSchema).min(1, { message: 'every claim needs at least one excerpt' }),
  /** Review state (issue 8): omitted means a curated, verified claim, as every hand-written one. */
  origin: opt(z.enum(['CURATED', 'EXTRACTED'])),
  verification: opt(z.enum(['DRAFT', 'VERIFIED'])),
  confidence: opt(
    z.number().min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' }),
  ),
  extractor: opt(nonBlank()),
});

export const SourceFileSchema = z.strictObject({
  source: SourceSchema,
  actors: z.array(ActorSchema).min(1, { message: 'a source file needs at least one actor' }),
  roles: optList(RoleSchema),
  events: optList(EventSchema),
  claims: z.array(ClaimSchema).min(1, { message: 'a source file needs at least one claim' }),
});

/** A source file as parsed and shape-checked, before references and excerpts are checked. */
export type SourceFileInput = z.infer<typeof SourceFileSchema>;
