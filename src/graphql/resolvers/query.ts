import type { GraphQLResolveInfo } from 'graphql';
import { foldName, normalizeUrl, requireActors } from '../../refs';
import { actorByRef, claimsConnection, claimViewParts, pageParts } from '../claim-lists';
import type { Context } from '../context';
import { claimWithDenials } from '../loaders';
import { selectsAny } from '../selection';
import { simpleConnection, type PageArgs } from '../pagination';

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

export const Query = {
  actor: (_: unknown, { ref }: { ref: string }, ctx: Context, info: GraphQLResolveInfo) =>
    actorByRef(ctx, foldName(ref), info),

  actors: async (
    _: unknown,
    { kind, search, ...args }: PageArgs & { kind?: string | null; search?: string | null },
    ctx: Context,
  ) => {
    const params = { kind: kind ?? null, search: search || null };
    return simpleConnection(
      ctx,
      'actors',
      false,
      args,
      { query: kind ? 'actors/page-by-kind' : 'actors/page', params, idColumn: 'id' },
      { query: kind || search ? 'actors/count-matching' : 'actors/count', params },
      (ids) => ctx.loaders.actor.loadMany(ids),
    );
  },

  // The claim view asks for a claim with its denials: with deniedBy selected, one query fetches both
  // (the claim loader would otherwise run again for them, a second round trip), reading only the
  // parts of the rows the selection shows. `denies` alone keeps its own read, so a denied claim
  // that cannot be read is an error at claim.denies (failed-loads.test.ts), not at the claim.
  claim: (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) =>
    selectsAny(info, ['deniedBy'])
      ? claimWithDenials(ctx.executor, ctx.loaders, id, claimViewParts(info))
      : ctx.loaders.claim.load(id),

  claims: async (
    _: unknown,
    { filter, orderBy, ...args }: PageArgs & { filter?: ClaimFilter | null; orderBy?: string | null },
    ctx: Context,
    info: GraphQLResolveInfo,
  ) => {
    const f = filter ?? {};
    // An unknown actor in a filter is an error, not an empty page: a typo must not look like "no claims".
    const refs = [f.claimant, f.target].filter((r): r is string => !!r);
    const fields = [...(f.claimant ? ['filter.claimant'] : []), ...(f.target ? ['filter.target'] : [])];
    const ids = await requireActors(ctx.executor, refs, (i) => fields[i]!);
    return claimsConnection(
      ctx,
      {
        kind: f.kind ?? null,
        claimant: f.claimant ? ids[0]! : null,
        target: f.target ? ids[ids.length - 1]! : null,
        sourceUrl: f.sourceUrl ? normalizeUrl(f.sourceUrl, 'filter.sourceUrl') : null,
        status: f.status ?? null,
        statedFrom: f.statedFrom ?? null,
        statedTo: f.statedTo ?? null,
        // Only VERIFIED claims unless the filter asks for DRAFT (the review queue) or REJECTED.
        verification: f.verification ?? 'VERIFIED',
      },
      orderBy === 'CONFIDENCE_DESC' ? 'CONFIDENCE_DESC' : 'STATED_DESC',
      args,
      pageParts(info),
    );
  },

  source: (_: unknown, { url }: { url: string }, ctx: Context) =>
    ctx.loaders.source.load(normalizeUrl(url, 'url')),

  sources: (_: unknown, args: PageArgs, ctx: Context) =>
    simpleConnection(
      ctx,
      'sources',
      true,
      args,
      { query: 'sources/page', params: {}, idColumn: 'url' },
      { query: 'sources/count', params: {} },
      (urls) => ctx.loaders.source.loadMany(urls),
    ),
};
