import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { query } from '../../src/db/queries';
import { testTarget } from '../setup/neo4j-target';

/**
 * The database hits of one named query, from Neo4j's own PROFILE: what a plan costs, counted by
 * the database, not timed. Reads only (PROFILE runs the query; it is sent in a READ transaction,
 * so a query that writes fails here). Its own driver, on the run's Neo4j: the executor has no
 * reason to PROFILE in production.
 */
export async function dbHits(name: string, params: Record<string, unknown>): Promise<number> {
  const t = testTarget();
  const driver: Driver = neo4j.driver(
    t.uri,
    t.password !== undefined ? neo4j.auth.basic(t.username, t.password) : undefined,
    { disableLosslessIntegers: true },
  );
  const session = driver.session({ database: t.database, defaultAccessMode: neo4j.session.READ });
  try {
    const summary = await session.executeRead(
      async (tx) => (await tx.run(`PROFILE ${query(name)}`, params)).summary,
    );
    const sum = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((n, c) => n + sum(c), 0);
    if (!summary.profile) throw new Error(`PROFILE of ${name} returned no profile`);
    return sum(summary.profile);
  } finally {
    await session.close();
    await driver.close();
  }
}
