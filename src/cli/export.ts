import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pino from 'pino';
import { loadConfig } from '../config';
import { ClaimgraphError } from '../errors';
import {
  checkGraphFilter,
  describeProgress,
  exportGraph,
  parseGraphFilter,
  streamSink,
  type GraphFormat,
  type Sink,
} from '../export/graph';
import { claimJsonLd } from '../export/jsonld';
import { fail as failAs, parseCommandLine, parseOrExplain, UsageError } from './args';
import { connect } from './connect';

/**
 * `npm run export -- --format graphml|json|jsonld [--claim <id>] [--out <file>]
 *   [--actors a,b] [--kinds ACCUSATION,DENIAL] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
 * The same exports as GET /export/..., streamed page by page to --out (or stdout). Progress goes
 * to stderr once the graph spans more than one page.
 *
 * Nothing is opened before the filters are checked and the claim or actors are found, so a
 * mistake never touches --out. The export is written to `<out>.partial` beside it and renamed
 * over --out only once complete; on any failure the partial file is removed and --out is as it
 * was. A reader that closes stdout early (`| head`) ends the export quietly.
 */
const USAGE =
  'usage: npm run export -- --format graphml|json|jsonld [--claim <id>] [--out <file>] [--actors a,b] [--kinds K1,K2] [--from YYYY-MM-DD] [--to YYYY-MM-DD]';
const PAGE_SIZE = 500;

function parse(argv: string[]) {
  const { values: v } = parseCommandLine(argv, {
    format: { type: 'string' },
    claim: { type: 'string' },
    out: { type: 'string' },
    actors: { type: 'string' },
    kinds: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) return null;
  const format = v.format;
  if (format !== 'graphml' && format !== 'json' && format !== 'jsonld') {
    throw new UsageError('--format must be graphml, json or jsonld');
  }
  if (format === 'jsonld' && !v.claim) throw new UsageError('--format jsonld needs --claim <id>');
  if (format !== 'jsonld' && v.claim) throw new UsageError('--claim goes with --format jsonld');
  if (v.out === '') throw new UsageError('--out needs a file name');
  if (format === 'jsonld' && (v.actors || v.kinds || v.from || v.to)) {
    throw new UsageError('--actors, --kinds, --from and --to filter the graph formats, not jsonld');
  }
  const { help: _help, ...rest } = v;
  return { ...rest, format };
}

const fail = (message: string, code: number): void => failAs('export', message, code);

/** An output that cannot be written: reported as one line, exit code 1. */
class OutputError extends Error {}

/** The reason a write failed, in a few words (the errno code says it to those who know it). */
function writeProblem(err: NodeJS.ErrnoException): string {
  const reason: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    ENOTDIR: 'a part of its path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'it is a folder',
  };
  return err.code && reason[err.code] ? `${reason[err.code]} (${err.code})` : err.message;
}

/** What can be told about --out before anything is done: refuse a folder or a missing folder. */
function checkOutPath(out: string): void {
  try {
    if (fs.statSync(out).isDirectory()) throw new OutputError(`cannot write ${out}: it is a folder`);
  } catch (err) {
    if (err instanceof OutputError) throw err;
    // Not there yet: the usual case.
  }
  const dir = path.dirname(path.resolve(out));
  try {
    if (!fs.statSync(dir).isDirectory()) throw new OutputError(`cannot write ${out}: ${dir} is not a folder`);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    if (err instanceof OutputError) throw err;
    throw new OutputError(`cannot write ${out}: ${writeProblem(err as NodeJS.ErrnoException)}`);
  }
}

interface Output {
  sink: Sink;
  /** The error the stream reported, if any (EPIPE on stdout: the reader went away). */
  failure(): NodeJS.ErrnoException | null;
  /** Flushes, and for a file renames the partial file over --out. */
  commit(): Promise<void>;
  /** Gives up: for a file, the partial file is removed and --out left as it was. */
  abort(): void;
}

