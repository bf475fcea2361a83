/**
 * Bulk-import throughput: generates a deterministic synthetic graph (bench/synthetic.ts), imports
 * it into an empty database through `importPath` (what `npm run import` runs), and prints claims
 * per second for validation and for writing, then the time of a second, no-op run.
 *
 *   npm run bench:import -- --claims 100000 [--batch N]   (default: the import's own default)
 *
 * Uses NEO4J_URI when set, else starts the embedded Neo4j in a throwaway store. The database must
 * be empty (the run would otherwise measure against other data).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { forBulkImport, loadConfig } from '../src/config';
import { connect } from '../src/cli/connect';
import { DEFAULT_BATCH_SIZE, importPath } from '../src/import';
import { freePort } from '../src/net';
import { statementTimesTable } from './statement-times';
import { writeSynthetic } from './synthetic';

/**
 * CPU seconds the embedded JVM (the one whose command line names `storeDir`) has used, from
 * /proc (Linux); null elsewhere or for NEO4J_URI. On a machine shared with other work, CPU time
 * says more than wall time: it does not count the time spent waiting for a core.
 */
function jvmCpuSeconds(storeDir: string): number | null {
  try {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let cmd: string;
      try {
        cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.startsWith('java') || !cmd.includes(storeDir)) continue;
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system ticks.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    }
  } catch {
    return null;
  }
  return null;
}

async function main() {
  const { values } = parseArgs({ options: { claims: { type: 'string' }, batch: { type: 'string' } } });
  const claims = Number(values.claims ?? 100_000);
  const batchSize = Number(values.batch ?? DEFAULT_BATCH_SIZE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-import-'));
  if (!process.env.NEO4J_URI) {
    // A throwaway store on a free port, beside (never on) a running `npm start`.
    process.env.NEO4J_DATA_DIR = path.join(dir, 'store');
    process.env.NEO4J_BOLT_PORT ??= String(await freePort());
  }
  const file = path.join(dir, 'synthetic.ndjson');
  const size = {
    claims,
    actors: Math.max(10, Math.round(claims / 200)),
    sources: Math.max(1, Math.round(claims / 50)),
  };
  const g0 = Date.now();
  const { lines } = await writeSynthetic(file, size);
  console.log(
    `generated ${lines} lines (${size.claims} claims, ${size.actors} actors, ${size.sources} sources) in ${((Date.now() - g0) / 1000).toFixed(1)}s, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`,
  );

  const config = forBulkImport(loadConfig());
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const { executor, target } = await connect('bench:import', config, logger);
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `Neo4j: ${target.mode === 'external' ? `NEO4J_URI ${target.uri}` : `embedded, heap ${config.embedded.heap}, page cache ${config.embedded.pagecache}`}; ` +
      `${os.cpus().length} cores, load average ${load()}`,
  );
  try {
    const [row] = await executor.read('system/node-count');
    const before = Number(row?.nodes);
    let planned = 0;
    executor.statementTimes.clear(); // the import's statements only, not the migrations'
    const store = process.env.NEO4J_DATA_DIR ?? '';
    let jvmAtPlan: number | null = null;
    let nodeAtPlan = process.cpuUsage();
    const t0 = Date.now();
    const result = await importPath(
      executor,
      file,
      { by: 'bench', role: 'system' },
      {
        batchSize,
        onPlan: () => {
          planned = Date.now();
          jvmAtPlan = store ? jvmCpuSeconds(store) : null;
          nodeAtPlan = process.cpuUsage();
        },
      },
    );
    const t1 = Date.now();
    const jvmAtEnd = store ? jvmCpuSeconds(store) : null;
    const nodeCpu = process.cpuUsage(nodeAtPlan);
    const validate = (planned - t0) / 1000;
    const write = (t1 - planned) / 1000;
    console.log(`graph before: ${before} nodes (migrations only when 0-ish)`);
    console.log(`validate: ${validate.toFixed(1)}s (${Math.round(claims / validate)} claims/s)`);
    console.log(
      `write:    ${write.toFixed(1)}s (${Math.round(result.written.claim / write)} claims/s, ${result.batches} batches of ${batchSize})`,
    );
    console.log(
      `total:    ${((t1 - t0) / 1000).toFixed(1)}s (${Math.round(claims / ((t1 - t0) / 1000))} claims/s end to end)`,
    );
    console.log(`load average after the write: ${load()}`);
    const nodeSeconds = (nodeCpu.user + nodeCpu.system) / 1e6;
    const jvmSeconds = jvmAtPlan !== null && jvmAtEnd !== null ? jvmAtEnd - jvmAtPlan : null;
    console.log(
      `CPU while writing: Neo4j ${jvmSeconds === null ? 'n/a' : `${jvmSeconds.toFixed(1)} s (${((1000 * jvmSeconds) / result.written.claim).toFixed(2)} ms per claim)`}, ` +
        `Node ${nodeSeconds.toFixed(1)} s (${((1000 * nodeSeconds) / result.written.claim).toFixed(2)} ms per claim)`,
    );
    // Where the writing went: each statement's share of the time spent waiting on the server.
    for (const line of statementTimesTable(executor)) console.log(line);
    const t2 = Date.now();
    const again = await importPath(executor, file, { by: 'bench', role: 'system' }, { batchSize });
    console.log(
      `second run: ${((Date.now() - t2) / 1000).toFixed(1)}s, wrote ${again.written.claim} claims, ${again.unchanged} unchanged`,
    );
  } finally {
    await executor.close();
    await target.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
