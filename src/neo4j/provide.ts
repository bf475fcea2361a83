import type { Config } from '../config';
import { Availability } from '../db/availability';
import { StartupError } from '../errors';
import type { Logger } from '../logger';
import { startEmbedded, type EmbeddedNeo4j } from './embedded';
import { describeRunning, findRunning, removeRunning, writeRunning, type RunningService } from './running';

/** Where the Neo4j the service uses lives, and how to let go of it. */
export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string | undefined;
  database: string;
  mode: 'external' | 'embedded';
  /** Shared with the executor: the supervisor opens it the moment the embedded JVM dies. */
  availability: Availability;
  /** The service's HTTP address, for the running-service file the CLIs read (embedded only). */
  announce(httpUrl: string): void;
  stop(): Promise<void>;
}

export interface ProvideOptions {
  /**
   * `npm start`: restart the embedded Neo4j whenever it dies, and publish it in the data folder
   * (src/neo4j/running.ts) for the CLIs. A CLI's own short-lived embedded Neo4j does neither.
   */
  supervise?: boolean;
}

/** Restart delays: at once after a crash that followed a long run, then 1 s, 2 s, ... 30 s. */
const RESTART_MAX_DELAY_MS = 30_000;
/** A Neo4j that ran this long before dying counts as healthy: the next restart is immediate. */
const HEALTHY_RUN_MS = 60_000;

/**
 * NEO4J_URI set: the user's server (single instance, cluster through neo4j://, or Aura).
 * Otherwise: the embedded default, started here and stopped with the service.
 */
export async function provideNeo4j(
  config: Config,
  logger: Logger,
  options: ProvideOptions = {},
): Promise<Neo4jTarget> {
  const availability = new Availability();
  if (config.neo4j.uri) {
    logger.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'using external Neo4j');
    return {
      uri: config.neo4j.uri,
      username: config.neo4j.username,
      password: config.neo4j.password,
      database: config.neo4j.database,
      mode: 'external',
      availability,
      announce: () => undefined,
      stop: async () => undefined,
    };
  }
  const dataDir = config.embedded.dataDir;
  const running = findRunning(dataDir);
  if (running) {
    // Starting would fail on the store lock (or, with another NEO4J_BOLT_PORT, after seconds of
    // trying): name the instance that holds it, and the ways on.
    throw new StartupError(
      'EMBEDDED_NEO4J_FAILED',
      `claimgraph is already running on the data folder ${dataDir} (${describeRunning(running)}). ` +
        `Use that one (npm run token | load | export find it by themselves), stop it (Ctrl+C in its terminal, or kill ${running.pid}), ` +
        'or start another instance on its own store: NEO4J_DATA_DIR=<another folder> NEO4J_BOLT_PORT=<a free port> PORT=<a free port> npm start',
    );
  }
  logger.info({ dataDir }, 'starting the embedded Neo4j (set NEO4J_URI to use your own)');
  const start = () =>
    startEmbedded({
      ...config.embedded,
      txTimeoutSeconds: Math.ceil((config.neo4j.txTimeoutMs * 2) / 1000),
      logger,
    });
  const first = await start();
  const base = {
    uri: first.uri,
    username: config.neo4j.username,
    // The embedded server runs without auth: it listens on loopback only.
    password: undefined,
    database: 'neo4j',
    mode: 'embedded' as const,
    availability,
  };
  if (!options.supervise) {
    return { ...base, announce: () => undefined, stop: () => first.stop() };
  }

  const card: RunningService = {
    pid: process.pid,
    neo4jPid: first.pid,
    boltUri: first.uri,
    dataDir,
    startedAt: new Date().toISOString(),
  };
  const publish = () => {
    try {
      writeRunning(card);
    } catch (err) {
      logger.warn({ err }, 'could not write the running-service file; the CLIs will not find this server');
    }
  };
  publish();
  const supervisor = supervise(first, start, availability, logger, (restarted) => {
    card.neo4jPid = restarted.pid;
    publish();
  });
  return {
    ...base,
    announce: (httpUrl) => {
      card.httpUrl = httpUrl;
      publish();
    },
    stop: async () => {
      removeRunning(dataDir);
      await supervisor.stop();
    },
  };
}

/**
 * Watches the embedded JVM: when it exits without being asked to, the circuit opens at once
 * (requests get NEO4J_UNAVAILABLE in milliseconds) and a new JVM is started on the same store and
 * port, with backoff if it keeps dying. The executor's probe closes the circuit again when the
 * new one answers, so the API serves again without a restart.
 */
function supervise(
  first: EmbeddedNeo4j,
  start: () => Promise<EmbeddedNeo4j>,
  availability: Availability,
  logger: Logger,
  onRestarted: (e: EmbeddedNeo4j) => void,
): { stop(): Promise<void> } {
  const log = logger.child({ component: 'embedded-supervisor' });
  let current = first;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let startedAt = Date.now();

  const schedule = () => {
    const delay = failures === 0 ? 0 : Math.min(RESTART_MAX_DELAY_MS, 1000 * 2 ** (failures - 1));
    log.info({ delayMs: delay }, 'restarting the embedded Neo4j');
    timer = setTimeout(() => void restart(), delay);
  };

  const restart = async () => {
    timer = undefined;
    if (stopping) return;
    startedAt = Date.now();
    try {
      const next = await start();
      if (stopping) {
        await next.stop();
        return;
      }
      current = next;
      watch(next);
      onRestarted(next);
      log.info({ pid: next.pid, uri: next.uri }, 'the embedded Neo4j is running again');
    } catch (err) {
      failures += 1;
      log.error({ err: (err as Error).message, failures }, 'the embedded Neo4j could not be restarted');
      availability.set('restarting', `the embedded Neo4j could not be restarted: ${(err as Error).message}`);
      schedule();
    }
  };

  const watch = (e: EmbeddedNeo4j) => {
    void e.exited.then(({ code, signal }) => {
      if (stopping || current !== e) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      availability.set('restarting', `the embedded Neo4j (pid ${e.pid}) exited with ${how}`);
      log.error({ pid: e.pid, code, signal }, 'the embedded Neo4j exited unexpectedly');
      failures = Date.now() - startedAt > HEALTHY_RUN_MS ? 0 : failures + 1;
      schedule();
    });
  };
  watch(first);

  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current.stop();
    },
  };
}
