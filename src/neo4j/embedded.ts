import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { StartupError } from '../errors';
import type { Logger } from '../logger';
import { NEO4J_DIR, PROJECT_ROOT } from '../paths';

/**
 * The embedded default: neo4j/Launcher.java run on the jars Maven fetched into neo4j/lib.
 * It is a child process of the API (or of the test run), and it exits when its parent dies.
 */
export interface EmbeddedOptions {
  dataDir: string;
  boltPort: number;
  heap: string;
  pagecache: string;
  txTimeoutSeconds?: number;
  logger?: Logger;
  /** How long to wait for "ready" (the first start compiles the launcher and creates the store). */
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Settles when the JVM exits, for whatever reason (a stop, a crash, `kill -9`). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const READY = 'claimgraph-neo4j ready ';
const FAILED = 'claimgraph-neo4j error ';
const ALTERNATIVES = 'or set NEO4J_URI to your own Neo4j 5 server, or run `docker compose up`';

/** JVM flags from Neo4j's stock configuration for Java 17; without java.nio it runs degraded. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+ExitOnOutOfMemoryError',
];

async function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Fetches the jars if `npm install` could not (e.g. Maven was installed afterwards). */
async function ensureJars(): Promise<void> {
  if (fs.existsSync(path.join(NEO4J_DIR, 'lib', '.fetched'))) return;
  const code = await run(process.execPath, [
    path.join(PROJECT_ROOT, 'scripts', 'fetch-neo4j.js'),
    '--required',
  ]);
  if (code !== 0) {
    throw new StartupError(
      'EMBEDDED_NEO4J_FAILED',
      `the embedded Neo4j could not be installed (see above); ${ALTERNATIVES}.`,
    );
  }
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  await ensureJars();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const args = [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    ...JVM_FLAGS,
    '-cp',
    path.join(NEO4J_DIR, 'lib', '*'),
    path.join(NEO4J_DIR, 'Launcher.java'),
    '--data',
    opts.dataDir,
    '--port',
    String(opts.boltPort),
    '--pagecache',
    opts.pagecache,
    '--tx-timeout-seconds',
    String(opts.txTimeoutSeconds ?? 60),
  ];
  const child = spawn('java', args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = opts.logger?.child({ component: 'embedded-neo4j' });
  // The supervisor (src/neo4j/provide.ts) learns of a death from this, within milliseconds.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const uri = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const lastLines: string[] = [];
    const settle = (err: Error | null, value?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        child.kill('SIGKILL');
        reject(err);
      } else resolve(value!);
    };
    const timer = setTimeout(
      () =>
        settle(
          new StartupError(
            'EMBEDDED_NEO4J_FAILED',
            `the embedded Neo4j did not report ready within ${(opts.startTimeoutMs ?? 180000) / 1000}s; ${ALTERNATIVES}.`,
          ),
        ),
      opts.startTimeoutMs ?? 180000,
    );
    const onLine = (line: string) => {
      lastLines.push(line);
      if (lastLines.length > 10) lastLines.shift();
      if (line.startsWith(READY)) {
        settle(null, line.slice(READY.length).split(' ')[0]!);
      } else if (line.startsWith(FAILED)) {
        const problem = line.slice(FAILED.length);
        const code = problem.includes('already in use') ? 'PORT_IN_USE' : 'EMBEDDED_NEO4J_FAILED';
        settle(new StartupError(code, `the embedded Neo4j could not start: ${problem}`));
      } else {
        log?.debug({ line }, 'neo4j output');
      }
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', onLine);
    child.on('error', (err: NodeJS.ErrnoException) => {
      settle(
        err.code === 'ENOENT'
          ? new StartupError(
              'EMBEDDED_NEO4J_FAILED',
              `the embedded Neo4j needs Java 17, but \`java\` was not found on PATH; install OpenJDK 17 and Maven, ${ALTERNATIVES}.`,
            )
          : err,
      );
    });
    child.on('exit', (code) => {
      settle(
        new StartupError(
          'EMBEDDED_NEO4J_FAILED',
          `the embedded Neo4j exited (code ${code}) before it was ready: ${lastLines.slice(-3).join(' | ')}`,
        ),
      );
    });
  });
  log?.info({ uri, pid: child.pid, dataDir: opts.dataDir }, 'embedded Neo4j ready');
  return { uri, pid: child.pid!, exited, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // SIGTERM runs the launcher's shutdown hook: Neo4j checkpoints and closes the store.
    child.kill('SIGTERM');
  });
}
