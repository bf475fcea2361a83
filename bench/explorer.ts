/**
 * Times the explorer as a fact-checker meets it: from navigation to the claim view rendered (the
 * page sets `performance.mark('claimgraph:ready:claim')` once its first answer is drawn), in
 * Debian's Chromium, on the seed graph and then on the seed plus 100,000 synthetic claims.
 *
 *   npm run bench:explorer            (CLAIMS=20000 for a shorter run)
 *
 * It starts its own embedded Neo4j on a throwaway store and the real HTTP server in-process;
 * each timed navigation uses a fresh browser context (no cache). Not a test: it prints figures.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../src/config';
import { loadBundles } from '../src/data/load';
import { readSourcePath } from '../src/data/validate';
import { Executor } from '../src/db/executor';
import { migrate } from '../src/db/migrate';
import { startHttp } from '../src/http/server';
import { createLogger } from '../src/logger';
import { startEmbedded } from '../src/neo4j/embedded';
import { PROJECT_ROOT, SEED_DIR } from '../src/paths';
import { freePort } from '../src/net';
import { refreshClaimStatus } from '../src/writes/status';

const CLAIMS = Number(process.env.CLAIMS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 10);
const PER_SOURCE = 100;
const BATCH = 5_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED_CLAIM = 'pakistan-accuses-kabul-of-harboring-ttp';
const KINDS = [
  'STATEMENT',
  'ACCUSATION',
  'COMMITMENT',
  'FIGURE',
  'STATEMENT',
  'ACCUSATION',
  'STATEMENT',
  'COMMITMENT',
  'ACCUSATION',
];
/** Synthetic claimants, plus the seed's two governments so their views grow with the graph. */
const ACTORS = 200;

const actorId = (i: number) =>
  i % 50 === 0
    ? 'pakistan-government'
    : i % 50 === 25
      ? 'taliban-government'
      : `synthetic-actor-${(i % ACTORS) + 1}`;
const claimId = (i: number) => `synthetic-claim-${String(i).padStart(6, '0')}`;
const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);

/** Deterministic: claim i is the same sentence, in the same source, at the same offsets, every run. */
function batch(from: number, to: number) {
  const sources: Record<string, unknown>[] = [];
  const claims: Record<string, unknown>[] = [];
  for (let first = from; first < to; first += PER_SOURCE) {
    const url = `https://example.org/synthetic/${Math.floor(first / PER_SOURCE) + 1}`;
    const sentences: string[] = [];
    for (let i = first; i < Math.min(first + PER_SOURCE, to); i++) {
      const kind = i % 10 === 9 ? 'DENIAL' : (KINDS[i % KINDS.length] as string);
      sentences.push(
        kind === 'DENIAL'
          ? `Synthetic speaker ${(i % ACTORS) + 1} denied report number ${i - 1} about matter ${i % 997}.`
          : `Synthetic speaker ${(i % ACTORS) + 1} said matter ${i % 997} was settled in report number ${i}.`,
      );
    }
    const text = sentences.join(' ');
    let offset = 0;
    sentences.forEach((sentence, k) => {
      const i = first + k;
      const kind = i % 10 === 9 ? 'DENIAL' : (KINDS[i % KINDS.length] as string);
      const start = offset; // ASCII only: code points = UTF-16 units
      offset += sentence.length + 1;
      claims.push({
        id: claimId(i),
        kind,
        content:
          kind === 'DENIAL' ? `Report ${i - 1} is false.` : `Matter ${i % 997} was settled (report ${i}).`,
        cue: kind === 'DENIAL' ? 'denied' : 'said',
        statedOn: day(i),
        url,
        claimant: actorId(i),
        target: actorId(i + 7),
        exact: sentence,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + sentence.length, start + sentence.length + 32),
        start,
        end: start + sentence.length,
        denies: kind === 'DENIAL' ? claimId(i - 1) : null,
      });
    });
    sources.push({
      url,
      title: `Synthetic source ${Math.floor(first / PER_SOURCE) + 1}`,
      publishedAt: day(first),
      text,
      contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
    });
  }
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `synthetic-actor-${i + 1}`,
    name: `Synthetic Actor ${i + 1}`,
    kind: 'OTHER',
  }));
  return { sources, actors, claims, at: new Date().toISOString(), by: 'bench:synthetic' };
}

