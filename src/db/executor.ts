import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
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
  type BookmarkManager,
  type Driver,
  type Session,
  type Transaction,
} from 'neo4j-driver';
import {
  ClaimgraphError,
  ConflictError,
  SearchSyntaxError,
  StartupError,
  TimeoutError,
  UnavailableError,
} from '../errors';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { Availability } from './availability';
import { migrations, statement, withReplan, type Replan } from './queries';

/**
 * The executor is the only module that talks to the Neo4j driver. Everything else hands it a
 * query *name* (see src/db/queries.ts) and parameters, and gets plain JavaScript rows back.
 *
 * Owning the driver in one place gives us, in one place: transaction timeouts, access modes
 * (reads run in READ transactions, so a read query that tries to write fails, and through
 * neo4j:// they go to a reader), bookmarks (a read sees every write this service committed
 * before it, also on a cluster's followers), retries of transient failures, the translation of
 * every driver error into the error family (src/errors.ts), the availability circuit
 * (src/db/availability.ts), parameterised queries only, the conversion of Neo4j values to
 * JSON-friendly ones, and a count of round trips (the "no N+1" test reads it).
 */
export type Row = Record<string, unknown>;

export interface Tx {
  /** Runs one named query inside the surrounding transaction. */
  run(name: string, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface QueryProfile {
  rows: number;
  /** Database hits summed over every operator of the plan. */
  dbHits: number;
  /** Operator names (e.g. NodeIndexSeekByRange, Limit), root first. */
  operators: string[];
}

export interface ExecutorOptions {
  uri: string;
  username: string;
  password: string | undefined;
  database: string;
  txTimeoutMs: number;
  logger?: Logger;
  /** TCP + Bolt handshake budget per new connection; short, so a lost server is noticed fast. */
  connectTimeoutMs?: number;
  /** How long a query waits for a free pooled connection before OVERLOADED. */
  acquisitionTimeoutMs?: number;
  /** Total time a transaction may spend being retried after transient failures. */
  retryTimeMs?: number;
  /** Shared with the embedded supervisor and /healthz, /readyz; one is made if not given. */
  availability?: Availability;
}

/** The executor's settings from the configuration (NEO4J_TX_TIMEOUT_MS and friends). */
export function executorOptions(
  config: Config,
): Pick<ExecutorOptions, 'txTimeoutMs' | 'connectTimeoutMs' | 'acquisitionTimeoutMs' | 'retryTimeMs'> {
  const { txTimeoutMs, connectTimeoutMs, acquisitionTimeoutMs, retryTimeMs } = config.neo4j;
  return { txTimeoutMs, connectTimeoutMs, acquisitionTimeoutMs, retryTimeMs };
}

/**
 * Nagle's algorithm off for the driver's connections. neo4j-driver (5.28) leaves it on, and a
 * transaction writes its Bolt messages (BEGIN, RUN + PULL, COMMIT) as separate small packets: the
 * second waits for the server's ACK of the first, which Linux delays by up to 40 ms. That, not the
 * query (PROFILE: 138 db hits, resultAvailableAfter 1 ms), was the ~50 ms of every one-claim read
 * (issue 11: a claim by id measured 48 ms per statement with Nagle, 4.4 ms without). The driver
 * has no option for it and no socket factory, so every TCP client socket this process opens gets
 * TCP_NODELAY as it is created (Node's `net.client.socket` channel); claimgraph's only other
 * client sockets are HTTP ones (tests, probes), which Node's HTTP client already opens this way.
 */
let noDelayInstalled = false;
export function disableNagle(): void {
  if (noDelayInstalled) return;
  noDelayInstalled = true;
  diagnostics.subscribe('net.client.socket', (message) => {
    (message as { socket: Socket }).socket.setNoDelay(true);
  });
}

/** How often the probe pings a server that is not up. */
const PROBE_INTERVAL_MS = 500;
/** Retry-After for each 503, in seconds. */
const RETRY_AFTER = { NEO4J_UNAVAILABLE: 5, DATABASE_BUSY: 1, OVERLOADED: 2 } as const;

type Mode = 'READ' | 'WRITE';

export class Executor {
  /** Statements sent to the server since the executor was created (one per named query run). */
  queriesSent = 0;
  /**
   * Per named query: how many times it ran inside a transaction and the milliseconds spent waiting
   * for its records (the server's work plus the round trip); `(commit)` is the write commits.
   * Benchmarks print it, to say which statement a slow write spends its time in (and how much the
   * commit itself takes); reading a Map entry per statement costs nothing.
   */
  readonly statementTimes = new Map<string, { count: number; ms: number }>();
  /** Transactions run again after a transient failure (the lock-contention test reads it). */
  retries = 0;
  readonly availability: Availability;
  /**
   * One bookmark manager for every session: each transaction waits until the server it runs on
   * has applied every write this process committed before it started. Through neo4j:// a read can
   * land on a follower that has not caught up yet; the bookmark makes it wait rather than answer
   * from the past, so a client always reads its own writes.
   */
  private bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;

  private constructor(
    private readonly driver: Driver,
    private readonly opts: ExecutorOptions,
  ) {
    this.availability = opts.availability ?? new Availability();
    this.availability.onChange((s) => {
      if (s.state === 'up') this.opts.logger?.info('Neo4j is available');
      else if (s.state !== 'stopping') {
        this.opts.logger?.error({ state: s.state, reason: s.reason }, 'Neo4j is unavailable');
        // Bookmarks name transactions of the server that was lost. A restarted (recovered)
        // server can make a transaction that carries them wait until its timeout, so the
        // service starts afresh: nothing can be written while it is down.
        this.bookmarks = neo4j.bookmarkManager();
        this.startProbe();
      }
    });
  }

  /** Creates the driver and proves the server answers, turning failures into one clear line. */
  static async connect(opts: ExecutorOptions): Promise<Executor> {
    disableNagle();
    const auth = opts.password !== undefined ? neo4j.auth.basic(opts.username, opts.password) : undefined;
    const connectTimeout = opts.connectTimeoutMs ?? 2_000;
    const driver = neo4j.driver(opts.uri, auth, {
      // Counts and offsets are small integers; plain numbers keep every caller simple.
      disableLosslessIntegers: true,
      connectionTimeout: connectTimeout,
      connectionAcquisitionTimeout: Math.max(opts.acquisitionTimeoutMs ?? 5_000, connectTimeout),
      userAgent: 'claimgraph/0.1',
    });
    const executor = new Executor(driver, opts);
    try {
      await driver.verifyConnectivity({ database: opts.database });
      await executor.pingOnce();
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw explainConnectError(err, opts);
    }
    executor.availability.set('up');
    return executor;
  }

  get database(): string {
    return this.opts.database;
  }

  private txConfig(name: string) {
    return { timeout: this.opts.txTimeoutMs, metadata: { app: 'claimgraph', query: name } };
  }

  private session(mode: Mode): Session {
    return this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
  }

  private wrap(tx: Pick<Transaction, 'run'>): Tx {
    return {
      run: async (name, params = {}) => {
        this.queriesSent += 1;
        const started = performance.now();
        const result = await tx.run(statement(name), params);
        const t = this.statementTimes.get(name) ?? { count: 0, ms: 0 };
        t.count += 1;
        t.ms += performance.now() - started;
        this.statementTimes.set(name, t);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      },
    };
  }

  /**
   * One named read query in its own READ transaction: an auto-commit one. A single statement
   * needs no BEGIN and COMMIT of its own, and those are one or two more round trips, each a turn
   * of the server's Bolt thread: measured on the seed machine, a 20-actor lookup took 11.6 ms in
   * a managed transaction and 4.8 ms auto-committed, and most requests are three or four of these.
   * It is retried and its errors mapped exactly as a managed transaction's (the loop below), and
   * routed to a reader and ordered after this process's writes by the same bookmarks.
   */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.transaction('READ', name, (tx) => tx.run(name, params), { autoCommit: true });
  }

  /** Several reads that must see one consistent snapshot. */
  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('READ', 'read', work);
  }

