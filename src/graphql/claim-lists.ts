import { getArgumentValues, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Row } from '../db/executor';
import {
  ACTOR_FIELDS,
  claimList,
  claimParts,
  claimPath,
  claimRange,
  countClaims,
  readActorByRefWithWindow,
  readActorWindows,
  readClaimWindow,
  actorOnly,
  type ClaimListFilter,
  type ClaimPart,
  type ClaimOrder,
  type KeyRow,
  type Parts,
} from '../paging/claims';
import { leadingCursorKey, pageWindow, type PageArgs, type Window } from '../paging/keyset';
import type { Context } from './context';
import type { ActorPageKey } from './loaders';
import { primeActors, VERIFIED_ONLY } from './loaders';
import { LEAN_ACTOR_FIELDS, leanActors, selectedAt, selectedFields, selectsOnly } from './selection';
import { keysetConnection } from './pagination';

/**
 * Claim lists as connections: Query.claims (any filter and order) and Actor.claimsMade /
 * claimsAbout (batched through the per-request loaders). The access path, key range and counts
 * come from src/paging; this module only wires them to the loaders.
 */

type Relation = 'CLAIMED_BY' | 'TARGETS';

/** What a claim connection's page reads of each claim: the parts its edges' nodes show, or none. */
export function pageParts(info: GraphQLResolveInfo): Parts {
  const edge = selectedAt(info, ['edges']);
  if (!edge.has('node')) return null;
  // Lean actors when every actor field shows only what the 'names' part holds: a page usually
  // shows `claimant { id name }`, and the full actor rows were a third of the page's db hits.
  const namesOnly = ACTOR_FIELDS.every((f) => leanActors(info, ['edges', 'node', f]));
  return claimParts(selectedAt(info, ['edges', 'node']), namesOnly);
}

/**
 * What Query.claim with its denials reads of each claim: the parts its selection shows, on the
 * claim and on the claims it denies and is denied by (one row shape for all of them).
 */
export function claimViewParts(info: GraphQLResolveInfo): ClaimPart[] {
  const levels = [[], ['deniedBy'], ['denies']];
  const fields = new Set(levels.flatMap((l) => [...selectedAt(info, l)]));
  const namesOnly = levels.every((l) => ACTOR_FIELDS.every((f) => leanActors(info, [...l, f])));
  return claimParts(fields, namesOnly);
}

/**
 * Claim.claimant / voice / targets: from the claim row's lean actors (part 'names') when the field
 * shows nothing else, else through the actor loader. The choice is made per field from its own
 * selection, so a lean actor is never asked for a field it does not hold; a row without the part
 * (a loaded claim, a page that read full actors) goes to the loader.
 */
export function claimActors(ctx: Context, claim: Row, ids: string[], info: GraphQLResolveInfo) {
  const names = claim.names as Row[] | null | undefined;
  if (names && selectsOnly(info, LEAN_ACTOR_FIELDS)) {
    const byId = new Map(names.map((a) => [a.id as string, a]));
    if (ids.every((id) => byId.has(id))) return Promise.resolve(ids.map((id) => byId.get(id)!));
  }
  return ctx.loaders.actor.loadMany(ids);
}

/**
 * A costly part of a claim's row (fragments/claim-row): a page's row holds only the parts its
 * selection showed and null for the others (a part itself is never null), so a field asked for
 * where the page did not expect it, through a fragment on an interface for instance, loads the
 * whole claim (batched) rather than answering "none".
 */
export async function claimPart(ctx: Context, claim: Row, name: string): Promise<unknown> {
  const value = claim[name];
  if (value !== null && value !== undefined) return value;
  return ((await ctx.loaders.claim.load(claim.id as string)) ?? {})[name] ?? null;
}

function actorPageKey(relation: Relation, actor: string, w: Window, parts: Parts): string {
  const key: ActorPageKey = [relation, w.backward, w.limit, actor, w.lo, w.hi, parts];
  return JSON.stringify(key);
}

function actorPage(
  ctx: Context,
  relation: Relation,
  actor: string,
  w: Window,
  parts: Parts = null,
): Promise<KeyRow[]> {
  return ctx.loaders.actorPages.load(actorPageKey(relation, actor, w, parts));
}

/** The window of an actor's claim list (Actor.claimsMade / claimsAbout) for a page's arguments. */
function actorWindow(args: PageArgs): Window {
  return pageWindow('claims', args, claimRange(VERIFIED_ONLY, 'STATED_DESC'), true, 'VERIFIED|');
}

const ACTOR_LISTS: Record<string, Relation> = { claimsMade: 'CLAIMED_BY', claimsAbout: 'TARGETS' };

/**
 * Query.actor(ref): the actor, and when the selection shows exactly one of its claim lists
 * (claimsMade or claimsAbout, the actor view's usual request), that list's page in the same
 * statement, primed into the page loader under the key the list's resolver will ask for, so the
 * request is one round trip (it was two: the ref, then the page). Anything else (both lists, two
 * pages of one, arguments the page refuses) reads the actor alone and leaves the lists to their
 * resolvers, which then read (or refuse) as usual.
 */
