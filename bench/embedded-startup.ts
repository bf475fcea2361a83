/**
 * Measures the embedded default the way `npm start` runs it: time from process start to "GraphQL
 * API ready" on an empty store (cold: creates the store, applies migrations, loads the seed) and
 * on the same store again (warm), the resident memory of the API process and of the Neo4j JVM,
 * and the time a SIGTERM takes to stop both.
 *
 *   npm run bench
 *
 * The jar fetch is not repeated here (it needs an empty Maven cache): scripts/fetch-neo4j.js
 * prints its own duration on `npm install`.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import { freePort } from '../src/net';

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function javaChild(pid: number): number | null {
  try {
    const out = execFileSync('pgrep', ['-P', String(pid), 'java'], { encoding: 'utf8' }).trim();
    return out ? Number(out.split('\n')[0]) : null;
  } catch {
    return null;
  }
}

interface Run {
  readyMs: number;
  apiRss: number;
  neo4jRss: number;
  stopMs: number;
}

async function run(dataDir: string): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NEO4J_URI: '',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: String(await freePort()),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('GraphQL API ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`service exited (${code}): ${err}`)));
  });
  const readyMs = Date.now() - started;
  // Let the JIT and the page cache settle briefly, as a served process would.
  await new Promise((r) => setTimeout(r, 2000));
  const java = javaChild(child.pid!);
  const apiRss = rssMiB(child.pid!);
  const neo4jRss = java ? rssMiB(java) : NaN;
  const stopStarted = Date.now();
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { readyMs, apiRss, neo4jRss, stopMs: Date.now() - stopStarted };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-'));
  try {
    const cold = await run(dataDir);
    const warm = await run(dataDir);
    const row = (name: string, r: Run) =>
      `${name.padEnd(6)} ready ${String(r.readyMs).padStart(6)} ms   API RSS ${String(r.apiRss).padStart(4)} MiB   Neo4j RSS ${String(r.neo4jRss).padStart(5)} MiB   stop ${String(r.stopMs).padStart(5)} ms`;
    console.log(`embedded default on ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
    console.log(row('cold', cold));
    console.log(row('warm', warm));
    console.log(`warm/cold ready-time ratio: ${(warm.readyMs / cold.readyMs).toFixed(2)}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
