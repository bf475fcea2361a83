import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { runningFile, type RunningService } from '../../src/neo4j/running';
import { freePort } from '../../src/net';

export { freePort };

/**
 * The built service (`npm start` runs the same file) on its OWN embedded Neo4j: its own store in
 * a temporary folder and its own Bolt port, so a test may kill that Neo4j without touching the
 * run's shared database.
 */
export interface SpawnedService {
  url: string;
  dataDir: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the service wrote so far (JSON log lines on stdout, the ready line on stderr). */
  output(): string;
  /** The running-service file the service keeps in its data folder. */
  running(): RunningService;
  stop(): Promise<void>;
}

/** The environment of a service or CLI on the embedded default in `dataDir` (no NEO4J_URI). */
export function embeddedEnv(dataDir: string, boltPort: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_HEAP: '384m',
    NEO4J_PAGECACHE: '32m',
  };
}

export async function spawnService(env: Record<string, string> = {}): Promise<SpawnedService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-service-'));
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    cwd: PROJECT_ROOT,
    // A long transaction timeout: a cold start's seed load on a loaded test machine can take 15 s.
    env: {
      ...embeddedEnv(dataDir, await freePort()),
      PORT: '0',
      LOG_LEVEL: 'info',
      NEO4J_TX_TIMEOUT_MS: '60000',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 150 s: ${out.slice(-2000)}`)), 150_000);
    const onData = () => {
      const m = /ready at (http:\/\/\S+)\/graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the service exited before it was ready: ${out.slice(-2000)}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => out,
    running: () => JSON.parse(fs.readFileSync(runningFile(dataDir), 'utf8')) as RunningService,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 40_000);
        await exited;
        clearTimeout(force);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A GraphQL request bounded by a client timeout: a slow answer fails the test, not a stopwatch. */
export async function boundedGql(
  url: string,
  query: string,
  timeoutMs: number,
): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Polls `check` every 250 ms until it returns true; false if `deadlineMs` passes first. */
export async function eventually(check: () => Promise<boolean>, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
