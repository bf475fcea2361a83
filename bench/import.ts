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
import { loadConfig } from '../src/config';
import { connect } from '../src/cli/connect';
import { DEFAULT_BATCH_SIZE, importPath } from '../src/import';
import { freePort } from '../src/net';
import { statementTimesTable } from './statement-times';
import { writeSynthetic } from './synthetic';

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
  // As `npm run import` does: a batch is one long transaction, not an API request.
  process.env.NEO4J_TX_TIMEOUT_MS ??= '600000';
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

  const config = loadConfig();
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
    const t0 = Date.now();
    const result = await importPath(
      executor,
      file,
      { by: 'bench', role: 'system' },
      {
        batchSize,
        onPlan: () => (planned = Date.now()),
      },
    );
    const t1 = Date.now();
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
