import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Executor } from '../../src/db/executor';
import { startEmbedded, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestApp, type TestApp } from '../support/app';
import {
  boundedGql,
  embeddedEnv,
  eventually,
  freePort,
  spawnService,
  type SpawnedService,
} from '../support/service';

/**
 * A lost Neo4j, as an operator meets it: `kill -9` of the JVM under a running API. Each part runs
 * its OWN Neo4j (own store, own port); the run's shared database is never touched.
 *
 * The bounds are client timeouts (a request that takes longer fails the test), not stopwatches.
 */
jest.setTimeout(300_000);

const CLAIM = '{ claim(id: "pakistan-accuses-kabul-of-harboring-ttp") { id } }';
const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }) =>
  body.errors?.[0]?.extensions?.code;

describe('the embedded Neo4j killed under `npm start`', () => {
  let service: SpawnedService;
  beforeAll(async () => {
    service = await spawnService();
  });
  afterAll(() => service?.stop());

  it('is answered with NEO4J_UNAVAILABLE at once, said on /healthz and /readyz, restarted, and served again by the same API', async () => {
    // A generous bound here: a freshly started JVM plans its first queries slowly.
    const before = await boundedGql(service.url, CLAIM, 60_000);
    expect(before.body.errors).toBeUndefined();
    const { pid: apiPid, neo4jPid } = service.running();
    expect(apiPid).toBe(service.child.pid);

    process.kill(neo4jPid, 'SIGKILL');

    // Answered within a 2 s client timeout, with the coded error (not 15-34 s of driver waits).
    const during = await boundedGql(service.url, CLAIM, 2_000);
    expect(codeOf(during.body)).toBe('NEO4J_UNAVAILABLE');
    expect(JSON.stringify(during.body)).not.toMatch(/Neo4jError|ServiceUnavailable|at .*\.js/);

    const ready = await fetch(`${service.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      neo4j: expect.stringMatching(/restarting|down/),
    });
    const health = await fetch(`${service.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    expect(health.status).toBe(503);

    // The supervisor starts a new JVM on the same store; the same API serves the same data again.
    const served = await eventually(async () => {
      const r = await boundedGql(service.url, CLAIM, 30_000);
      return r.body.errors === undefined;
    }, 180_000);
    expect(served).toBe(true);
    expect(service.child.exitCode).toBeNull();
    expect(service.running().pid).toBe(apiPid);
    expect(service.running().neo4jPid).not.toBe(neo4jPid);
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok', neo4j: 'up' });
    expect(service.output()).toMatch(/the embedded Neo4j exited unexpectedly/);
  });

  it('lets `npm run token` find that Neo4j by itself and say so', async () => {
    const running = service.running();
    const run = await runCli('token.js', ['--role', 'editor', '--name', 'found-it'], {
      ...embeddedEnv(service.dataDir, 1), // a wrong port: the running-service file must win
    });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^cg_[A-Za-z0-9]{12}_/);
    expect(run.stderr).toContain(
      `claimgraph token: using the embedded Neo4j of the running claimgraph server (pid ${running.pid}) at ${running.boltUri}`,
    );
  });

  it('refuses a second `npm start` on the same store, naming the running one (pid and ports)', async () => {
    const running = service.running();
    const run = await runCli('../main.js', [], {
      ...embeddedEnv(service.dataDir, await freePort()),
      PORT: '0',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`pid ${running.pid}`);
    expect(run.stderr).toContain(running.boltUri);
    expect(run.stderr).toContain(`${service.url}/graphql`);
    expect(run.stderr).toMatch(/kill \d+/);
    expect(run.stderr).not.toMatch(/set NEO4J_BOLT_PORT to a free port/);
  });
});

describe('an external Neo4j (NEO4J_URI) lost under the API', () => {
  let dataDir: string;
  let port: number;
  let neo4j: EmbeddedNeo4j | undefined;
  let executor: Executor | undefined;
  let app: TestApp | undefined;
  const start = () => startEmbedded({ dataDir, boltPort: port, heap: '384m', pagecache: '32m' });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-external-'));
    port = await freePort();
    neo4j = await start();
    executor = await Executor.connect({
      uri: neo4j.uri,
      username: 'neo4j',
      password: undefined,
      database: 'neo4j',
      txTimeoutMs: 10_000,
    });
    app = await startTestApp(executor, { NEO4J_URI: neo4j.uri });
  });
  afterAll(async () => {
    await app?.stop();
    await executor?.close();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers NEO4J_UNAVAILABLE fast while it is gone and serves again within seconds of its return', async () => {
    const q = '{ serverInfo { neo4jVersion } }';
    expect((await boundedGql(app!.url, q, 60_000)).body.errors).toBeUndefined();
    process.kill(neo4j!.pid, 'SIGKILL');
    await neo4j!.exited;
    for (let i = 0; i < 3; i++) {
      expect(codeOf((await boundedGql(app!.url, q, 2_000)).body)).toBe('NEO4J_UNAVAILABLE');
    }
    expect((await fetch(`${app!.url}/readyz`, { signal: AbortSignal.timeout(2_000) })).status).toBe(503);

    neo4j = await start();
    // The probe pings every 500 ms: the first request after the database is back may still be
    // refused, then requests succeed, with no API restart. (How soon is measured by
    // bench/kill-recovery.ts; the deadline here only allows for a loaded test machine.)
    const served = await eventually(async () => {
      const r = await boundedGql(app!.url, q, 30_000);
      return r.body.errors === undefined;
    }, 90_000);
    expect(served).toBe(true);
    expect((await fetch(`${app!.url}/readyz`)).status).toBe(200);
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A built CLI (dist/src/cli/<file>) with exactly `env` (no NEO4J_URI unless given). */
function runCli(file: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', file), ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
