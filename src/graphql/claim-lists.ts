import type { Row } from '../db/executor';
import {
  claimList,
  claimPath,
  claimRange,
  countClaims,
  readActorWindows,
  readClaimWindow,
  actorOnly,
  type ClaimListFilter,
  type ClaimOrder,
  type KeyRow,
} from '../paging/claims';
import { leadingCursorKey, pageWindow, type PageArgs, type Window } from '../paging/keyset';
import type { Context } from './context';
import type { ActorPageKey } from './loaders';
import { VERIFIED_ONLY } from './loaders';
import { keysetConnection } from './pagination';

/**
 * Claim lists as connections: Query.claims (any filter and order) and Actor.claimsMade /
 * claimsAbout (batched through the per-request loaders). The access path, key range and counts
 * come from src/paging; this module only wires them to the loaders.
 */

type Relation = 'CLAIMED_BY' | 'TARGETS';

function actorPage(ctx: Context, relation: Relation, actor: string, w: Window): Promise<KeyRow[]> {
  const key: ActorPageKey = [relation, w.backward, w.limit, actor, w.lo, w.hi];
  return ctx.loaders.actorPages.load(JSON.stringify(key));
}

async function actorCount(ctx: Context, relation: Relation, actor: string) {
  const counts = await ctx.loaders.actorClaimCounts.load(actor);
  return { count: relation === 'CLAIMED_BY' ? counts.made : counts.about, exact: true };
}

/** Query.claims: the filter's access path, one page of it, and lazy counts. */
export async function claimsConnection(ctx: Context, f: ClaimListFilter, order: ClaimOrder, args: PageArgs) {
  const list = claimList(order);
  const window = pageWindow(list, args, claimRange(f, order), true, `${f.verification}|`);
  const path = claimPath(f, order);
  // A page of one actor's claims with other filters than the loader's default reads its own query.
  const readActor = async (relation: Relation, actor: string, w: Window) =>
    (await readActorWindows(ctx.executor, relation, f, w.backward, w.limit, [{ actor, window: w }])).get(
      '0',
    ) ?? [];
  const read = (w: Window): Promise<KeyRow[]> =>
    path === 'by-claimant'
      ? readActor('CLAIMED_BY', f.claimant!, w)
      : path === 'by-target'
        ? readActor('TARGETS', f.target!, w)
        : readClaimWindow(ctx.executor, path, f, w);
  const only = actorOnly(f);
  return keysetConnection<KeyRow, Row>({
    list,
    descending: true,
    window,
    rows: await read(window),
    cursorKey: leadingCursorKey(list, args, window),
    load: (ids) => ctx.loaders.claim.loadMany(ids),
    count: () =>
      only
        ? actorCount(ctx, only, (only === 'CLAIMED_BY' ? f.claimant : f.target)!)
        : countClaims(ctx.executor, f, order),
    read,
  });
}

/** Actor.claimsMade / claimsAbout: the actor's VERIFIED claims, newest first, batched per response. */
export async function actorClaimsConnection(ctx: Context, relation: Relation, actor: string, args: PageArgs) {
  const window = pageWindow('claims', args, claimRange(VERIFIED_ONLY, 'STATED_DESC'), true, 'VERIFIED|');
  const read = (w: Window) => actorPage(ctx, relation, actor, w);
  return keysetConnection<KeyRow, Row>({
    list: 'claims',
    descending: true,
    window,
    rows: await read(window),
    cursorKey: leadingCursorKey('claims', args, window),
    load: (ids) => ctx.loaders.claim.loadMany(ids),
    count: () => actorCount(ctx, relation, actor),
    read,
  });
}
