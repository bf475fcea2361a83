import { requireRole, writerOf } from '../../auth';
import type { Row } from '../../db/executor';
import { normalizeUrl } from '../../refs';
import { acceptCandidate, recheckSource, type RecheckResult } from '../../writes/recheck';
import type { Context } from '../context';
import { simpleConnection, type PageArgs } from '../pagination';

/**
 * Issue 12: snapshots, rechecks and orphans. Excerpt rows from the claim and provenance loaders
 * carry id and state; the rest (snapshot, candidates, old words, claim) comes from the excerpt
 * loader, batched per request, only when a query asks for it.
 */
const details = (x: Row, ctx: Context) => ctx.loaders.excerpt.load(x.id as string);

async function detail(x: Row, ctx: Context, field: string): Promise<unknown> {
  if (field in x) return x[field];
  return (await details(x, ctx))?.[field] ?? null;
}

export const recheckResolvers = {
  Query: {
    orphanedExcerpts: (
      _: unknown,
      { source, ...args }: PageArgs & { source?: string | null },
      ctx: Context,
    ) => {
      const sourceUrl = source ? normalizeUrl(source, 'source') : null;
      return simpleConnection(
        ctx,
        'orphans',
        true,
        args,
        { query: 'recheck/orphans-page', params: { sourceUrl }, idColumn: 'id' },
        { query: 'recheck/orphans-count', params: { sourceUrl } },
        (ids) => ctx.loaders.excerpt.loadMany(ids),
      );
    },
  },
  Mutation: {
    recheckSource: (_: unknown, args: { url: string; text: string }, ctx: Context) =>
      recheckSource(
        ctx.executor,
        writerOf(requireRole(ctx.caller, 'editor', 'recheckSource')),
        args.url,
        args.text,
      ),
    acceptCandidate: async (
      _: unknown,
      args: { excerpt: string; start: number; end: number },
      ctx: Context,
    ) =>
      ctx.loaders.excerpt.load(
        await acceptCandidate(
          ctx.executor,
          writerOf(requireRole(ctx.caller, 'editor', 'acceptCandidate')),
          args.excerpt,
          args.start,
          args.end,
        ),
      ),
  },
  Excerpt: {
    state: async (x: Row, _: unknown, ctx: Context) => (await detail(x, ctx, 'state')) ?? 'ANCHORED',
    snapshot: async (x: Row, _: unknown, ctx: Context) => {
      const id = (await detail(x, ctx, 'snapshot')) as string | null;
      const url = x.sourceUrl as string;
      return id ? ((await ctx.loaders.snapshots.load(url)).find((s) => s.id === id) ?? null) : null;
    },
    candidates: async (x: Row, _: unknown, ctx: Context) =>
      ((await detail(x, ctx, 'candidates')) as Row[]) ?? [],
    previous: (x: Row, _: unknown, ctx: Context) => detail(x, ctx, 'previous'),
    claim: async (x: Row, _: unknown, ctx: Context) => {
      const id = (await detail(x, ctx, 'claim')) as string | null;
      return id ? ctx.loaders.claim.load(id) : null;
    },
  },
  Source: {
    snapshots: (source: Row, _: unknown, ctx: Context) => ctx.loaders.snapshots.load(source.url as string),
  },
  Snapshot: {
    text: async (snapshot: Row, _: unknown, ctx: Context) =>
      ((await ctx.loaders.snapshotText.load(snapshot.id as string))?.text as string | undefined) ?? null,
  },
  SourceRecheck: {
    source: (r: RecheckResult, _: unknown, ctx: Context) => ctx.loaders.source.load(r.url),
    snapshot: async (r: RecheckResult, _: unknown, ctx: Context) =>
      r.snapshot
        ? ((await ctx.loaders.snapshots.load(r.url)).find((s) => s.id === r.snapshot) ?? null)
        : null,
  },
};
