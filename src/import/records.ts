/**
 * The bulk-import format: NDJSON, one record per line, each an actor, role, source, event or
 * claim with a `type` field. The fields are those of a YAML source file (src/data/schema.ts), so
 * the two formats cannot drift apart; a claim also names its `source` (the URL its excerpts are
 * anchored in), because an NDJSON file is not one source. Excerpts are given as in YAML files
 * (`exact`, `start`, `end` in code points); prefix and suffix are derived on import.
 */
import { z } from 'zod';
import { ActorSchema, ClaimSchema, EventSchema, RoleSchema, SourceSchema, isHttpUrl } from '../data/schema';

export const ImportRecordSchema = z.discriminatedUnion('type', [
  ActorSchema.extend({ type: z.literal('actor') }),
  RoleSchema.extend({ type: z.literal('role') }),
  SourceSchema.extend({ type: z.literal('source') }),
  EventSchema.extend({ type: z.literal('event') }),
  ClaimSchema.extend({
    type: z.literal('claim'),
    source: z.string().refine(isHttpUrl, { message: 'must be an absolute http:// or https:// URL' }),
  }),
]);

export type ImportRecord = z.infer<typeof ImportRecordSchema>;
export type RecordType = ImportRecord['type'];
export const RECORD_TYPES: readonly RecordType[] = ['actor', 'role', 'source', 'event', 'claim'];

/** One record with where it came from, for messages (`file:line`). */
export interface Located<T = ImportRecord> {
  file: string;
  line: number;
  record: T;
  /** SHA-256 of the line's canonical JSON: equal hashes mean the graph already holds this record. */
  hash: string;
}
