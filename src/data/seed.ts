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
    logger.info(
      { file: path.relative(process.cwd(), r.file), url: r.url, status: r.status, claims: r.claims },
      'seed source',
    );
  }
}
