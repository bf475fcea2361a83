import net from 'node:net';
import os from 'node:os';
import type { Config } from '../config';
import type { Writer } from '../db/audit';
import { Executor } from '../db/executor';
import { migrate } from '../db/migrate';
import { StartupError } from '../errors';
import type { Logger } from '../logger';
import { provideNeo4j, type Neo4jTarget } from '../neo4j/provide';

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

/**
 * A CLI's connection: the same Neo4j as the server (NEO4J_URI, or the embedded default on
 * NEO4J_DATA_DIR), migrated. `script` is the npm script name, for the hint when the embedded
 * Neo4j is already owned by a running server.
 */
export async function connect(
  script: string,
  config: Config,
  logger: Logger,
): Promise<{ target: Neo4jTarget; executor: Executor }> {
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
    const executor = await Executor.connect({ ...target, txTimeoutMs: config.neo4j.txTimeoutMs, logger });
    try {
      await migrate(executor, logger);
    } catch (err) {
      await executor.close().catch(() => undefined);
      throw err;
    }
    return { target, executor };
  } catch (err) {
    await target.stop().catch(() => undefined);
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