  /**
   * One WRITE transaction: everything `work` runs commits together or not at all. `work` may run
   * more than once (after a deadlock, a lock timeout, a leader switch, a lost connection, or a
   * unique key taken between its checks and its write), so writes must be idempotent: MERGE on
   * keys, idempotency keys, checks that answer a repeat as a repeat. They are, throughout.
   * A ClaimgraphError thrown inside rolls the transaction back and reaches the caller unchanged.
   */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', 'write', work);
  }

  /**
   * The managed-transaction loop: begin, run `work`, commit; on a failure, roll back and decide
   * from the driver error whether to run it again (with exponential backoff and full jitter, so
   * 40 writers locking the same source spread out instead of colliding again in step) or to turn
   * it into a ClaimgraphError.
   */
  private async transaction<T>(
    mode: Mode,
    name: string,
    work: (tx: Tx) => Promise<T>,
    opts: { autoCommit?: boolean } = {},
  ): Promise<T> {
    const started = Date.now();
    const budget = this.opts.retryTimeMs ?? 10_000;
    let attempt = 0;
    let conflictRetried = false;
    let unreachable = 0;
    for (;;) {
      this.assertAvailable();
      attempt += 1;
      const attemptStarted = Date.now();
      try {
        return await (opts.autoCommit
          ? this.attemptAutoCommit(mode, name, work)
          : this.attempt(mode, name, work));
      } catch (err) {
        if (err instanceof ClaimgraphError || !(err instanceof Error)) throw err;
        const kind = classify(err, Date.now() - attemptStarted, this.opts.txTimeoutMs);
        if (kind === 'conflict' && !conflictRetried) {
          // Another transaction took a unique key (an idempotency key, a name, a URL) between this
          // one's checks and its write. Once more: its checks now see the other write and answer
          // as for a repeat (the first result, or a CONFLICT naming the field).
          conflictRetried = true;
          this.retries += 1;
          continue;
        }
        if (kind === 'unavailable') {
          unreachable += 1;
          // A pooled connection the server closed (it restarted) fails once; a fresh one answers.
          // Twice in a row is the server itself: open the circuit, answer now.
          if (unreachable < 2) {
            this.retries += 1;
            continue;
          }
          this.availability.set('down', oneLine(err));
        }
        if (kind === 'transient') {
          const delay = backoff(attempt);
          if (Date.now() - started + delay < budget) {
            this.retries += 1;
            this.opts.logger?.debug({ attempt, delay, code: codeOf(err) }, 'transient failure; retrying');
            await sleep(delay);
            continue;
          }
        }
        const mapped = mapDriverError(err, kind);
        if (!mapped) throw err;
        this.opts.logger?.warn({ code: mapped.code, cause: codeOf(err), attempts: attempt }, mapped.message);
        throw mapped;
      }
    }
  }

  private async attempt<T>(mode: Mode, name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    try {
      const tx = session.beginTransaction(this.txConfig(name));
      let result: T;
      try {
        result = await work(this.wrap(tx));
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw err;
      }
      const committing = performance.now();
      await tx.commit();
      if (mode === 'WRITE') {
        // The commit's own share (index updates, the transaction log), beside the statements'.
        const t = this.statementTimes.get('(commit)') ?? { count: 0, ms: 0 };
        t.count += 1;
        t.ms += performance.now() - committing;
        this.statementTimes.set('(commit)', t);
      }
      return result;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** One attempt of a single statement, auto-committed (see `read`). */
  private async attemptAutoCommit<T>(mode: Mode, name: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    let ran = false;
    try {
      return await work(
        this.wrap({
          run: ((statement: string, params: Record<string, unknown>) => {
            // Two statements here would be two transactions: what must be read together goes
            // through readTx.
            if (ran) throw new Error(`"${name}" ran a second statement in an auto-commit read`);
            ran = true;
            return session.run(statement, params, this.txConfig(name));
          }) as Transaction['run'],
        }),
      );
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Fails fast while the circuit is open: no connection attempt, no driver timeout. */
  private assertAvailable(): void {
    if (this.availability.up) return;
    const s = this.availability.snapshot();
    if (this.closed || s.state === 'stopping') {
      throw new UnavailableError(
        'NEO4J_UNAVAILABLE',
        'the service is shutting down',
        RETRY_AFTER.NEO4J_UNAVAILABLE,
      );
    }
    this.startProbe();
    const what =
      s.state === 'restarting'
        ? 'Neo4j stopped and is being restarted'
        : s.state === 'starting'
          ? 'Neo4j is starting'
          : 'Neo4j cannot be reached';
    throw new UnavailableError(
      'NEO4J_UNAVAILABLE',
      `${what} (since ${s.since}); try again in a few seconds`,
      RETRY_AFTER.NEO4J_UNAVAILABLE,
    );
  }

  /** While not up, ping every PROBE_INTERVAL_MS (one ping at a time); the first answer closes the circuit. */
  private startProbe(): void {
    if (this.probeTimer || this.probing || this.closed) return;
    const tick = async () => {
      this.probeTimer = undefined;
      if (this.closed || this.availability.up || this.availability.state === 'stopping') return;
      this.probing = true;
      try {
        await this.pingOnce();
        this.availability.set('up');
      } catch (err) {
        this.opts.logger?.debug({ err: (err as Error).message }, 'Neo4j probe failed');
        if (!this.closed) {
          this.probeTimer = setTimeout(() => void tick(), PROBE_INTERVAL_MS);
          this.probeTimer.unref();
        }
      } finally {
        this.probing = false;
      }
    };
    this.probeTimer = setTimeout(() => void tick(), PROBE_INTERVAL_MS);
    this.probeTimer.unref();
  }

  /** One ping that skips the circuit and the retries: the probe's and connect()'s. */
  private async pingOnce(): Promise<void> {
    await this.attempt('READ', 'system/ping', (tx) => tx.run('system/ping'));
  }

  /**
   * One named statement in an auto-commit transaction, for maintenance that batches itself with
   * CALL { } IN TRANSACTIONS (which cannot run inside a managed transaction), such as the test
   * reset. Not retried: such statements commit batch by batch.
   */
  async runAutoCommit(name: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.autoCommit(statement(name), params, name);
  }

  /**
   * The statements of one migration in cypher/migrations, each in its own auto-commit
   * transaction (Neo4j does not allow schema and data changes in one transaction; each
   * statement is idempotent: IF NOT EXISTS).
   */
  async applyMigration(id: string): Promise<void> {
    const migration = migrations().find((m) => m.id === id);
    if (!migration) throw new Error(`no migration "${id}" in cypher/migrations`);
    for (const [i, statement] of migration.statements.entries()) {
      await this.autoCommit(statement, {}, `migration ${id}#${i}`);
    }
  }

  private async autoCommit(statement: string, params: Record<string, unknown>, name: string): Promise<void> {
    this.assertAvailable();
    const session = this.session('WRITE');
    const started = Date.now();
    try {
      this.queriesSent += 1;
      await session.run(statement, params, this.txConfig(name));
    } catch (err) {
      if (err instanceof ClaimgraphError || !(err instanceof Error)) throw err;
      const mapped = mapDriverError(err, classify(err, Date.now() - started, this.opts.txTimeoutMs));
      throw mapped ?? err;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * PROFILE of one named read query, in a READ transaction: the rows it returned, the sum of
   * database hits over its plan, and its operators. Plans are checked by tests with this (a page's
   * db hits must not grow with the graph), never by timings.
   *
   * `replan` is Cypher's own option (src/db/queries.ts withReplan, which the `@fresh` variant uses
   * too): a test plans on a small graph and then runs that same plan on a large one ('skip'), which
   * is what a server does when its graph grows faster than its plan cache is refreshed.
   *
   * `rollback` profiles a write statement instead, in a WRITE transaction that is rolled back:
   * it runs for real (a PROFILE does) and then writes nothing.
   */
  async profile(
    name: string,
    params: Record<string, unknown> = {},
    opts: { replan?: Replan; rollback?: boolean } = {},
  ): Promise<QueryProfile> {
    const session = this.session(opts.rollback ? 'WRITE' : 'READ');
    try {
      this.queriesSent += 1;
      const text = withReplan(`PROFILE ${statement(name)}`, opts.replan);
      let result;
      if (opts.rollback) {
        const tx = session.beginTransaction(this.txConfig(name));
        try {
          result = await tx.run(text, params);
        } finally {
          await tx.rollback().catch(() => undefined);
        }
      } else {
        result = await session.executeRead((tx) => tx.run(text, params), this.txConfig(name));
      }
      const operators: string[] = [];
      let dbHits = 0;
      const walk = (p: { operatorType: string; dbHits: number; children: unknown[] }) => {
        operators.push(p.operatorType.replace(/@.*$/, ''));
        dbHits += p.dbHits;
        for (const c of p.children) walk(c as typeof p);
      };
      const plan = result.summary.profile;
      if (plan) walk(plan as unknown as { operatorType: string; dbHits: number; children: unknown[] });
      return { rows: result.records.length, dbHits, operators };
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * The plan of a named query, without running it (EXPLAIN): the server parses and plans the text
   * and checks every label, type and function it names, and needs no parameters. For tests that
   * keep every named query valid (a broken one fails CI, not a user) and that read plans for
   * Eager operators or index seeks. Planned in a WRITE session, so write queries plan too; an
   * EXPLAIN never writes.
   */
  async explain(name: string, params: Record<string, unknown> = {}): Promise<PlanNode> {
    this.assertAvailable();
    const session = this.session('WRITE');
    try {
      this.queriesSent += 1;
      const result = await session.run(`EXPLAIN ${statement(name)}`, params, this.txConfig(name));
      const plan = result.summary.plan;
      if (!plan) throw new Error(`EXPLAIN of "${name}" returned no plan`);
      return toPlanNode(plan);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Neo4j answers a query: what /readyz reports. Fails fast while the circuit is open. */
  async ping(): Promise<void> {
    await this.read('system/ping');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.availability.set('stopping', 'the service is shutting down');
    if (this.probeTimer) clearTimeout(this.probeTimer);
    await this.driver.close();
  }
}

/** One operator of a query plan (EXPLAIN), with its children. */
export interface PlanNode {
  operator: string;
  /** The operator's details as the server describes them (e.g. the index an index seek uses). */
  details: string;
  identifiers: string[];
  children: PlanNode[];
}

function toPlanNode(plan: {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers: string[];
  children: unknown[];
}): PlanNode {
  return {
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: String(plan.arguments.Details ?? ''),
    identifiers: plan.identifiers,
    children: plan.children.map((c) => toPlanNode(c as Parameters<typeof toPlanNode>[0])),
  };
}

/** Every operator of a plan, depth first. */
export function planOperators(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(planOperators)];
}

/** What a driver error means for the transaction that met it. */
export type FailureKind =
  | 'unavailable' // the server cannot be reached: NEO4J_UNAVAILABLE
  | 'timeout' // the transaction ran past its timeout: TIMEOUT
  | 'transient' // retry; still failing after the budget: DATABASE_BUSY
  | 'overloaded' // out of connections or memory: OVERLOADED, not retried (it would add load)
  | 'conflict' // a uniqueness constraint: retried once, then CONFLICT
  | 'search-syntax' // a full-text query Lucene cannot parse: BAD_USER_INPUT
  | 'other'; // a bug (bad Cypher, a type error): left as it is, masked by the GraphQL layer

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);
const OVERLOADED_CODES = new Set([
  // dbms.memory.transaction.total.max (all transactions together) and db.memory.transaction.max
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.TransientError.Transaction.MaximumTransactionLimitReached',
]);
/**
 * Not classified TransientError by Neo4j 5, yet safe and useful to run again.
 * - LockClientStopped ("The transaction has been terminated, so no more locks can be acquired"):
 *   the server stopped this transaction's lock client while it waited, which under contention
 *   happens to the victim of a deadlock; a new transaction succeeds. The same code is what a
 *   transaction that timed out *while waiting for a lock* gets, so one that ran for its whole
 *   timeout is a TIMEOUT instead (see classify).
 * - NotALeader / ForbiddenOnReadOnlyDatabase: a write reached a cluster member that is no
 *   longer the leader (a leader switch); the next attempt gets a fresh routing table.
 */
const RETRIED_CLIENT_CODES = new Set([
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
]);
const TERMINATED_CODES = new Set([
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.Terminated',
]);

function codeOf(err: Error): string | undefined {
  return err instanceof Neo4jError ? err.code : undefined;
}

function oneLine(err: Error): string {
  return err.message.split('\n')[0]!.slice(0, 200);
}

/**
 * The meaning of a driver error. `elapsedMs` is how long the failed attempt ran, which tells a
 * transaction terminated by its own timeout from one terminated for another reason (Neo4j
 * reports both as LockClientStopped when it was waiting for a lock).
 */
export function classify(err: Error, elapsedMs: number, txTimeoutMs: number): FailureKind {
  if (!(err instanceof Neo4jError)) return 'other';
  const code = err.code;
  if (UNAVAILABLE_CODES.has(code)) return 'unavailable';
  // The pool had no free connection within connectionAcquisitionTimeout (the driver gives it
  // no code of its own).
  if (/connection acquisition timed out/i.test(err.message)) return 'overloaded';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (TERMINATED_CODES.has(code) && elapsedMs >= txTimeoutMs * 0.9) return 'timeout';
  if (OVERLOADED_CODES.has(code)) return 'overloaded';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return 'conflict';
  if (RETRIED_CLIENT_CODES.has(code) || code.startsWith('Neo.TransientError.')) return 'transient';
  if (code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && isLuceneSyntax(err.message)) {
    return 'search-syntax';
  }
  return 'other';
}

/** A full-text procedure's report that Lucene could not parse (or expand) the query. */
function isLuceneSyntax(message: string): boolean {
  return /ParseException|Cannot parse|TokenMgrError|not allowed as first character|TooManyClauses|maxClauseCount|TooComplexToDeterminize|IllegalArgumentException/i.test(
    message,
  );
}

/**
 * The ClaimgraphError for a driver error that will not be retried (again), or null for one that
 * is a bug and must surface as an internal error. Messages are ours: no driver or Cypher text.
 */
export function mapDriverError(err: Error, kind: FailureKind): ClaimgraphError | null {
  switch (kind) {
    case 'unavailable':
      return new UnavailableError(
        'NEO4J_UNAVAILABLE',
        'Neo4j cannot be reached; try again in a few seconds',
        RETRY_AFTER.NEO4J_UNAVAILABLE,
      );
    case 'timeout':
      return new TimeoutError(
        'the database did not finish within the transaction timeout (NEO4J_TX_TIMEOUT_MS); nothing was written',
      );
    case 'transient':
      return new UnavailableError(
        'DATABASE_BUSY',
        'the database is busy (lock contention); nothing was written; try again',
        RETRY_AFTER.DATABASE_BUSY,
      );
    case 'overloaded':
      return new UnavailableError(
        'OVERLOADED',
        'the database is at capacity (connections or transaction memory); nothing was written; try again shortly',
        RETRY_AFTER.OVERLOADED,
      );
    case 'conflict':
      return new ConflictError('the write conflicts with another made at the same time; send it again');
    case 'search-syntax':
      return new SearchSyntaxError();
    case 'other':
      return null;
  }
}

/** Exponential backoff with full jitter: 0..min(1 s, 25 ms * 2^attempt). */
function backoff(attempt: number): number {
  return Math.floor(Math.random() * Math.min(1_000, 25 * 2 ** attempt));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
  // Strings, numbers and booleans are most of a page's values: answered before the driver's type
  // tests, each a property lookup (profiled: the conversion was a tenth of a page's API time).
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  // A map the query built (a row's claim, actor or excerpt) is a plain object; the driver's
  // temporals, nodes and relationships are instances of its classes.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
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
