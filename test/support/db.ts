import { Executor } from '../../src/db/executor';
import { migrate } from '../../src/db/migrate';
import { loadBundles } from '../../src/data/load';
import { readSourcePath } from '../../src/data/validate';
import { SEED_DIR } from '../../src/paths';
import { testTarget } from '../setup/neo4j-target';

/** An executor on the run's Neo4j. Close it in afterAll. */
export async function testExecutor(): Promise<Executor> {
  const t = testTarget();
  return Executor.connect({ ...t, txTimeoutMs: 30_000 });
}

/**
 * Empties the database (Community has one user database, so tests isolate by starting clean).
 * Refuses to touch a database holding anything claimgraph did not write: with NEO4J_URI pointing
 * at someone's real data, a test run must fail rather than wipe it.
 */
export async function resetDatabase(executor: Executor): Promise<void> {
  const [row] = await executor.read('system/foreign-nodes');
  if (Number(row?.foreign) > 0) {
    throw new Error(
      `the test Neo4j at ${testTarget().uri} holds ${String(row?.foreign)} nodes claimgraph did not create; ` +
        'point NEO4J_URI at an empty database for tests',
    );
  }
  await executor.runAutoCommit('system/delete-everything');
}

/** A clean, migrated database. */
export async function freshDatabase(executor: Executor): Promise<void> {
  await resetDatabase(executor);
  await migrate(executor);
}

/** A clean, migrated database holding the seed graph, as `npm start` builds it. */
export async function seededDatabase(executor: Executor): Promise<void> {
  await freshDatabase(executor);
  await loadBundles(executor, readSourcePath(SEED_DIR), { by: 'loader:test', role: 'system' });
}
