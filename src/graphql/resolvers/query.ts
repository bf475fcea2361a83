import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../../db/executor';
import { leadingCursorKey, pageWindow, type KeyedRow, type ListName, type Window } from '../../paging/keyset';
import { normalizeUrl, requireActors, resolveActorRef } from '../../refs';
import { claimsConnection } from '../claim-lists';
import type { Context } from '../context';
import { claimWithDenials } from '../loaders';
import { selectsAny } from '../selection';
import { keysetConnection, type PageArgs } from '../pagination';

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

/**
 * A whole list's key range for actors and sources, whose keys have no prefix. Neo4j compares
 * strings by UTF-16 code unit, so no key (a name, a date) reaches two U+FFFF noncharacters.
 */
const WHOLE = { lo: '', hi: '\uFFFF\uFFFF' };

type IdRow = KeyedRow & { id: string };

/** A page of a list with one named page query (and its @backward variant) and a count query. */
async function simpleConnection(
  ctx: Context,
  list: ListName,
  descending: boolean,
  args: PageArgs,
  page: { query: string; params: Record<string, unknown>; idColumn: string },
  count: { query: string; params: Record<string, unknown> },
  load: (ids: string[]) => Promise<(Row | Error | null)[]>,
) {
  const window = pageWindow(list, args, WHOLE, descending);
  const read = async (w: Window): Promise<IdRow[]> =>
    (
      await ctx.executor.read(w.backward ? `${page.query}@backward` : page.query, {
        ...page.params,
        lo: w.lo,
        hi: w.hi,
        limit: w.limit,
      })
    ).map((r) => ({ id: r[page.idColumn] as string, key: r.key as string }));
  return keysetConnection<IdRow, Row>({
    list,
    descending,
    window,
    rows: await read(window),
    cursorKey: leadingCursorKey(list, args, window),
    load,
    count: async () => {
      const [row] = await ctx.executor.read(count.query, count.params);
      return { count: Number(row?.total ?? 0), exact: true };
    },
    read,
  });
}

export const Query = {
  actor: async (_: unknown, { ref }: { ref: string }, ctx: Context) => {
    const id = await resolveActorRef(ctx.executor, ref);
    return id ? ctx.loaders.actor.load(id) : null;
  },

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
  // (the claim loader would otherwise run again for them, a second round trip).
  claim: (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) =>
    selectsAny(info, ['deniedBy'])
      ? claimWithDenials(ctx.executor, ctx.loaders, id)
      : ctx.loaders.claim.load(id),

  claims: async (
    _: unknown,
    { filter, orderBy, ...args }: PageArgs & { filter?: ClaimFilter | null; orderBy?: string | null },
    ctx: Context,
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
