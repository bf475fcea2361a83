import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config';
import { loadBundles } from '../data/load';
import { readSourcePath } from '../data/validate';
import { ClaimgraphError } from '../errors';
import { cliWriter, connect } from './connect';

/**
 * `npm run load -- <file.yaml|folder>`: validates every file first (nothing is written if one is
 * invalid), then loads each source in its own transaction, printing one progress line per file.
 * Files already loaded with the same content are reported as unchanged and not written.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    process.stderr.write('claimgraph load: usage: npm run load -- <source-file.yaml | folder of them>\n');
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  let conn: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    const bundles = readSourcePath(path.resolve(target));
    process.stderr.write(`claimgraph load: ${bundles.length} source file(s) valid; loading\n`);
    const config = loadConfig();
    const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
    conn = await connect('load', config, logger);
    const results = await loadBundles(conn.executor, bundles, cliWriter(), (done, total, r) => {
      process.stderr.write(
        `[${done}/${total}] ${r.status === 'loaded' ? 'loaded   ' : 'unchanged'} ${path.relative(process.cwd(), r.file)} (${r.claims} claims)\n`,
      );
      if (r.orphans.length) {
        process.stderr.write(
          `  warning: ${r.orphans.length} claim(s) loaded from an earlier version of this file are no longer in it and stay live: ${r.orphans.join(', ')}; retract them (retractClaim) if they were wrong\n`,
        );
      }
    });
    const loaded = results.filter((r) => r.status === 'loaded').length;
    process.stdout.write(
      `loaded ${loaded}, unchanged ${results.length - loaded}, in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
    );
  } catch (err) {
    if (!(err instanceof ClaimgraphError)) throw err;
    process.stderr.write(`claimgraph load: ${err.message}\n`);
    process.exitCode = 1;
  } finally {
    await conn?.executor.close().catch(() => undefined);
    await conn?.target.stop().catch(() => undefined);
  }
}

void main();
