import path from 'node:path';
import { z } from 'zod';
import { StartupError } from './errors';
import { PROJECT_ROOT, SEED_DIR } from './paths';

/**
 * All configuration comes from the environment; every variable and its default is listed in the
 * README's configuration table (a test keeps the two in step).
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z.string().min(1).optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  // A bulk-import batch is one transaction of thousands of records; on a busy two-core machine a
  // 5,000-claim batch ran past the API's 15 s. Requests keep the short limit, imports get this.
  NEO4J_IMPORT_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(300000),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  NEO4J_POOL_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  NEO4J_RETRY_TIME_MS: z.coerce.number().int().min(0).default(10000),

  NEO4J_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, '.neo4j-data', 'main')),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[kmg]$/i, 'a JVM size such as 1g or 768m')
    .default('1g'),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[kmg]$/i, 'a size such as 512m')
    .default('512m'),

  SEED_ON_START: bool.default(true),
  SEED_DIR: z.string().min(1).default(SEED_DIR),

  REQUIRE_READ_TOKEN: bool.default(false),
  INTROSPECTION: bool.optional(),
  LANDING_PAGE: bool.optional(),
  BODY_LIMIT: z.string().default('1mb'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10000),
});

/** Every variable loadConfig reads (the README's configuration table lists each one). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  neo4j: {
    /** Set when the user brings their own server; otherwise the embedded default is started. */
    uri: string | undefined;
    username: string;
    password: string | undefined;
    database: string;
    txTimeoutMs: number;
    /** The transaction timeout of `npm run import` (and the benchmarks' imports): one per batch. */
    importTxTimeoutMs: number;
    connectTimeoutMs: number;
    acquisitionTimeoutMs: number;
    retryTimeMs: number;
  };
  embedded: { dataDir: string; boltPort: number; heap: string; pagecache: string };
  seedOnStart: boolean;
  seedDir: string;
  requireReadToken: boolean;
  introspection: boolean;
  landingPage: boolean;
  bodyLimit: string;
  shutdownGraceMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset": `NEO4J_URI= npm start` should not count as a URI.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StartupError(
      'CONFIG_INVALID',
      `environment variable ${String(issue.path[0])} is invalid: ${issue.message} (see the configuration table in README.md)`,
    );
  }
  const c = parsed.data;
  const dev = c.NODE_ENV !== 'production';
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    neo4j: {
      uri: c.NEO4J_URI,
      username: c.NEO4J_USERNAME,
      password: c.NEO4J_PASSWORD,
      database: c.NEO4J_DATABASE,
      txTimeoutMs: c.NEO4J_TX_TIMEOUT_MS,
      importTxTimeoutMs: c.NEO4J_IMPORT_TX_TIMEOUT_MS,
      connectTimeoutMs: c.NEO4J_CONNECT_TIMEOUT_MS,
      acquisitionTimeoutMs: c.NEO4J_POOL_TIMEOUT_MS,
      retryTimeMs: c.NEO4J_RETRY_TIME_MS,
    },
    embedded: {
      dataDir: path.resolve(c.NEO4J_DATA_DIR),
      boltPort: c.NEO4J_BOLT_PORT,
      heap: c.NEO4J_HEAP,
      pagecache: c.NEO4J_PAGECACHE,
    },
    seedOnStart: c.SEED_ON_START,
    seedDir: path.resolve(c.SEED_DIR),
    requireReadToken: c.REQUIRE_READ_TOKEN,
    introspection: c.INTROSPECTION ?? dev,
    landingPage: c.LANDING_PAGE ?? dev,
    bodyLimit: c.BODY_LIMIT,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
  };
}

/** The configuration a bulk import connects with: the import's transaction timeout, not the API's. */
export function forBulkImport(config: Config): Config {
  return { ...config, neo4j: { ...config.neo4j, txTimeoutMs: config.neo4j.importTxTimeoutMs } };
}
