import type { Tx } from '../db/executor';

/**
 * Keeps the ordering keys of keyset pagination (migration 0007-keyset-keys) right for the given
 * claims, in the caller's transaction: the claim's sort and confidence keys and the keys on its
 * CLAIMED_BY / TARGETS links. Every claim write calls it after its change and before its commit,
 * so a page read after the commit sees the claim exactly once, in its place; a failed write rolls
 * the keys back with everything else. The bulk import is the exception: it only creates claims,
 * and sets the same keys (fragments/claim-keys, claim-link-key) in the statements that create
 * them (import/write-claims, link-claim-targets).
 */
export async function refreshClaimKeys(tx: Tx, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  await tx.run('claims/refresh-keys', { ids: [...new Set(claimIds)] });
}
