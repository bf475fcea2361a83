import type { Row } from '../../db/executor';
import { normalizeUrl, requireActors, resolveActorRef } from '../../refs';
import type { Context } from '../context';
import { connection, pageArgs } from '../pagination';

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

interface ClaimFilter {
  kind?: string | null;
  claimant?: string | null;
  target?: string | null;
  sourceUrl?: string | null;
  status?: string | null;
  statedFrom?: string | null;
  statedTo?: string | null;
  verification?: string | null;
}

const loadAll = (loader: { loadMany(keys: string[]): Promise<(Row | Error | null)[]> }) => (keys: string[]) =>
  loader.loadMany(keys);

export const Query = {
  actor: async (_: unknown, { ref }: { ref: string }, ctx: Context) => {
    const id = await resolveActorRef(ctx.executor, ref);
    return id ? ctx.loaders.actor.load(id) : null;
  },

  actors: async (
    _: unknown,
    { kind, search, first, after }: PageArgs & { kind?: string | null; search?: string | null },
    ctx: Context,
  ) => {
    const page = pageArgs(first, after);
    const [row] = await ctx.executor.read('actors/page', {
      kind: kind ?? null,
      search: search || null,
      ...page,
    });
    return connection(page, row!.total as number, row!.ids as string[], loadAll(ctx.loaders.actor));
  },

  claim: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.claim.load(id),

  claims: async (
    _: unknown,
    { filter, orderBy, first, after }: PageArgs & { filter?: ClaimFilter | null; orderBy?: string | null },
    ctx: Context,
  ) => {
    const page = pageArgs(first, after);
    const f = filter ?? {};
    // An unknown actor in a filter is an error, not an empty page: a typo must not look like "no claims".
    const refs = [f.claimant, f.target].filter((r): r is string => !!r);
    const fields = [...(f.claimant ? ['filter.claimant'] : []), ...(f.target ? ['filter.target'] : [])];
    const ids = await requireActors(ctx.executor, refs, (i) => fields[i]!);
    const claimant = f.claimant ? ids[0]! : null;
    const target = f.target ? ids[ids.length - 1]! : null;
    const [row] = await ctx.executor.read('claims/page', {
      kind: f.kind ?? null,
      claimant,
      target,
      sourceUrl: f.sourceUrl ? normalizeUrl(f.sourceUrl, 'filter.sourceUrl') : null,
      status: f.status ?? null,
      statedFrom: f.statedFrom ?? null,
      statedTo: f.statedTo ?? null,
      verification: f.verification ?? null,
      byConfidence: orderBy === 'CONFIDENCE_DESC',
      ...page,
    });
    return connection(page, row!.total as number, row!.ids as string[], loadAll(ctx.loaders.claim));
  },

  source: (_: unknown, { url }: { url: string }, ctx: Context) =>
    ctx.loaders.source.load(normalizeUrl(url, 'url')),

  sources: async (_: unknown, { first, after }: PageArgs, ctx: Context) => {
    const page = pageArgs(first, after);
    const [row] = await ctx.executor.read('sources/page', { ...page });
    return connection(page, row!.total as number, row!.urls as string[], loadAll(ctx.loaders.source));
  },
};
