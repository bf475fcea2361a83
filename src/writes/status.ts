import type { Tx } from '../db/executor';

/**
 * A claim's status (UNCONTESTED | DISPUTED | RETRACTED) is stored on the claim (c.status, indexed)
 * and kept true by the writes themselves: every write that can change any claim's status calls
 * this, last, inside its own transaction, with the ids of the claims it wrote. The rule lives
 * once, in cypher/fragments/claim-status.cypher; reads just read c.status.
 *
 * Three named queries, in order:
 * - claims/refresh-figure-keys re-keys the claims' figures (one FigureKey per event, measure and
 *   unit) and returns every key they had or have;
 * - claims/refresh-status stores the status of these claims, of the claims they deny and of the
 *   figure claims under those keys, after taking each one's write lock (see the query for why);
 * - disputes/refresh-links rebuilds the IN_DISPUTE links of every claim it refreshed, the index
 *   `disputes(actor:)` pages.
 *
 * Cost: the claims written and their neighbours (denied claims, figures under the same keys),
 * never the graph. Calling it for a claim whose status cannot have changed is harmless.
 *
 * The bulk import (src/import/write.ts) keys its new figures as it creates them and creates its
 * new claims UNCONTESTED (import/write-claims), then calls refreshStatusAround for the claims its
 * denials deny and the keys it touched: the only ones among them, or older, that can be otherwise.
 */
export async function refreshClaimStatus(tx: Tx, claimIds: string[]): Promise<void> {
  const ids = [...new Set(claimIds)];
  if (ids.length === 0) return;
  const rows = await tx.run('claims/refresh-figure-keys', { ids });
  const keys = [...new Set(rows.flatMap((r) => r.keys as string[]))];
  await refreshStatusAround(tx, ids, keys);
}

/**
 * The second half of refreshClaimStatus alone, for a writer that keyed its figures itself and
 * knows every key it touched (the bulk import: import/write-figures keys new figures as it
 * creates them): the status of these claims, of the claims they deny and of the figure claims
 * under these keys, each under its write lock, then their IN_DISPUTE links. The rule is still
 * claim-status, in claims/refresh-status.
 */
export async function refreshStatusAround(
  tx: Tx,
  claimIds: string[],
  figureKeys: string[],
  opts: { freshPlans?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(claimIds)];
  const keys = [...new Set(figureKeys)];
  if (ids.length === 0 && keys.length === 0) return;
  // A bulk import plans these afresh (named queries' @fresh): one batch runs them over thousands
  // of claims, and a plan cached while the graph was empty can read every claim for each one.
  const name = (q: string) => (opts.freshPlans ? `${q}@fresh` : q);
  const [row] = await tx.run(name('claims/refresh-status'), { ids, keys });
  // Every claim whose status was just stored, whether it changed or not: its dispute's parties
  // may have changed without it (a second denier, a retracted one).
  const refreshed = (row?.refreshed as string[] | undefined) ?? [];
  if (refreshed.length) await tx.run(name('disputes/refresh-links'), { ids: refreshed });
}
