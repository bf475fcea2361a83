import { StartupError } from '../errors';
import type { Logger } from '../logger';
import type { Executor } from './executor';
import { migrations } from './queries';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies cypher/migrations/*.cypher in order, each exactly once, recording each as a
 * (:Migration {id, checksum, appliedAt}) node. A migration edited after it was applied is an
 * error, not something to re-run silently: write a new migration instead.
 */
export async function migrate(executor: Executor, logger?: Logger): Promise<MigrationReport> {
  // The Migration label may not exist yet on a fresh store; the query then returns no rows.
  const done = new Map(
    (await executor.read('system/migrations-applied')).map((r) => [r.id as string, r.checksum as string]),
  );
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const m of migrations()) {
    const previous = done.get(m.id);
    if (previous !== undefined) {
      if (previous !== m.checksum) {
        throw new StartupError(
          'CONFIG_INVALID',
          `migration ${m.id} was changed after it was applied (checksum differs); add a new migration instead of editing cypher/migrations/${m.id}.cypher.`,
        );
      }
      report.alreadyApplied.push(m.id);
      continue;
    }
    await executor.applyMigration(m.id);
    await executor.write((tx) =>
      tx.run('system/record-migration', { id: m.id, checksum: m.checksum, appliedBy: 'claimgraph' }),
    );
    report.applied.push(m.id);
    logger?.info({ migration: m.id }, 'migration applied');
  }
  return report;
}
