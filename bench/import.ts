/**
 * Bulk-import throughput: generates a deterministic synthetic graph (bench/synthetic.ts), imports
 * it into an empty database through `importPath` (what `npm run import` runs), and prints claims
 * per second for validation and for writing, then the time of a second, no-op run, then the floor
 * measured in the same run: the same claims written through the bare driver by one hand-written
 * statement per batch (see writeFloor), and the ratio import / floor.
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
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { anchorAt, codePoints } from '../src/data/anchor';
import { forBulkImport, loadConfig } from '../src/config';
import { connect } from '../src/cli/connect';
import { DEFAULT_BATCH_SIZE, importPath } from '../src/import';
import { readRecords } from '../src/import/read';
import { normalizeUrl } from '../src/import/validate';
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

// The floor of a bulk write on this machine: each claim created with its claimant, targets and
// excerpts (the same properties, ordering keys and anchors as import/write-claims,
// link-claim-targets and write-excerpts store, so the same indexes are fed), as one UNWIND
// statement per batch, through the bare driver. It leaves out what the import owes its users on
// top: validation against the graph, line hashes, voices, events, figures, denials, derived
// status and dispute links, and the audit event. Like scale.ts's floor, its Cypher lives here:
// it is the baseline, not something the service runs.
const FLOOR_WRITE = `
UNWIND $claims AS row
MATCH (a:Actor {id: row.claimant})
MATCH (s:Source {url: row.source})
CREATE (x:Claim {id: row.id, kind: row.kind, content: row.content, cue: row.cue,
                 statedOn: date(row.statedOn), originUrl: row.source, origin: 'CURATED',
                 verification: 'VERIFIED', sortKey: row.sortKey, confidenceKey: row.confidenceKey,
                 figureKeys: [], status: 'UNCONTESTED', createdAt: datetime($at), createdBy: 'floor'})
       -[:CLAIMED_BY {key: a.id + '|' + row.sortKey}]->(a)
FOREACH (e IN row.excerpts |
  CREATE (x)-[:EVIDENCED_BY]->(:Excerpt {id: e.id, exact: e.exact, prefix: e.prefix, suffix: e.suffix,
                                         start: e.start, end: e.end, position: e.position})-[:IN_SOURCE]->(s))
WITH x, row
UNWIND row.targets AS t
MATCH (b:Actor {id: t})
CREATE (x)-[:TARGETS {key: b.id + '|' + row.sortKey}]->(b)`;
const FLOOR_DELETE = `
MATCH (x:Claim) WHERE x.createdBy = 'floor'
CALL (x) {
  OPTIONAL MATCH (x)-[:EVIDENCED_BY]->(e:Excerpt)
  DETACH DELETE e, x
} IN TRANSACTIONS OF 5000 ROWS`;

/** Writes the file's claims (ids prefixed `floor-`) as FLOOR_WRITE does: how many, in how long. */
async function writeFloor(
  driver: Driver,
  database: string,
  file: string,
  batchSize: number,
): Promise<{ claims: number; seconds: number }> {
  const texts = new Map<string, string[]>();
  const batches: Record<string, unknown>[][] = [[]];
  for await (const read of readRecords(file)) {
    if (!read.ok) throw read.error;
    const r = read.item.record;
    if (r.type === 'source') texts.set(normalizeUrl(r.url), codePoints(r.text));
    if (r.type !== 'claim') continue;
    const id = `floor-${r.id}`;
    const source = normalizeUrl(r.source);
    const cps = texts.get(source) ?? [];
    const sortKey = `VERIFIED|${r.statedOn ?? '-'}|${id}`;
    let batch = batches[batches.length - 1]!;
    if (batch.length >= batchSize) batches.push((batch = []));
    batch.push({
      id,
      kind: r.kind,
      claimant: r.claimant,
      content: r.content,
      cue: r.cue ?? null,
      statedOn: r.statedOn ?? null,
      source,
      sortKey,
      confidenceKey: `VERIFIED|-|${id}`,
      targets: r.targets ?? [],
      excerpts: r.excerpts.map((x, i) => ({
        id: `${id}#${i}`,
        position: i,
        ...anchorAt(cps, x.start, x.end),
      })),
    });
  }
  const session = driver.session({ database });
  try {
    const t0 = Date.now();
    for (const claims of batches) {
      await session.executeWrite((tx) => tx.run(FLOOR_WRITE, { claims, at: new Date().toISOString() }));
    }
    return { claims: batches.reduce((n, b) => n + b.length, 0), seconds: (Date.now() - t0) / 1000 };
  } finally {
    await session.close();
  }
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
  let driver: Driver | undefined;
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
    // The floor, into the same store (so the same indexes, now holding the imported graph), then
    // removed again: a NEO4J_URI store is left as the import wrote it.
    const auth =
      target.password !== undefined ? neo4j.auth.basic(target.username, target.password) : undefined;
    driver = neo4j.driver(target.uri, auth, { disableLosslessIntegers: true });
    const floor = await writeFloor(driver, target.database, file, batchSize);
    const floorSeconds = floor.seconds;
    const floorRate = floor.claims / floorSeconds;
    console.log(
      `floor:    ${floorSeconds.toFixed(1)}s (${Math.round(floorRate)} claims/s: the same claims with claimants, targets and excerpts, one statement per batch, bare driver)`,
    );
    console.log(
      `import / floor: ${(result.written.claim / write / floorRate).toFixed(2)}x the floor's rate (write ${write.toFixed(1)}s against ${floorSeconds.toFixed(1)}s)`,
    );
    // CALL { } IN TRANSACTIONS runs in an auto-commit transaction only: session.run, not executeQuery.
    const cleanup = driver.session({ database: target.database });
    await cleanup.run(FLOOR_DELETE).finally(() => cleanup.close());
  } finally {
    await driver?.close();
    await executor.close();
    await target.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
