import DataLoader from 'dataloader';
import type { Executor, Row } from '../db/executor';
import {
  readActorWindows,
  type ClaimListFilter,
  type ClaimPart,
  type KeyRow,
  type Parts,
} from '../paging/claims';
import type { Window } from '../paging/keyset';
import { present } from './pagination';

type Relation = 'CLAIMED_BY' | 'TARGETS';
/** [relation, backward, limit, actor id, lo, hi, the claim rows' parts (null: no rows)] */
export type ActorPageKey = [Relation, boolean, number, string, string, string, Parts];

/** Actor.claimsMade / claimsAbout list an actor's VERIFIED claims, with no other filter. */
export const VERIFIED_ONLY: ClaimListFilter = {
  kind: null,
  claimant: null,
  target: null,
  sourceUrl: null,
  status: null,
  statedFrom: null,
  statedTo: null,
  verification: 'VERIFIED',
};

/**
 * Per-request batching: every nested field of a response is served by one of these loaders, so
 * a request costs a bounded number of round trips whatever the page size (no N+1). They are made
 * fresh for each request, so nothing cached outlives it.
 */
function byKey(rows: Row[], key: string, keys: readonly string[]): (Row | null)[] {
  const index = new Map(rows.map((r) => [r[key] as string, r]));
  return keys.map((k) => index.get(k) ?? null);
}

/** Where a partial claim row (read with parts) keeps the rows of its denials read with it. */
const RELATED = Symbol('denials read with the claim');

/**
 * One claim and, in the same query, the claims it denies and is denied by: Query.claim uses it
 * when its selection asks for `deniedBy`. The rows hold only `parts` (what the claim view's
 * selection shows, at both levels), so they stay out of the claim loader, which holds whole rows:
 * the denials ride on the claim's row (relatedClaims) and a part that was not read is loaded whole
 * (claimPart).
 */
export async function claimWithDenials(
  executor: Executor,
  loaders: Loaders,
  id: string,
  parts: ClaimPart[],
): Promise<Row | null> {
  const rows = await executor.read('claims/by-ids', { ids: [id], related: true, parts });
  primeActors(loaders.actor, rows);
  const root = rows.find((r) => r.id === id);
  if (!root) return null;
  return Object.assign({ ...root }, { [RELATED]: new Map(rows.map((r) => [r.id as string, r])) });
}

/**
 * The claims `ids` (a claim's deniedBy or denies): from the rows read with `claim` when it holds
 * them all (claimWithDenials with parts), else through the claim loader.
 */
export async function relatedClaims(loaders: Loaders, claim: Row, ids: string[]): Promise<Row[]> {
  const held = (claim as { [RELATED]?: Map<string, Row> })[RELATED];
  if (held && ids.every((id) => held.has(id))) return ids.map((id) => held.get(id)!);
  return present(await loaders.claim.loadMany(ids));
}

/**
 * The actors claim rows carry (claims/by-ids returns the claimant, voice and targets as the actor
 * loader holds them) into the actor loader, so the claimant / targets resolvers that follow answer
 * from the request's cache, not the database.
 */
export function primeActors(actors: DataLoader<string, Row | null>, claimRows: Row[]): void {
  for (const r of claimRows) {
    for (const a of (r.actors as Row[] | undefined) ?? []) actors.prime(a.id as string, a);
  }
}

export function createLoaders(executor: Executor) {
  const rowsBy = (name: string, param: string, key: string) =>
    new DataLoader<string, Row | null>(async (keys) =>
      byKey(await executor.read(name, { [param]: keys }), key, keys),
    );

  const actor = new DataLoader<string, Row | null>(async (ids) =>
    byKey(await executor.read('actors/by-ids', { ids }), 'id', ids).map((r) => (r?.actor as Row) ?? null),
  );
  const claim = new DataLoader<string, Row | null>(async (ids) => {
    const rows = await executor.read('claims/by-ids', { ids, related: false, parts: null });
    primeActors(actor, rows);
    return byKey(rows, 'id', ids);
  });
  return {
    actor,
    claim,
    source: rowsBy('sources/by-urls', 'urls', 'url'),
    event: rowsBy('events/by-ids', 'ids', 'id'),
    /** Claim.provenance: claimant, voice and per source its outlet and excerpts, by claim id. */
    provenance: rowsBy('graph/provenance-by-ids', 'ids', 'id'),
    /** Claim.contradictedBy: the live figure claims contradicting each claim, by claim id. */
    contradictions: rowsBy('claims/contradictions-by-ids', 'ids', 'id'),
    /**
     * Issue 12: excerpts by id with every field an Excerpt resolver may ask for: language and
     * translation links (src/graphql/resolvers/provenance.ts), state, snapshot, candidates and
     * old words (recheck.ts). One query, so a view asking for both reads each excerpt once.
     */
    excerpt: rowsBy('excerpts/by-ids', 'ids', 'id'),
    /** Issue 12: Source.language / copyOf / copies / copyCandidates, by URL. */
    sourceProvenance: rowsBy('provenance/sources-by-urls', 'urls', 'url'),
    /** Issue 12: Claim.corroboration, by claim id. */
    corroboration: rowsBy('provenance/corroboration-by-ids', 'ids', 'id'),
    /** Issue 12: snapshot texts by id, and (below) a source's snapshots by URL. */
    snapshotText: rowsBy('recheck/snapshot-texts', 'ids', 'id'),
    snapshots: new DataLoader<string, Row[]>(async (urls) => {
      const rows = byKey(await executor.read('recheck/snapshots-by-urls', { urls }), 'url', urls);
      return rows.map((r) => (r?.snapshots as Row[]) ?? []);
    }),
    history: new DataLoader<string, Row[]>(async (ids) => {
      const rows = byKey(await executor.read('claims/history-by-ids', { ids }), 'id', ids);
      return rows.map((r) => (r?.history as Row[]) ?? []);
    }),
    /**
     * Actor.claimsMade / claimsAbout pages: one range of the relationship key index per actor,
     * every actor of a response that shares relation, direction, page size and whether the
     * claims' rows come along (@rows) in one query. Keyed by JSON ActorPageKey.
     */
    actorPages: new DataLoader<string, KeyRow[]>(async (keys) => {
      const groups = new Map<string, { key: string; actor: string; window: Window }[]>();
      for (const key of keys) {
        const [relation, backward, limit, actor, lo, hi, parts] = JSON.parse(key) as ActorPageKey;
        const group = JSON.stringify([relation, backward, limit, parts]);
        const window: Window = {
          lo,
          hi,
          backward,
          limit,
          size: limit - 1,
          list: { lo, hi },
          fromCursor: false,
        };
        groups.set(group, [...(groups.get(group) ?? []), { key, actor, window }]);
      }
      const results = new Map<string, KeyRow[]>();
      for (const [group, members] of groups) {
        const [relation, backward, limit, parts] = JSON.parse(group) as [Relation, boolean, number, Parts];
        const pages = await readActorWindows(
          executor,
          relation,
          VERIFIED_ONLY,
          backward,
          limit,
          members,
          parts,
        );
        members.forEach((m, i) => results.set(m.key, pages.get(String(i)) ?? []));
      }
      return keys.map((k) => results.get(k) ?? []);
    }),
    /** Exact VERIFIED claim counts per actor (made, about): degree lookups, batched. */
    actorClaimCounts: new DataLoader<string, { made: number; about: number }>(async (actors) => {
      const rows = byKey(await executor.read('claims/count-by-actors', { actors }), 'actor', actors);
      return rows.map((r) => ({ made: Number(r?.made ?? 0), about: Number(r?.about ?? 0) }));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
