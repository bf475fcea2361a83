/**
 * Measures what a client sees when the embedded Neo4j dies under a running API: `kill -9` of the
 * JVM, then a GraphQL read every 100 ms (each bounded by a 2 s client timeout) until one succeeds.
 *
 *   npm run bench:recovery [-- <rounds>]      (default 3 rounds, on one store)
 *
 * Prints, per round: time from the kill to the first NEO4J_UNAVAILABLE answer, the slowest
 * NEO4J_UNAVAILABLE answer, and the time from the kill to the first successful answer (the
 * supervisor's restart, Neo4j's recovery, and the probe closing the circuit), with the API
 * process the same throughout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import { runningFile, type RunningService } from '../src/neo4j/running';
import { freePort } from '../src/net';

const QUERY = '{ claim(id: "pakistan-accuses-kabul-of-harboring-ttp") { id } }';

async function ask(url: string): Promise<{ ok: boolean; code: string | undefined; ms: number }> {
  const started = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { ok: !body.errors, code: body.errors?.[0]?.extensions?.code, ms: Date.now() - started };
  } catch {
    return { ok: false, code: 'CLIENT_TIMEOUT', ms: Date.now() - started };
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-recovery-'));
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
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /ready at (http:\/\/\S+)\/graphql/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`the service exited: ${err}`)));
  });
  const apiPid = child.pid;
  process.stdout.write('round  first NEO4J_UNAVAILABLE  slowest NEO4J_UNAVAILABLE  serving again\n');
  try {
    for (let round = 1; round <= rounds; round++) {
      const { neo4jPid } = JSON.parse(fs.readFileSync(runningFile(dataDir), 'utf8')) as RunningService;
      const killed = Date.now();
      process.kill(neo4jPid, 'SIGKILL');
      let firstUnavailable: number | undefined;
      let slowest = 0;
      for (;;) {
        const r = await ask(url);
        if (r.ok) break;
        if (r.code === 'NEO4J_UNAVAILABLE') {
          firstUnavailable ??= Date.now() - killed;
          slowest = Math.max(slowest, r.ms);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const serving = Date.now() - killed;
      if (child.pid !== apiPid || child.exitCode !== null) throw new Error('the API process restarted');
      process.stdout.write(
        `${String(round).padEnd(7)}${`${firstUnavailable ?? '-'} ms`.padEnd(25)}${`${slowest} ms`.padEnd(27)}${(serving / 1000).toFixed(1)} s\n`,
      );
      // A healthy run before the next kill, so the supervisor restarts at once (no backoff).
      await new Promise((resolve) => setTimeout(resolve, round < rounds ? 61_000 : 0));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