export async function actorByRef(ctx: Context, ref: string, info: GraphQLResolveInfo): Promise<Row | null> {
  const lists = selectedFields(info, Object.keys(ACTOR_LISTS));
  const only = lists.length === 1 ? lists[0]! : undefined;
  let ahead: { relation: Relation; window: Window; parts: Parts } | undefined;
  if (only) {
    const def = (info.schema.getType('Actor') as GraphQLObjectType).getFields()[only.name.value]!;
    try {
      const args = getArgumentValues(def, only, info.variableValues) as PageArgs;
      const field = { ...info, fieldNodes: [only] };
      ahead = { relation: ACTOR_LISTS[only.name.value]!, window: actorWindow(args), parts: pageParts(field) };
    } catch {
      ahead = undefined; // the list's own resolver reports the bad argument, at its own path
    }
  }
  if (!ahead) {
    const [row] = await ctx.executor.read('actors/by-ref', { ref });
    if (!row) return null;
    const actor = row.actor as Row;
    ctx.loaders.actor.prime(actor.id as string, actor);
    return actor;
  }
  const found = await readActorByRefWithWindow(
    ctx.executor,
    ref,
    ahead.relation,
    VERIFIED_ONLY,
    ahead.window,
    ahead.parts,
  );
  if (!found) return null;
  const id = found.actor.id as string;
  ctx.loaders.actor.prime(id, found.actor);
  ctx.loaders.actorPages.prime(actorPageKey(ahead.relation, id, ahead.window, ahead.parts), found.rows);
  return found.actor;
}

/**
 * The nodes of a page read with its claims' rows: those rows, so the page is one statement (the
 * actors they carry go into the actor loader, so claimant and targets cost none either). The rows
 * hold only the parts the page shows, so they stay out of the claim loader: another field of the
 * request that loads one of these claims reads it whole. A claim with no row is loaded.
 */
function pageNodes(ctx: Context, read: () => Promise<KeyRow[]>) {
  let byId = new Map<string, Row>();
  return {
    rows: async () => {
      const rows = await read();
      byId = new Map(rows.flatMap((r) => (r.claim ? [[r.id, r.claim] as const] : [])));
      primeActors(ctx.loaders.actor, [...byId.values()]);
      return rows;
    },
    load: async (ids: string[]) => {
      const missing = ids.filter((id) => !byId.has(id));
      const loaded = new Map<string, Row | Error | null>();
      (await ctx.loaders.claim.loadMany(missing)).forEach((r, i) => loaded.set(missing[i]!, r));
      return ids.map((id) => byId.get(id) ?? loaded.get(id) ?? null);
    },
  };
}

async function actorCount(ctx: Context, relation: Relation, actor: string) {
  const counts = await ctx.loaders.actorClaimCounts.load(actor);
  return { count: relation === 'CLAIMED_BY' ? counts.made : counts.about, exact: true };
}

/**
 * Query.claims: the filter's access path, one page of it, and lazy counts. `parts` when the
 * client selects the page's edges: the page query then brings the claims along (one statement),
 * with the costly parts of their rows the selection shows (src/paging/claims.ts claimParts).
 */
export async function claimsConnection(
  ctx: Context,
  f: ClaimListFilter,
  order: ClaimOrder,
  args: PageArgs,
  parts: Parts = null,
) {
  const list = claimList(order);
  const window = pageWindow(list, args, claimRange(f, order), true, `${f.verification}|`);
  const path = claimPath(f, order);
  // A page of one actor's claims with other filters than the loader's default reads its own query.
  const readActor = async (relation: Relation, actor: string, w: Window, rows: Parts) =>
    (
      await readActorWindows(ctx.executor, relation, f, w.backward, w.limit, [{ actor, window: w }], rows)
    ).get('0') ?? [];
  // The far-side probe (`read`) only asks whether a row exists: no claim rows for it.
  const read = (w: Window, rows: Parts = null): Promise<KeyRow[]> =>
    path === 'by-claimant'
      ? readActor('CLAIMED_BY', f.claimant!, w, rows)
      : path === 'by-target'
        ? readActor('TARGETS', f.target!, w, rows)
        : readClaimWindow(ctx.executor, path, f, w, rows);
  const only = actorOnly(f);
  const nodes = pageNodes(ctx, () => read(window, parts));
  return keysetConnection<KeyRow, Row>({
    list,
    descending: true,
    window,
    rows: nodes.rows,
    cursorKey: leadingCursorKey(list, args, window),
    load: nodes.load,
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
  parts: Parts = null,
) {
  const window = actorWindow(args);
  const read = (w: Window, rows: Parts = null) => actorPage(ctx, relation, actor, w, rows);
  const nodes = pageNodes(ctx, () => read(window, parts));
  return keysetConnection<KeyRow, Row>({
    list: 'claims',
    descending: true,
    window,
    rows: nodes.rows,
    cursorKey: leadingCursorKey('claims', args, window),
    load: nodes.load,
    count: () => actorCount(ctx, relation, actor),
    read,
  });
}
