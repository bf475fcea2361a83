import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
  Neo4jError,
  type Driver,
  type ManagedTransaction,
} from 'neo4j-driver';
import { ConflictError, StartupError } from '../errors';
import type { Logger } from '../logger';
import { query } from './queries';

/**
 * The executor is the only module that talks to the Neo4j driver. Everything else hands it a
 * query *name* (see src/db/queries.ts) and parameters, and gets plain JavaScript rows back.
 *
 * Owning the driver in one place gives us, in one place: transaction timeouts, access modes
 * (reads run in READ transactions, so a read query that tries to write fails), parameterised
 * queries only, the conversion of Neo4j values to JSON-friendly ones, and a count of round trips
 * (the "no N+1" test reads it).
 */
export type Row = Record<string, unknown>;

export interface Tx {
  /** Runs one named query inside the surrounding transaction. */
  run(name: string, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface ExecutorOptions {
  uri: string;
  username: string;
  password: string | undefined;
  database: string;
  txTimeoutMs: number;
  logger?: Logger;
}

export class Executor {
  /** Statements sent to the server since the executor was created (one per named query run). */
  queriesSent = 0;

  private constructor(
    private readonly driver: Driver,
    private readonly opts: ExecutorOptions,
  ) {}

  /** Creates the driver and proves the server answers, turning failures into one clear line. */
  static async connect(opts: ExecutorOptions): Promise<Executor> {
    const auth = opts.password !== undefined ? neo4j.auth.basic(opts.username, opts.password) : undefined;
    const driver = neo4j.driver(opts.uri, auth, {
      // Counts and offsets are small integers; plain numbers keep every caller simple.
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 15_000,
      userAgent: 'claimgraph/0.1',
    });
    const executor = new Executor(driver, opts);
    try {
      await driver.verifyConnectivity({ database: opts.database });
      await executor.ping();
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw explainConnectError(err, opts);
    }
    return executor;
  }

  get database(): string {
    return this.opts.database;
  }

  private txConfig(name: string) {
    return { timeout: this.opts.txTimeoutMs, metadata: { app: 'claimgraph', query: name } };
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async (name, params = {}) => {
        this.queriesSent += 1;
        const result = await tx.run(query(name), params);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      },
    };
  }

  /** One named read query in its own READ transaction. */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.readTx((tx) => tx.run(name, params));
  }

  /** Several reads that must see one consistent snapshot. */
  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      return await session.executeRead((tx) => work(this.wrap(tx)), this.txConfig('read'));
    } finally {
      await session.close();
    }
  }

  /**
   * One WRITE transaction: everything `work` runs commits together or not at all. The driver may
   * retry `work` on transient errors, so writes must be idempotent (MERGE on keys, idempotency keys).
   * A ClaimgraphError thrown inside rolls the transaction back and reaches the caller unchanged.
   */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.writeOnce(work);
    } catch (err) {
      if (!isConstraintViolation(err)) throw err;
      // Another transaction took a unique key (an idempotency key, a name, a URL) between this
      // one's checks and its write. Run the work once more: its checks now see the other write
      // and answer as for a repeat (the first result, or a CONFLICT naming the field).
      try {
        return await this.writeOnce(work);
      } catch (again) {
        if (!isConstraintViolation(again)) throw again;
        throw new ConflictError('the write conflicts with another made at the same time; send it again');
      }
    }
  }

  private async writeOnce<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      return await session.executeWrite((tx) => work(this.wrap(tx)), this.txConfig('write'));
    } finally {
      await session.close();
    }
  }

  /**
   * One statement in an auto-commit transaction: for cypher/migrations (Neo4j does not allow
   * schema and data changes in one transaction, so each runs on its own; they are idempotent) and
   * for maintenance that batches itself with CALL { } IN TRANSACTIONS (the test reset).
   */
  async runAutoCommit(statement: string): Promise<void> {
    const session = this.driver.session({ database: this.opts.database });
    try {
      this.queriesSent += 1;
      await session.run(statement, {}, this.txConfig('migration'));
    } finally {
      await session.close();
    }
  }

  /** Neo4j answers a query: what /readyz reports. */
  async ping(): Promise<void> {
    await this.read('system/ping');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

function isConstraintViolation(err: unknown): boolean {
  return err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

export function explainConnectError(err: unknown, opts: ExecutorOptions): Error {
  // Only the driver's own failures are about reaching Neo4j; anything else is a bug to surface.
  if (!(err instanceof Neo4jError)) return err instanceof Error ? err : new Error(String(err));
  const code = err.code;
  const detail = err.message.split('\n')[0];
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  ) {
    return new StartupError(
      'NEO4J_AUTH_FAILED',
      `Neo4j at ${opts.uri} rejected the credentials for user "${opts.username}"; check NEO4J_USERNAME and NEO4J_PASSWORD.`,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StartupError(
      'CONFIG_INVALID',
      `Neo4j at ${opts.uri} has no database "${opts.database}"; check NEO4J_DATABASE.`,
    );
  }
  return new StartupError(
    'NEO4J_UNAVAILABLE',
    `Neo4j is unreachable at ${opts.uri} (${detail}); start it or fix NEO4J_URI, or unset NEO4J_URI to use the embedded Neo4j.`,
  );
}

/** Neo4j values → JSON-friendly values: temporals as ISO strings, nodes as their properties. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  // Instants as ISO strings in UTC (millisecond precision, what GraphQL's DateTime carries);
  // calendar dates as YYYY-MM-DD.
  if (isDateTime(value as object))
    return (value as { toStandardDate(): Date }).toStandardDate().toISOString();
  if (isDate(value as object) || isLocalDateTime(value as object)) return String(value);
  if (isTime(value as object) || isLocalTime(value as object) || isDuration(value as object))
    return String(value);
  if (isNode(value as object)) return toPlain((value as { properties: object }).properties);
  if (isRelationship(value as object)) return toPlain((value as { properties: object }).properties);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
