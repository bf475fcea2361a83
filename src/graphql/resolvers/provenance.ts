import { requireRole, writerOf } from '../../auth';
import type { Row } from '../../db/executor';
import { addEvidence, markCopy, type AddEvidenceInput } from '../../writes/provenance';
import type { Context } from '../context';
import { present } from '../pagination';

/**
 * Issue 12 (schema/50-provenance.graphql): corroboration, copies and translations. Writes go to
 * src/writes/provenance.ts; reads come from the per-request loaders excerpt, sourceProvenance and
 * corroboration (cypher/queries/provenance/).
 */

const Mutation = {
  addEvidence: async (_: unknown, args: AddEvidenceInput, ctx: Context) =>
    ctx.loaders.claim.load(
      await addEvidence(ctx.executor, writerOf(requireRole(ctx.caller, 'editor', 'addEvidence')), args),
    ),
  markCopy: async (_: unknown, args: { source: string; of: string }, ctx: Context) =>
    ctx.loaders.source.load(
      await markCopy(
        ctx.executor,
        writerOf(requireRole(ctx.caller, 'editor', 'markCopy')),
        args.source,
        args.of,
      ),
    ),
};

const sourceField = async (source: Row, ctx: Context) =>
  ctx.loaders.sourceProvenance.load(source.url as string);

const Source = {
  language: async (source: Row, _: unknown, ctx: Context) =>
    (await sourceField(source, ctx))?.language ?? null,
  copyOf: async (source: Row, _: unknown, ctx: Context) => {
    const of = (await sourceField(source, ctx))?.copyOf as string | null | undefined;
    return of ? ctx.loaders.source.load(of) : null;
  },
  copies: async (source: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.source.loadMany(((await sourceField(source, ctx))?.copies as string[]) ?? [])),
  copyCandidates: async (source: Row, _: unknown, ctx: Context) => {
    const candidates = ((await sourceField(source, ctx))?.copyCandidates as Row[]) ?? [];
    const sources = await ctx.loaders.source.loadMany(candidates.map((c) => c.url as string));
    return candidates.flatMap((c, i) => {
      const s = sources[i];
      return s && !(s instanceof Error) ? [{ source: s, similarity: c.similarity }] : [];
    });
  },
};

// Excerpts reach the API from the claim, provenance and excerpt loaders; only the last has the
// translation fields, so an excerpt without them is looked up by its id (batched per request).
const excerptField = async (excerpt: Row, ctx: Context): Promise<Row | null> =>
  'translations' in excerpt ? excerpt : excerpt.id ? ctx.loaders.excerpt.load(excerpt.id as string) : null;

const Excerpt = {
  language: async (x: Row, _: unknown, ctx: Context) => (await excerptField(x, ctx))?.language ?? null,
  method: async (x: Row, _: unknown, ctx: Context) => (await excerptField(x, ctx))?.method ?? null,
  translationOf: async (x: Row, _: unknown, ctx: Context) => {
    const id = (await excerptField(x, ctx))?.translationOf as string | null | undefined;
    return id ? ctx.loaders.excerpt.load(id) : null;
  },
  translator: async (x: Row, _: unknown, ctx: Context) => {
    const id = (await excerptField(x, ctx))?.translator as string | null | undefined;
    return id ? ctx.loaders.actor.load(id) : null;
  },
  translations: async (x: Row, _: unknown, ctx: Context) =>
    present(
      await ctx.loaders.excerpt.loadMany(
        ((await excerptField(x, ctx))?.translations as string[] | null) ?? [],
      ),
    ),
};

const Claim = {
  corroboration: async (claim: Row, _: unknown, ctx: Context) => {
    const row = await ctx.loaders.corroboration.load(claim.id as string);
    return {
      sources: (row?.sources as number | undefined) ?? 0,
      independentOrigins: (row?.independentOrigins as number | undefined) ?? 0,
      origins: (row?.origins as Row[] | undefined) ?? [],
    };
  },
};

const Origin = {
  source: (o: Row, _: unknown, ctx: Context) => ctx.loaders.source.load(o.origin as string),
  sources: async (o: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.source.loadMany(o.sources as string[])),
};

/** Everything this module adds, keyed by type, for src/graphql/resolvers.ts to merge. */
export const provenanceResolvers = { Mutation, Source, Excerpt, Claim, Origin };
