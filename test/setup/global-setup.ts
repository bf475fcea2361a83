import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Executor } from '../../src/db/executor';
import { startEmbedded } from '../../src/neo4j/embedded';
import { PROJECT_ROOT } from '../../src/paths';
import { resetDatabase, testExecutor } from '../support/db';
import { ENV } from './neo4j-target';
import { freePort } from '../../src/net';

declare global {
  var __claimgraphNeo4jStop: (() => Promise<void>) | undefined;
}

function publish(
  uri: string,
  username: string,
  password: string | undefined,
  database: string,
  mode: string,
) {
  // CLAIMGRAPH_TEST_ROUTING=1: the whole suite through neo4j:// (the driver asks the server for a
  // routing table and sends READ transactions to readers, WRITE ones to the leader, as on a
  // cluster or Aura); a single server answers with itself in every role.
  if (process.env.CLAIMGRAPH_TEST_ROUTING === '1') {
    uri = uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
    mode = `${mode}, routed (neo4j://)`;
  }
  process.env[ENV.uri] = uri;
  process.env[ENV.username] = username;
  process.env[ENV.password] = password ?? '';
  process.env[ENV.database] = database;
  process.env[ENV.mode] = mode;
  process.stderr.write(`\nclaimgraph tests: Neo4j ${mode} at ${uri}\n`);
}

async function tryContainer(): Promise<boolean> {
  // testcontainers' own check: the docker *client* exists on these machines without an engine,
  // so `docker --version` would say yes where no container can start.
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return false;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer('neo4j:5.26').start();
  publish(
    container.getBoltUri(),
    container.getUsername(),
    container.getPassword(),
    'neo4j',
    'testcontainers',
  );
  globalThis.__claimgraphNeo4jStop = async () => {
    await container.stop();
  };
  return true;
}

async function refuseToWipe(uri: string): Promise<void> {
  if (process.env.CLAIMGRAPH_TEST_WIPE === '1') return;
  const executor = await Executor.connect({
    uri,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD || undefined,
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    txTimeoutMs: 30_000,
  });
  try {
    const [row] = await executor.read('system/node-count');
    if (Number(row?.nodes) > 0) {
      throw new Error(
        `claimgraph tests: the database at ${uri} holds ${String(row?.nodes)} nodes, and the tests empty it. ` +
          'Point NEO4J_URI at an empty database, unset it (tests then start their own Neo4j), ' +
          'or set CLAIMGRAPH_TEST_WIPE=1 to allow it.',
      );
    }
  } finally {
    await executor.close();
  }
}

/**
 * Some tests run the built service and CLIs (dist/), as users do: build first, so a bare `npx jest`
 * never tests stale code. Incremental, so an unchanged tree costs about a second (the explorer's
 * esbuild bundle about another).
 */
function build(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(PROJECT_ROOT, 'tsconfig.build.json')], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0)
    throw new Error('claimgraph tests: the build (tsc -p tsconfig.build.json) failed; see above');
  // The explorer's bundle (dist/web), which the server serves at / and the browser tests load.
  const web = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'web', 'build.js')], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (web.status !== 0) throw new Error('claimgraph tests: the web build (web/build.js) failed; see above');
}

export default async function globalSetup(): Promise<void> {
  build();
  if (process.env.NEO4J_URI) {
    // Tests empty the database between suites. A NEO4J_URI left exported for the CLIs (or a real
    // server) must never be wiped by accident: only an empty database, or an explicit opt-in.
    await refuseToWipe(process.env.NEO4J_URI);
    // It was empty (or wiping was allowed): leave it empty again, so the next run is accepted too.
    globalThis.__claimgraphNeo4jStop = async () => {
      const executor = await testExecutor();
      try {
        await resetDatabase(executor);
      } finally {
        await executor.close();
      }
    };
    publish(
      process.env.NEO4J_URI,
      process.env.NEO4J_USERNAME ?? 'neo4j',
      process.env.NEO4J_PASSWORD,
      process.env.NEO4J_DATABASE ?? 'neo4j',
      'external (NEO4J_URI)',
    );
    return;
  }
  if (await tryContainer()) return;

  // A store per run: two test runs on one machine must not wipe each other's database.
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', `test-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const embedded = await startEmbedded({
    dataDir,
    boltPort: await freePort(),
    heap: process.env.NEO4J_HEAP ?? '768m',
    pagecache: process.env.NEO4J_PAGECACHE ?? '256m',
  });
  publish(embedded.uri, 'neo4j', undefined, 'neo4j', 'embedded');
  globalThis.__claimgraphNeo4jStop = async () => {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
