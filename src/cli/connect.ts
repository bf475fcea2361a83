import net from 'node:net';
import os from 'node:os';
import type { Config } from '../config';
import type { Writer } from '../db/audit';
import { Availability } from '../db/availability';
import { Executor, executorOptions } from '../db/executor';
import { migrate } from '../db/migrate';
import { StartupError } from '../errors';
import type { Logger } from '../logger';
import { provideNeo4j, type Neo4jTarget } from '../neo4j/provide';
import { describeRunning, findRunning } from '../neo4j/running';

/** The command line the user ran, for a hint that repeats it with NEO4J_URI set. */
function rerunHint(script: string, boltPort: number | string): string {
  const args = process.argv
    .slice(2)
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
  return `NEO4J_URI=bolt://127.0.0.1:${boltPort} npm run ${script} -- ${args}`;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(true));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}

/**
 * The embedded default can have only one owner: a running `npm start` holds both its Bolt port and
 * the store lock on its data folder. Say so in one line, and how to reach that server instead.
 */
function embeddedBusy(script: string, what: string, boltPort: number | string): StartupError {
  return new StartupError(
    'EMBEDDED_NEO4J_FAILED',
    `${what}, probably by a running claimgraph server; stop the server, or point this command at it: ${rerunHint(script, boltPort)}`,
  );
}

/** One line on stderr saying which Neo4j the command uses (stdout may be a token or an export). */
function say(script: string, line: string): void {
  process.stderr.write(`claimgraph ${script}: ${line}\n`);
}

/**
 * A CLI's connection: the same Neo4j as the server, migrated, chosen in this order:
 *   1. NEO4J_URI, when set;
 *   2. the embedded Neo4j of a claimgraph server running on NEO4J_DATA_DIR, found through the
 *      file it keeps there (src/neo4j/running.ts);
 *   3. otherwise the embedded default, started for this command and stopped after it.
 * It says on stderr which one it used; when none answers it throws a StartupError (the CLIs
 * print it and exit 1), so `TOKEN=$(npm run --silent token -- ...)` never fails silently.
 * `script` is the npm script name, for the hints.
 */
export async function connect(
  script: string,
  config: Config,
  logger: Logger,
): Promise<{ target: Neo4jTarget; executor: Executor }> {
  if (!config.neo4j.uri) {
    const running = findRunning(config.embedded.dataDir);
    if (running) {
      const target: Neo4jTarget = {
        uri: running.boltUri,
        username: config.neo4j.username,
        password: undefined,
        database: 'neo4j',
        mode: 'embedded',
        availability: new Availability(),
        announce: () => undefined,
        stop: async () => undefined,
      };
      let executor: Executor;
      try {
        executor = await Executor.connect({ ...executorOptions(config), ...target, logger });
      } catch (err) {
        throw new StartupError(
          'NEO4J_UNAVAILABLE',
          `the running claimgraph server (${describeRunning(running)}) has a Neo4j that does not answer (${(err as Error).message}); it may be restarting: try again in a few seconds`,
        );
      }
      say(
        script,
        `using the embedded Neo4j of the running claimgraph server (pid ${running.pid}) at ${running.boltUri}`,
      );
      return { target, executor: await migrated(executor) };
    }
  }
  const port = config.embedded.boltPort;
  if (!config.neo4j.uri && (await portInUse(port))) {
    throw embeddedBusy(script, `the embedded Neo4j's port 127.0.0.1:${port} is in use`, port);
  }
  let target: Neo4jTarget;
  try {
    target = await provideNeo4j(config, logger);
  } catch (err) {
    if (err instanceof StartupError && err.code === 'PORT_IN_USE') {
      throw embeddedBusy(script, `the embedded Neo4j's port 127.0.0.1:${port} is in use`, port);
    }
    if (err instanceof StartupError && /another claimgraph Neo4j|lock/i.test(err.message)) {
      // The port was free, so the server holding the store listens elsewhere: its NEO4J_BOLT_PORT.
      throw embeddedBusy(
        script,
        `the embedded Neo4j's data folder ${config.embedded.dataDir} is in use`,
        '<its NEO4J_BOLT_PORT>',
      );
    }
    throw err;
  }
  try {
    const executor = await Executor.connect({ ...executorOptions(config), ...target, logger });
    say(
      script,
      target.mode === 'external'
        ? `using the Neo4j at NEO4J_URI ${target.uri} (database ${target.database})`
        : `no claimgraph server is running on ${config.embedded.dataDir}: started its embedded Neo4j for this command`,
    );
    return { target, executor: await migrated(executor) };
  } catch (err) {
    await target.stop().catch(() => undefined);
    throw err;
  }
}

async function migrated(executor: Executor): Promise<Executor> {
  try {
    await migrate(executor);
    return executor;
  } catch (err) {
    await executor.close().catch(() => undefined);
    throw err;
  }
}

/** Who a CLI write is recorded as: the operating-system user. */
export function cliWriter(): Writer {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { by: `cli:${user}`, role: 'system' };
}
