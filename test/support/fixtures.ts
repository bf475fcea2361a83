import type { Executor } from '../../src/db/executor';
import { startTestApp, type TestApp } from './app';
import { seededDatabase, testExecutor } from './db';

/**
 * The usual fixture of an integration test file: the seed graph, as `npm start` builds it, and
 * the real HTTP server over it. `prepare` runs on the seeded database before the server starts.
 *
 *   beforeAll(async () => ({ executor, app } = await openSeededApp()));
 *   afterAll(() => closeApp(app, executor));
 */
export async function openSeededApp(
  prepare?: (executor: Executor) => Promise<void>,
): Promise<{ executor: Executor; app: TestApp }> {
  const executor = await testExecutor();
  await seededDatabase(executor);
  await prepare?.(executor);
  return { executor, app: await startTestApp(executor) };
}

export async function closeApp(app: TestApp | undefined, executor: Executor | undefined): Promise<void> {
  await app?.stop();
  await executor?.close();
}
