import DataLoader from 'dataloader';
import type { Executor, Row } from '../db/executor';

/**
 * Per-request batching: every nested field of a response is served by one of these loaders, so
 * a request costs a bounded number of round trips whatever the page size (no N+1). They are made
 * fresh for each request, so nothing cached outlives it.
 */
function byKey(rows: Row[], key: string, keys: readonly string[]): (Row | null)[] {
  const index = new Map(rows.map((r) => [r[key] as string, r]));
  return keys.map((k) => index.get(k) ?? null);
}

export interface ClaimPage {
  total: number;
  ids: string[];
}

export function createLoaders(executor: Executor) {
  const rowsBy = (name: string, param: string, key: string) =>
    new DataLoader<string, Row | null>(async (keys) =>
      byKey(await executor.read(name, { [param]: keys }), key, keys),
    );

  return {
    actor: rowsBy('actors/by-ids', 'ids', 'id'),
    claim: rowsBy('claims/by-ids', 'ids', 'id'),
    source: rowsBy('sources/by-urls', 'urls', 'url'),
    event: rowsBy('events/by-ids', 'ids', 'id'),
    /** Claim.provenance: claimant, voice and per source its outlet and excerpts, by claim id. */
    provenance: rowsBy('graph/provenance-by-ids', 'ids', 'id'),
    /** Issue 12: excerpts by id (state, snapshot, candidates, old words), and snapshots. */
    excerpt: rowsBy('recheck/excerpts-by-ids', 'ids', 'id'),
    snapshotText: rowsBy('recheck/snapshot-texts', 'ids', 'id'),
    snapshots: new DataLoader<string, Row[]>(async (urls) => {
      const rows = byKey(await executor.read('recheck/snapshots-by-urls', { urls }), 'url', urls);
      return rows.map((r) => (r?.snapshots as Row[]) ?? []);
    }),
    history: new DataLoader<string, Row[]>(async (ids) => {
      const rows = byKey(await executor.read('claims/history-by-ids', { ids }), 'id', ids);
      return rows.map((r) => (r?.history as Row[]) ?? []);
    }),
    /** Actor.claimsMade / claimsAbout: keyed by relation, page and actor, batched per relation and page. */
    actorClaims: new DataLoader<string, ClaimPage>(async (keys) => {
      const groups = new Map<string, string[]>();
      for (const key of keys) {
        const [relation, skip, limit, actorId] = key.split('|') as [string, string, string, string];
        const group = `${relation}|${skip}|${limit}`;
        groups.set(group, [...(groups.get(group) ?? []), actorId]);
      }
      const results = new Map<string, ClaimPage>();
      for (const [group, actorIds] of groups) {
        const [relation, skip, limit] = group.split('|') as [string, string, string];
        const rows = await executor.read('claims/page-by-actors', {
          relation,
          skip: Number(skip),
          limit: Number(limit),
          actorIds,
        });
        for (const r of rows) {
          results.set(`${group}|${String(r.actorId)}`, { total: r.total as number, ids: r.ids as string[] });
        }
      }
      return keys.map((k) => results.get(k) ?? { total: 0, ids: [] });
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
