import { Neo4jError } from 'neo4j-driver';
import { classify, mapDriverError } from '../../src/db/executor';

/**
 * The executor's reading of Neo4j's error codes (Neo4j 5.26's Status codes, as the driver
 * delivers them): what a client gets for each, after retries. The integration tests produce the
 * ones a single server can be made to raise (deadlock, lock timeout, lost server); this table
 * covers the cluster and memory cases too.
 */
const TX_TIMEOUT = 15_000;
const err = (code: string, message = 'x') => new Neo4jError(message, code, '50N42', 'x');
const outcome = (e: Error, elapsed = 10) => {
  const kind = classify(e, elapsed, TX_TIMEOUT);
  const mapped = mapDriverError(e, kind);
  return { kind, code: mapped?.code ?? null, status: mapped?.httpStatus ?? null };
};

it.each([
  ['ServiceUnavailable', 'unavailable', 'NEO4J_UNAVAILABLE', 503],
  ['SessionExpired', 'unavailable', 'NEO4J_UNAVAILABLE', 503],
  ['Neo.TransientError.General.DatabaseUnavailable', 'unavailable', 'NEO4J_UNAVAILABLE', 503],
  ['Neo.ClientError.Transaction.TransactionTimedOut', 'timeout', 'TIMEOUT', 504],
  ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timeout', 'TIMEOUT', 504],
  ['Neo.TransientError.Transaction.DeadlockDetected', 'transient', 'DATABASE_BUSY', 503],
  ['Neo.TransientError.Transaction.LockAcquisitionTimeout', 'transient', 'DATABASE_BUSY', 503],
  // "The transaction has been terminated, so no more locks can be acquired": a ClientError in
  // Neo4j 5, so the driver would never retry it; the executor does.
  ['Neo.ClientError.Transaction.LockClientStopped', 'transient', 'DATABASE_BUSY', 503],
  ['Neo.TransientError.Transaction.LeaderSwitch', 'transient', 'DATABASE_BUSY', 503],
  ['Neo.ClientError.Cluster.NotALeader', 'transient', 'DATABASE_BUSY', 503],
  ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'overloaded', 'OVERLOADED', 503],
  ['Neo.TransientError.General.TransactionMemoryLimit', 'overloaded', 'OVERLOADED', 503],
  ['Neo.TransientError.Transaction.MaximumTransactionLimitReached', 'overloaded', 'OVERLOADED', 503],
  ['Neo.ClientError.Schema.ConstraintValidationFailed', 'conflict', 'CONFLICT', 409],
  ['Neo.ClientError.Statement.SyntaxError', 'other', null, null],
])('%s is %s → %s', (code, kind, mapped, status) => {
  expect(outcome(err(code))).toEqual({ kind, code: mapped, status });
});

it('a transaction stopped while waiting for a lock after its whole timeout is a TIMEOUT, not a retry', () => {
  const stopped = err('Neo.ClientError.Transaction.LockClientStopped');
  expect(outcome(stopped, TX_TIMEOUT)).toMatchObject({ kind: 'timeout', code: 'TIMEOUT' });
  expect(outcome(stopped, 50)).toMatchObject({ kind: 'transient' });
});

it('the connection pool running dry is OVERLOADED', () => {
  const dry = err('N/A', 'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100');
  expect(outcome(dry)).toMatchObject({ kind: 'overloaded', code: 'OVERLOADED', status: 503 });
});

it('a full-text query Lucene cannot parse is BAD_USER_INPUT', () => {
  const lucene = err(
    'Neo.ClientError.Procedure.ProcedureCallFailed',
    "Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by: org.apache.lucene.queryparser.classic.ParseException: Cannot parse 'a AND'",
  );
  expect(outcome(lucene)).toMatchObject({ kind: 'search-syntax', code: 'BAD_USER_INPUT', status: 400 });
});

it('an error that is not the driver’s is left alone (a bug, masked by the GraphQL layer)', () => {
  expect(outcome(new TypeError('x'))).toEqual({ kind: 'other', code: null, status: null });
});
