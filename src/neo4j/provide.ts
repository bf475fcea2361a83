import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbedded } from './embedded';

/** Where the Neo4j the service uses lives, and how to let go of it. */
export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string | undefined;
  database: string;
  mode: 'external' | 'embedded';
  stop(): Promise<void>;
}

/**
 * NEO4J_URI set: the user's server (single instance, cluster through neo4j://, or Aura).
 * Otherwise: the embedded default, started here and stopped with the service.
 */
export async function provideNeo4j(config: Config, logger: Logger): Promise<Neo4jTarget> {
  if (config.neo4j.uri) {
    logger.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'using external Neo4j');
    return {
      uri: config.neo4j.uri,
      username: config.neo4j.username,
      password: config.neo4j.password,
      database: config.neo4j.database,
      mode: 'external',
      stop: async () => undefined,
    };
  }
  logger.info(
    { dataDir: config.embedded.dataDir },
    'starting the embedded Neo4j (set NEO4J_URI to use your own)',
  );
  const embedded = await startEmbedded({
    ...config.embedded,
    txTimeoutSeconds: Math.ceil((config.neo4j.txTimeoutMs * 2) / 1000),
    logger,
  });
  return {
    uri: embedded.uri,
    username: config.neo4j.username,
    // The embedded server runs without auth: it listens on loopback only.
    password: undefined,
    database: 'neo4j',
    mode: 'embedded',
    stop: () => embedded.stop(),
  };
}
