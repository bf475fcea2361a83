import path from 'node:path';
import type { Executor } from '../db/executor';
import type { Logger } from '../logger';
import { loadBundles } from './load';
import { readSourcePath } from './validate';

/** `npm start` loads the seed folder on every start; unchanged files are skipped in one query each. */
export async function loadSeed(executor: Executor, dir: string, logger: Logger): Promise<void> {
  const bundles = readSourcePath(dir);
  const results = await loadBundles(executor, bundles, { by: 'loader:seed', role: 'system' });
  for (const r of results) {
    const file = path.relative(process.cwd(), r.file);
    logger.info({ file, url: r.url, status: r.status, claims: r.claims }, 'seed source');
    if (r.orphans.length) {
      logger.warn(
        { file, orphans: r.orphans },
        'claims loaded from an earlier version of this file are no longer in it and stay live; retract them if they were wrong',
      );
    }
  }
}
