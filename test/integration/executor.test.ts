import { createToken } from '../../src/auth';
import { Executor, type Tx } from '../../src/db/executor';
import { ClaimgraphError } from '../../src/errors';
import { startTestApp, type TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';
import { testTarget } from '../setup/neo4j-target';

/**
 * The executor against the real Neo4j: transient failures retried until they succeed, a real
 * transaction timeout reported as TIMEOUT, access modes and bookmarks (also through neo4j://).
 */
jest.setTimeout(180_000);

let executor: Executor;
let app: TestApp;
let token: string;

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  token = (await createToken(executor, { role: 'editor', name: 'burst', by: 'test' })).token;
});
afterAll(() => closeApp(app, executor));

/** A promise and its resolve, for barriers. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves once `n` parties have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  const all = deferred();
  return () => {
    arrived += 1;
    if (arrived >= n) all.resolve();
    return all.promise;
  };
}

const lock = (tx: Tx, id: string) =>
  tx.run('system/record-migration', { id, checksum: 'test', appliedBy: 'executor.test' });

const migrationIds = async () =>
  (await executor.read('system/migrations-applied')).map((r) => r.id as string);

it('a burst of 40 concurrent recordClaim calls on one source all succeed (lock contention is retried)', async () => {
  const SOURCE = 'https://example.org/2025/11/14/burst';
  const TEXT =
    'On 14 November Pakistan accused Kabul of shelling border posts, and Kabul denied it, officials said.';
  const added = await app.gql(
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    { i: { url: SOURCE, text: TEXT } },
    { token },
  );
  expect(added.body.errors).toBeUndefined();
  const q = 'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }';
  const go = deferred();
  const calls = Array.from({ length: 40 }, async (_, n) => {
    await go.promise; // every request is built and waiting; then all are sent at once
    return app.gql<{ recordClaim: { id: string } }>(
      q,
      {
        i: {
          kind: 'ACCUSATION',
          claimant: 'Islamabad',
          targets: ['Kabul'],
          content: `Pakistan accused Kabul of shelling border posts (report ${n}).`,
          source: SOURCE,
          excerpt: 'Pakistan accused Kabul of shelling border posts',
          idempotencyKey: `burst-${n}`,
        },
      },
      { token },
    );
  });
  go.resolve();
  const results = await Promise.all(calls);
  expect(results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(Array(40).fill('OK'));
  expect(new Set(results.map((r) => r.body.data!.recordClaim.id)).size).toBe(40);
  const listed = await app.gql<{ claims: { totalCount: number } }>(
    'query($u: String) { claims(filter: { sourceUrl: $u }) { totalCount } }',
    { u: SOURCE },
  );
  expect(listed.body.data?.claims.totalCount).toBe(40);
});

it('a deadlock between two writes is retried: both commit, and the retry is counted', async () => {
  const bothLocked = barrier(2);
  const retriesBefore = executor.retries;
  // A locks d1 then d2; B locks d2 then d1: Neo4j aborts one with DeadlockDetected.
  const a = executor.write(async (tx) => {
    await lock(tx, 'deadlock-1');
    await bothLocked();
    await lock(tx, 'deadlock-2');
  });
  const b = executor.write(async (tx) => {
    await lock(tx, 'deadlock-2');
    await bothLocked();
    await lock(tx, 'deadlock-1');
  });
  await expect(Promise.all([a, b])).resolves.toBeDefined();
  expect(executor.retries).toBeGreaterThan(retriesBefore);
  expect(await migrationIds()).toEqual(expect.arrayContaining(['deadlock-1', 'deadlock-2']));
});

it('a write that times out waiting for a lock is TIMEOUT (504), and writes nothing', async () => {
  const impatient = await Executor.connect({ ...testTarget(), txTimeoutMs: 1_000, retryTimeMs: 0 });
  const holding = deferred();
  const release = deferred();
  // A long transaction holds the key 'held' (uncommitted MERGE on a unique key)...
  const holder = executor.write(async (tx) => {
    await lock(tx, 'held');
    holding.resolve();
    await release.promise;
  });
  try {
    await holding.promise;
    // ... so this one waits for its lock until its 1 s timeout stops it.
    const err = await impatient
      .write(async (tx) => {
        await lock(tx, 'held');
        await lock(tx, 'written-after-held');
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ClaimgraphError);
    expect(err).toMatchObject({ code: 'TIMEOUT', httpStatus: 504 });
    expect((err as Error).message).not.toMatch(/Neo\.|LockClient/);
  } finally {
    release.resolve();
    await holder;
    await impatient.close();
  }
  const ids = await migrationIds();
  expect(ids).toContain('held');
  expect(ids).not.toContain('written-after-held');
});

it('a read runs in a READ transaction: a query that writes is refused there and writes nothing', async () => {
  await expect(
    executor.read('system/record-migration', { id: 'read-mode', checksum: 'x', appliedBy: 'test' }),
  ).rejects.toThrow();
  expect(await migrationIds()).not.toContain('read-mode');
});

it('through a neo4j:// (routing) URI, a client reads its own write at once', async () => {
  const t = testTarget();
  const routed = await Executor.connect({
    ...t,
    uri: t.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:'),
    txTimeoutMs: 10_000,
  });
  const routedApp = await startTestApp(routed);
  try {
    expect(routed.availability.up).toBe(true);
    const created = await routedApp.gql<{ createActor: { id: string } }>(
      'mutation($i: CreateActorInput!) { createActor(input: $i) { id } }',
      { i: { name: 'Routing Ministry', kind: 'GOVERNMENT' } },
      { token },
    );
    expect(created.body.errors).toBeUndefined();
    const read = await routedApp.gql<{ actor: { id: string } | null }>(
      'query($r: String!) { actor(ref: $r) { id } }',
      { r: 'Routing Ministry' },
    );
    expect(read.body.data?.actor?.id).toBe(created.body.data?.createActor.id);
  } finally {
    await closeApp(routedApp, routed);
  }
});
