import { auditServer } from 'graphql-http';
import type { Executor } from '../../src/db/executor';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * The GraphQL-over-HTTP specification's own executable audits (graphql-http), run against the
 * real server: every MUST holds, so any spec-following client can talk to it.
 */
let executor: Executor;
let app: TestApp;

beforeAll(async () => ({ executor, app } = await openSeededApp()));
afterAll(() => closeApp(app, executor));

it('passes every MUST audit of the GraphQL-over-HTTP spec', async () => {
  const results = await auditServer({ url: `${app.url}/graphql`, fetchFn: fetch });
  // (The MAYs for GET with variables fail on purpose: CSRF prevention refuses simple GETs.)
  const failedMusts = results.flatMap((r) =>
    r.status !== 'ok' && r.name.startsWith('MUST') ? [`${r.name}: ${r.reason}`] : [],
  );
  expect(failedMusts).toEqual([]);
  expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
});
