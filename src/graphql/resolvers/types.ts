import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../../db/executor';
import type { Context } from '../context';
import { actorClaimsConnection } from '../claim-lists';
import { present, presentAt, type PageArgs } from '../pagination';
import { claimActors, claimPart, pageParts } from '../claim-lists';
import { keyOnlyOr } from '../selection';
import { relatedClaims } from '../loaders';
import { DETAIL_FIELDS } from '../../paging/claims';

/**
 * Field resolvers for the object types. Parents are rows from the by-ids queries, which already
 * carry ids of related nodes; the loaders turn those ids into nodes, batched per request.
 */
const ids = (value: unknown) => (value as string[] | null) ?? [];

export const Actor = {
  roles: async (actor: Row, _: unknown, ctx: Context) => {
    const roles = (actor.roles as Row[]) ?? [];
    const targets = presentAt(await ctx.loaders.actor.loadMany(roles.map((r) => r.of as string)));
    return roles.map((r, i) => ({ ...r, of: targets[i] })).filter((r) => r.of);
  },
  claimsMade: (actor: Row, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) =>
    actorClaimsConnection(ctx, 'CLAIMED_BY', String(actor.id), args, pageParts(info)),
  claimsAbout: (actor: Row, args: PageArgs, ctx: Context, info: GraphQLResolveInfo) =>
    actorClaimsConnection(ctx, 'TARGETS', String(actor.id), args, pageParts(info)),
  resolvedTo: (actor: Row, _: unknown, ctx: Context) =>
    actor.resolvedTo ? ctx.loaders.actor.load(actor.resolvedTo as string) : null,
};

/** extractClaims' payload: a source URL and draft ids, loaded through the per-request loaders. */
export const Extraction = {
  source: (x: { source: string }, _: unknown, ctx: Context) => ctx.loaders.source.load(x.source),
  drafts: async (x: { drafts: string[] }, _: unknown, ctx: Context) =>
    present(await ctx.loaders.claim.loadMany(x.drafts)),
};

/** A field of the claim row's 'details' part (loaded whole when the row did not read it). */
const detail =
  (name: (typeof DETAIL_FIELDS)[number]) =>
  async (claim: Row, _: unknown, ctx: Context): Promise<unknown> =>
    ((await claimPart(ctx, claim, 'details')) as Row | null)?.[name] ?? null;

export const Claim = {
  ...Object.fromEntries(DETAIL_FIELDS.map((f) => [f, detail(f)])),
  claimant: async (claim: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    present(await claimActors(ctx, claim, [claim.claimant as string], info))[0] ?? null,
  voice: async (claim: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    claim.voice ? (present(await claimActors(ctx, claim, [claim.voice as string], info))[0] ?? null) : null,
  targets: async (claim: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    present(await claimActors(ctx, claim, ids(claim.targets), info)),
  // The parts a page may not have read (claimPart loads the whole claim for them then).
  about: async (claim: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.event.loadMany(ids(await claimPart(ctx, claim, 'about')))),
  denies: async (claim: Row, _: unknown, ctx: Context) =>
    relatedClaims(ctx.loaders, claim, ids(await claimPart(ctx, claim, 'denies'))),
  deniedBy: async (claim: Row, _: unknown, ctx: Context) =>
    relatedClaims(ctx.loaders, claim, ids(await claimPart(ctx, claim, 'deniedBy'))),
  figures: (claim: Row, _: unknown, ctx: Context) => claimPart(ctx, claim, 'figures'),
  evidence: (claim: Row, _: unknown, ctx: Context) => claimPart(ctx, claim, 'evidence'),
  anchoring: (claim: Row, _: unknown, ctx: Context) => claimPart(ctx, claim, 'anchoring'),
  history: (claim: Row, _: unknown, ctx: Context) => ctx.loaders.history.load(claim.id as string),
};

export const Excerpt = {
  // The excerpt row carries its source's URL: a selection of just `url` costs no source read (a
  // page of claims with `evidence { source { url } }` is a round trip and every source's text less).
  source: (excerpt: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    keyOnlyOr(info, 'url', excerpt.sourceUrl, () => ctx.loaders.source.load(excerpt.sourceUrl as string)),
};

export const Source = {
  publisher: (source: Row, _: unknown, ctx: Context) =>
    source.publisher ? ctx.loaders.actor.load(source.publisher as string) : null,
};

export const Event = {
  parties: async (event: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.actor.loadMany(ids(event.parties))),
  mediators: async (event: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.actor.loadMany(ids(event.mediators))),
};
