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
import { primeClaims, VERIFIED_ONLY } from './loaders';
import { keysetConnection } from './pagination';

/**
 * Claim lists as connections: Query.claims (any filter and order) and Actor.claimsMade /
 * claimsAbout (batched through the per-request loaders). The access path, key range and counts
 * come from src/paging; this module only wires them to the loaders.
 */

type Relation = 'CLAIMED_BY' | 'TARGETS';

function actorPage(
  ctx: Context,
  relation: Relation,
  actor: string,
  w: Window,
  withRows = false,
): Promise<KeyRow[]> {
  const key: ActorPageKey = [relation, w.backward, w.limit, actor, w.lo, w.hi, withRows];
  return ctx.loaders.actorPages.load(JSON.stringify(key));
}

/**
 * A page read with its claims' rows: they go into the request's claim loader (and their actors
 * into the actor loader), so the connection's nodes and their claimants cost no further statement.
 */
function primed(ctx: Context, rows: KeyRow[]): KeyRow[] {
  primeClaims(
    ctx.loaders,
    rows.flatMap((r) => (r.claim ? [r.claim] : [])),
  );
  return rows;
}

async function actorCount(ctx: Context, relation: Relation, actor: string) {
  const counts = await ctx.loaders.actorClaimCounts.load(actor);
  return { count: relation === 'CLAIMED_BY' ? counts.made : counts.about, exact: true };
}

/**
 * Query.claims: the filter's access path, one page of it, and lazy counts. `withRows` when the
 * client selects the page's edges: the page query then brings the claims along (one statement).
 */
export async function claimsConnection(
  ctx: Context,
  f: ClaimListFilter,
  order: ClaimOrder,
  args: PageArgs,
  withRows = false,
) {
  const list = claimList(order);
  const window = pageWindow(list, args, claimRange(f, order), true, `${f.verification}|`);
  const path = claimPath(f, order);
  // A page of one actor's claims with other filters than the loader's default reads its own query.
  const readActor = async (relation: Relation, actor: string, w: Window, rows: boolean) =>
    (
      await readActorWindows(ctx.executor, relation, f, w.backward, w.limit, [{ actor, window: w }], rows)
    ).get('0') ?? [];
  // The far-side probe (`read`) only asks whether a row exists: no claim rows for it.
  const read = (w: Window, rows = false): Promise<KeyRow[]> =>
    path === 'by-claimant'
      ? readActor('CLAIMED_BY', f.claimant!, w, rows)
      : path === 'by-target'
        ? readActor('TARGETS', f.target!, w, rows)
        : readClaimWindow(ctx.executor, path, f, w, rows);
  const only = actorOnly(f);
  return keysetConnection<KeyRow, Row>({
    list,
    descending: true,
    window,
    rows: async () => primed(ctx, await read(window, withRows)),
    cursorKey: leadingCursorKey(list, args, window),
    load: (ids) => ctx.loaders.claim.loadMany(ids),
    count: () =>
      only
        ? actorCount(ctx, only, (only === 'CLAIMED_BY' ? f.claimant : f.target)!)
        : countClaims(ctx.executor, f, order),
    read,
  });
}

/**
 * Actor.claimsMade / claimsAbout: the actor's VERIFIED claims, newest first, batched per response
 * (with their rows when the edges are selected, as for Query.claims).
 */
export async function actorClaimsConnection(
  ctx: Context,
  relation: Relation,
  actor: string,
  args: PageArgs,
  withRows = false,
) {
  const window = pageWindow('claims', args, claimRange(VERIFIED_ONLY, 'STATED_DESC'), true, 'VERIFIED|');
  const read = (w: Window, rows = false) => actorPage(ctx, relation, actor, w, rows);
  return keysetConnection<KeyRow, Row>({
    list: 'claims',
    descending: true,
    window,
    rows: async () => primed(ctx, await read(window, withRows)),
    cursorKey: leadingCursorKey('claims', args, window),
    load: (ids) => ctx.loaders.claim.loadMany(ids),
    count: () => actorCount(ctx, relation, actor),
    read,
  });
}