/** `<out>.partial`, renamed over `out` on commit. Resolves once the file is open. */
async function fileOutput(out: string): Promise<Output> {
  const partial = `${out}.partial`;
  let failure: NodeJS.ErrnoException | null = null;
  const stream = fs.createWriteStream(partial);
  stream.on('error', (err) => (failure ??= err));
  // Ctrl+C or a kill must not leave the partial file behind; the signal then does what it does.
  const onSignal = (signal: NodeJS.Signals) => {
    fs.rmSync(partial, { force: true });
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unhook = () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  const abort = () => {
    unhook();
    stream.destroy();
    fs.rmSync(partial, { force: true });
  };
  try {
    await once(stream, 'open');
  } catch (err) {
    abort();
    throw new OutputError(`cannot write ${out}: ${writeProblem(err as NodeJS.ErrnoException)}`);
  }
  const failed = () => new OutputError(`cannot write ${out}: ${writeProblem(failure!)}`);
  return {
    sink: streamSink(stream),
    failure: () => failure,
    async commit() {
      stream.end();
      await finished(stream).catch(() => undefined);
      if (failure) throw failed();
      try {
        fs.renameSync(partial, out);
      } catch (err) {
        failure = err as NodeJS.ErrnoException;
        throw failed();
      }
      unhook();
    },
    abort,
  };
}

function stdoutOutput(): Output {
  let failure: NodeJS.ErrnoException | null = null;
  process.stdout.on('error', (err) => (failure ??= err));
  return {
    sink: streamSink(process.stdout),
    failure: () => failure,
    async commit() {
      // A write the pipe refused reports its error a tick later.
      await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      await new Promise((resolve) => setImmediate(resolve));
      if (failure) throw new OutputError(`cannot write stdout: ${writeProblem(failure)}`);
    },
    abort: () => undefined,
  };
}

async function main(): Promise<void> {
  const args = parseOrExplain('export', USAGE, parse);
  if (args === undefined) return;
  if (args === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = Date.now();
  const where = args.out ?? 'stdout';
  const filterArgs = { actors: args.actors, kinds: args.kinds, from: args.from, to: args.to };
  // What needs no database is checked before Neo4j is started or reached.
  try {
    if (args.format !== 'jsonld') checkGraphFilter(filterArgs);
    if (args.out) checkOutPath(args.out);
  } catch (err) {
    if (err instanceof ClaimgraphError || err instanceof OutputError) return fail(err.message, 1);
    throw err;
  }
  let conn: Awaited<ReturnType<typeof connect>> | undefined;
  let output: Output | undefined;
  try {
    const config = loadConfig();
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
    conn = await connect('export', config, logger);
    const { executor } = conn;
    if (args.format === 'jsonld') {
      const doc = await claimJsonLd(executor, args.claim!);
      if (!doc) return fail(`--claim: no claim has the id "${args.claim}"`, 1);
      output = args.out ? await fileOutput(args.out) : stdoutOutput();
      await output.sink.write(`${JSON.stringify(doc, null, 2)}\n`);
      await output.commit();
      return;
    }
    const filter = await parseGraphFilter(executor, filterArgs);
    output = args.out ? await fileOutput(args.out) : stdoutOutput();
    const done = await exportGraph(executor, args.format as GraphFormat, filter, output.sink, {
      pageSize: PAGE_SIZE,
      onProgress: (p) => {
        if (p.actors + p.claims >= PAGE_SIZE)
          process.stderr.write(`claimgraph export: ${describeProgress(p)}\n`);
      },
    });
    await output.commit();
    process.stderr.write(
      `claimgraph export: wrote ${describeProgress(done)} as ${args.format} to ${where} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );
  } catch (err) {
    output?.abort();
    const failure = output?.failure();
    if (failure?.code === 'EPIPE') return; // the reader has all it wanted: not an error
    if (err instanceof OutputError || err instanceof ClaimgraphError) return fail(err.message, 1);
    if (failure) return fail(`cannot write ${where}: ${writeProblem(failure)}`, 1);
    // Neo4j gone mid-export, or a bug: one line (the stack with LOG_LEVEL=debug), and --out intact.
    if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? ''))
      process.stderr.write(`${(err as Error).stack}\n`);
    const message = String((err as Error).message ?? err).split('\n')[0];
    fail(`export failed${args.out ? ` (${args.out} left as it was)` : ''}: ${message}`, 1);
  } finally {
    await conn?.executor.close().catch(() => undefined);
    await conn?.target.stop().catch(() => undefined);
  }
}

void main();
