import path from 'node:path';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { loadConfig } from '../config';
import { ClaimgraphError } from '../errors';
import { DEFAULT_BATCH_SIZE, ImportInvalidError, importPath } from '../import';
import { fail, parseCommandLine, parseOrExplain, UsageError } from './args';
import { cliWriter, connect } from './connect';

/**
 * `npm run import -- <file.ndjson | folder> [--batch N]`: bulk import (README "Bulk import").
 * Pass one validates every line and writes nothing if one is wrong (every error printed, file and
 * line); pass two writes in batches of N records, one transaction each, with a progress bar
 * (records/s, ETA) on stderr. Running it again writes nothing; after a crash it goes on from
 * the last committed batch.
 */
const USAGE = 'usage: npm run import -- <file.ndjson | folder of them> [--batch N]';

function parse(argv: string[]) {
  const { values, positionals } = parseCommandLine(
    argv,
    { batch: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError('name one .ndjson file or folder');
  const batch = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 50_000) {
    throw new UsageError('--batch must be a whole number from 1 to 50000');
  }
  return { target: path.resolve(positionals[0]!), batch };
}

async function main(): Promise<void> {
  const args = parseOrExplain('import', USAGE, parse);
  if (args === undefined) return;
  if (args === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'claimgraph import: [{bar}] {percentage}% | {value}/{total} records | {rate} records/s | ETA {eta_formatted}',
      // Without a terminal (CI, a log file) one line every few seconds instead of redraws.
      noTTYOutput: !tty,
      notTTYSchedule: 5000,
      etaBuffer: 20,
      hideCursor: tty,
    },
    cliProgress.Presets.shades_classic,
  );
  let conn: Awaited<ReturnType<typeof connect>> | undefined;
  let writeStarted = 0;
  try {
    // A batch (thousands of records) is one transaction by design; the 15 s default is the API's
    // budget for one request, which a batch on a busy machine can exceed (it then fails whole and
    // stops the import). Ten minutes, unless NEO4J_TX_TIMEOUT_MS says otherwise.
    process.env.NEO4J_TX_TIMEOUT_MS ??= '600000';
    const config = loadConfig();
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
    conn = await connect('import', config, logger);
    process.stderr.write(
      `claimgraph import: validating ${path.relative(process.cwd(), args.target) || '.'}\n`,
    );
    const result = await importPath(conn.executor, args.target, cliWriter(), {
      batchSize: args.batch,
      onValidate: (lines) => {
        if (lines % 100_000 === 0) process.stderr.write(`claimgraph import: ${lines} lines checked\n`);
      },
      onPlan: (plan) => {
        const total = Object.values(plan.toWrite).reduce((a, b) => a + b, 0);
        process.stderr.write(
          `claimgraph import: valid; ${total} record(s) to write, ${plan.unchanged.size} already in the graph\n`,
        );
        writeStarted = Date.now();
        if (total > 0) bar.start(total, 0, { rate: '0' });
      },
      onBatch: (p) => {
        const seconds = (Date.now() - writeStarted) / 1000;
        bar.update(p.written, { rate: seconds > 0 ? Math.round(p.written / seconds).toString() : '0' });
      },
    });
    bar.stop();
    const seconds = (Date.now() - (writeStarted || started)) / 1000;
    const w = result.written;
    process.stdout.write(
      `imported ${w.claim} claims, ${w.actor} actors, ${w.source} sources, ${w.event} events, ${w.role} roles, ${result.denials} denial links ` +
        `in ${result.batches} batch(es); ${result.unchanged} unchanged; ` +
        `${seconds.toFixed(1)}s writing${w.claim && seconds > 0 ? ` (${Math.round(w.claim / seconds)} claims/s)` : ''}, ` +
        `${((Date.now() - started) / 1000).toFixed(1)}s in all\n`,
    );
  } catch (err) {
    bar.stop();
    if (err instanceof ImportInvalidError) {
      for (const e of err.errors) process.stderr.write(`  ${e.message}\n`);
      fail(
        'import',
        `nothing was imported: ${err.errors.length} problem(s) above${err.errors.length >= 20 ? ' (the first 20)' : ''}`,
        1,
      );
    } else if (err instanceof ClaimgraphError) {
      fail('import', err.message, 1);
    } else {
      throw err;
    }
  } finally {
    await conn?.executor.close().catch(() => undefined);
    await conn?.target.stop().catch(() => undefined);
  }
}

void main();
