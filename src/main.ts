import { loadConfig, type Config } from './config';
import { Executor, executorOptions } from './db/executor';
import { migrate } from './db/migrate';
import { ClaimgraphError } from './errors';
import { startHttp, type HttpService } from './http/server';
import { createLogger } from './logger';
import { provideNeo4j, type Neo4jTarget } from './neo4j/provide';
import { loadSeed } from './data/seed';

/**
 * `npm start`: Neo4j (yours via NEO4J_URI, or the embedded default) → migrations → the seed
 * graph → the GraphQL server. Startup problems end the process with one readable line and a
 * non-zero exit, never a stack trace.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    fatal(err);
  }
  const logger = createLogger(config.logLevel);
  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;

  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 35_000);
    force.unref();
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
    }
    logger.info('stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    const target: Neo4jTarget = await provideNeo4j(config, logger, { supervise: true });
    cleanups.push(() => target.stop());
    const executor = await Executor.connect({ ...executorOptions(config), ...target, logger });
    cleanups.push(() => executor.close());
    const migrations = await migrate(executor, logger);
    logger.info(migrations, 'migrations checked');
    if (config.seedOnStart) await loadSeed(executor, config.seedDir, logger);
    const http: HttpService = await startHttp(config, logger, executor);
    cleanups.push(() => http.stop());
    target.announce(http.url);
    logger.info({ url: `${http.url}/graphql`, neo4j: target.mode }, 'claimgraph is ready');
    // A plain line for people: where to point a browser or curl.
    process.stderr.write(`claimgraph: GraphQL API ready at ${http.url}/graphql (Neo4j: ${target.mode})\n`);
  } catch (err) {
    if (err instanceof ClaimgraphError) {
      logger.fatal({ code: err.code }, err.message);
      process.stderr.write(`claimgraph: cannot start: ${err.message}\n`);
      await shutdown('startup failed', 1);
      return;
    }
    logger.fatal({ err }, 'unexpected startup failure');
    process.stderr.write(`claimgraph: cannot start: unexpected error (${String(err)}); see the log above.\n`);
    await shutdown('startup failed', 1);
  }
}

function fatal(err: unknown): never {
  process.stderr.write(`claimgraph: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

void main();
