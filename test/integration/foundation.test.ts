import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { migrate } from '../../src/db/migrate';
import { migrations } from '../../src/db/queries';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestApp, type TestApp } from '../support/app';
import { resetDatabase, testExecutor } from '../support/db';
import { testNeo4jEnv } from '../setup/neo4j-target';

let executor: Executor;
let app: TestApp;

beforeAll(async () => {
  executor = await testExecutor();
  await resetDatabase(executor);
  await migrate(executor);
  app = await startTestApp(executor);
});

afterAll(async () => {
  await app?.stop();
  await executor?.close();
});

describe('the real Neo4j', () => {
  it('round-trips a write and a read through named Cypher', async () => {
    await executor.write((tx) =>
      tx.run('load/upsert-actors', {
        at: new Date().toISOString(),
        by: 'test',
        actors: [{ id: 'round-trip', name: 'Round Trip', kind: 'OTHER', aliases: ['RT'], description: null }],
      }),
    );
    const rows = await executor.read('system/migrations-applied');
    expect(rows.map((r) => r.id)).toEqual(migrations().map((m) => m.id));
    const [info] = await executor.read('system/server-info');
    expect(info?.version).toMatch(/^5\./);
  });

  it('applies each migration once: a second run changes nothing', async () => {
    await resetDatabase(executor);
    const first = await migrate(executor);
    expect(first.applied).toEqual(migrations().map((m) => m.id));
    const recordedAt = (await executor.read('system/migrations-applied')).map((r) => r.appliedAt);
    const second = await migrate(executor);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect((await executor.read('system/migrations-applied')).map((r) => r.appliedAt)).toEqual(recordedAt);
  });
});

describe('GraphQL responses', () => {
  it('are never stored by a cache between the caller and the API, answers and errors alike', async () => {
    const post = (query: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    for (const res of [await post('{ __typename }'), await post('{ nope }')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('health endpoints', () => {
  it('/healthz says the process is up', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', neo4j: 'up' });
    expect(res.headers.get('x-request-id')).toMatch(/\S+/);
  });

  it('/readyz says Neo4j answers a query', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', neo4j: 'up' });
  });

  it('/readyz answers 503 when Neo4j does not answer', async () => {
    const lost = await testExecutor();
    const probe = await startTestApp(lost);
    try {
      await lost.close(); // the driver is gone: every query now fails, as with a dead server
      const res = await fetch(`${probe.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', neo4j: 'stopping' });
    } finally {
      await probe.stop();
    }
  });

  it('echoes a caller-supplied request id', async () => {
    const res = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
  });

  it('serves the GraphQL console at /console, loading nothing from a CDN', async () => {
    const res = await fetch(`${app.url}/console`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<title>claimgraph · GraphQL/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });

  it('serves the explorer at /, its scripts and styles from this server only', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<title>claimgraph explorer/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const js = await fetch(`${app.url}/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers an unknown route with a JSON 404 that points at the API', async () => {
    const res = await fetch(`${app.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No such route. The API is at POST /graphql.' },
    });
  });

  it('serves GraphQL with the Neo4j version', async () => {
    const { status, body } = await app.gql<{ serverInfo: { neo4jVersion: string } }>(
      '{ serverInfo { version neo4jVersion neo4jEdition } }',
    );
    expect(status).toBe(200);
    expect(body.data?.serverInfo.neo4jVersion).toMatch(/^5\./);
  });
});

/** Runs the built service (`npm start` runs the same file) and collects what it prints. */
function runService(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', SEED_ON_START: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('startup errors a newcomer can act on', () => {
  it('names the URI when Neo4j is unreachable, in one line, with a non-zero exit', async () => {
    const { code, stderr } = await runService({ NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/unreachable at bolt:\/\/127\.0\.0\.1:1/);
    expect(lines[0]).toMatch(/NEO4J_URI/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says which port is taken and how to choose another', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await runService({
        ...testNeo4jEnv(),
        PORT: String(port),
      });
      expect(code).not.toBe(0);
      expect(stderr.trim()).toBe(
        `claimgraph: cannot start: port ${port} on 127.0.0.1 is already in use; set PORT to a free port or stop the process holding it.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects an invalid setting by name', async () => {
    const { code, stderr } = await runService({ PORT: 'forty' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^claimgraph: environment variable PORT is invalid/);
  });

  it('shuts down cleanly on SIGTERM: stops taking requests, closes the driver, exits 0', async () => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        SEED_ON_START: 'false',
        PORT: '0',
        LOG_LEVEL: 'info',
        ...testNeo4jEnv(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /ready at (http:\/\/\S+)\/graphql/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.slice(-2)).toEqual(['shutting down', 'stopped']);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
