import fs from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../config';
import { ClaimgraphError } from '../errors';
import {
  exportGraph,
  parseGraphFilter,
  streamSink,
  type ExportProgress,
  type GraphFormat,
} from '../export/graph';
import { claimJsonLd } from '../export/jsonld';
import { fail as failAs, parseCommandLine, parseOrExplain, UsageError } from './args';
import { connect } from './connect';

/**
 * `npm run export -- --format graphml|json|jsonld [--claim <id>] [--out <file>]
 *   [--actors a,b] [--kinds ACCUSATION,DENIAL] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
 * The same exports as GET /export/..., streamed page by page to --out (or stdout). Progress goes
 * to stderr once the graph spans more than one page.
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
  const { help: _help, ...rest } = v;
  return { ...rest, format };
}

const fail = (message: string, code: number): void => failAs('export', message, code);

async function main(): Promise<void> {
  const args = parseOrExplain('export', USAGE, parse);
  if (args === undefined) return;
  if (args === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = Date.now();
  let conn: Awaited<ReturnType<typeof connect>> | undefined;
  const out = args.out ? fs.createWriteStream(args.out) : process.stdout;
  try {
    const config = loadConfig();
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
    conn = await connect('export', config, logger);
    const sink = streamSink(out);
    if (args.format === 'jsonld') {
      const doc = await claimJsonLd(conn.executor, args.claim!);
      if (!doc) return fail(`no claim has the id "${args.claim}"`, 1);
      await sink.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      const filter = await parseGraphFilter(conn.executor, args);
      const report = (p: ExportProgress) => `${p.actors} actors, ${p.claims} claims, ${p.edges} edges`;
      const done = await exportGraph(conn.executor, args.format as GraphFormat, filter, sink, {
        pageSize: PAGE_SIZE,
        onProgress: (p) => {
          if (p.actors + p.claims >= PAGE_SIZE) process.stderr.write(`claimgraph export: ${report(p)}\n`);
        },
      });
      process.stderr.write(
        `claimgraph export: wrote ${report(done)} as ${args.format}${args.out ? ` to ${args.out}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
      );
    }
  } catch (err) {
    if (!(err instanceof ClaimgraphError)) throw err;
    fail(err.message, 1);
  } finally {
    if (args.out) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
    await conn?.executor.close().catch(() => undefined);
    await conn?.target.stop().catch(() => undefined);
  }
}

void main();