async function generate(executor: Executor, total: number): Promise<number> {
  const started = Date.now();
  for (let from = 0; from < total; from += BATCH) {
    const params = batch(from, Math.min(from + BATCH, total));
    await executor.write(async (tx) => {
      await tx.run('bench/explorer-synthetic', params);
      // Stored statuses, as every write keeps them (denials in the batch dispute their targets).
      await refreshClaimStatus(
        tx,
        params.claims.map((c) => (c as { id: string }).id),
      );
    });
    process.stderr.write(`\r  generated ${Math.min(from + BATCH, total)} / ${total} claims`);
  }
  process.stderr.write('\n');
  return (Date.now() - started) / 1000;
}

interface Timing {
  median: number;
  p90: number;
  min: number;
  max: number;
}

async function timeClaimView(browser: Browser, base: string, id: string): Promise<Timing> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/#/claim/${encodeURIComponent(id)}`);
    await page.locator('main[data-ready="claim"]').waitFor({ state: 'attached', timeout: 120_000 });
    const ms = await page.evaluate(
      () => performance.getEntriesByName('claimgraph:ready:claim')[0]?.startTime ?? NaN,
    );
    await context.close();
    if (run >= 2) samples.push(ms); // two warm-ups: Cypher plans, JIT
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return {
    median: at(0.5),
    p90: at(0.9),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

const fmt = (t: Timing) =>
  `median ${t.median.toFixed(0)} ms, p90 ${t.p90.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)}; ${RUNS} runs)`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'web', 'app.js')))
    throw new Error('run `npm run build` first');
  const dataDir = path.join(PROJECT_ROOT, '.neo4j-data', `bench-explorer-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const embedded = await startEmbedded({
    dataDir,
    boltPort: await freePort(),
    heap: process.env.NEO4J_HEAP ?? '1g',
    pagecache: process.env.NEO4J_PAGECACHE ?? '512m',
  });
  const executor = await Executor.connect({
    uri: embedded.uri,
    username: 'neo4j',
    password: undefined,
    database: 'neo4j',
    txTimeoutMs: 300_000,
  });
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'silent' });
  const http = await startHttp(config, createLogger('silent'), executor);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    await migrate(executor);
    await loadBundles(executor, readSourcePath(SEED_DIR), { by: 'loader:bench', role: 'system' });
    const seed = await timeClaimView(browser, http.url, SEED_CLAIM);
    console.log(`seed graph (19 claims), ${SEED_CLAIM}: ${fmt(seed)}`);

    const seconds = await generate(executor, CLAIMS);
    const [row] = await executor.read('system/node-count');
    console.log(
      `generated ${CLAIMS} synthetic claims in ${seconds.toFixed(1)} s (${String(row?.nodes)} nodes in all)`,
    );
    const big = await timeClaimView(browser, http.url, SEED_CLAIM);
    console.log(`${CLAIMS} + 19 claims, ${SEED_CLAIM}: ${fmt(big)}`);
    // i % 10 === 8: claim i + 1 denies it, so it is disputed.
    const synthetic = claimId(Math.floor(CLAIMS / 20) * 10 - 2);
    const other = await timeClaimView(browser, http.url, synthetic);
    console.log(
      `${CLAIMS} + 19 claims, ${synthetic} (disputed, in a source of ${PER_SOURCE} claims): ${fmt(other)}`,
    );
  } finally {
    await browser.close();
    await http.stop();
    await executor.close();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
