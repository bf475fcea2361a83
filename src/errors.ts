/**
 * The one family of errors claimgraph raises on purpose.
 *
 * Each class carries a stable `code` (what clients branch on, sent as `extensions.code` in
 * GraphQL responses) and an HTTP status. Anything thrown that is not a ClaimgraphError is a bug
 * or an infrastructure fault: outside development it is masked before it reaches a client
 * (see src/graphql/format-error.ts), so no Cypher text or driver message leaks.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'DATA_FILE_INVALID'
  | 'CONFIG_INVALID'
  | 'NEO4J_UNAVAILABLE'
  | 'TIMEOUT'
  | 'DATABASE_BUSY'
  | 'OVERLOADED'
  | 'QUERY_TOO_COMPLEX'
  | 'LIMIT_EXCEEDED'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_A_DRAFT'
  | 'NEO4J_AUTH_FAILED'
  | 'EMBEDDED_NEO4J_FAILED'
  | 'PORT_IN_USE';

export class ClaimgraphError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  /** Structured detail safe to show a client (never driver internals). */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, httpStatus: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.httpStatus = httpStatus;
    this.details = details;
  }
}

/** Input that can never succeed as sent. `field` names the offending input path. */
export class BadUserInputError extends ClaimgraphError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', 400, message, field ? { field } : {});
  }
}

/**
 * A full-text search Lucene cannot parse. The executor raises it (it is the only module that reads
 * driver errors); the search resolver turns it into a message naming the `text` argument.
 */
export class SearchSyntaxError extends BadUserInputError {
  constructor(message = 'the search is not valid full-text syntax') {
    super(message);
  }
}

export class NotFoundError extends ClaimgraphError {
  constructor(message: string, field?: string) {
    super('NOT_FOUND', 404, message, field ? { field } : {});
  }
}

export class UnauthenticatedError extends ClaimgraphError {
  constructor(message = 'This operation needs a token: send "Authorization: Bearer <token>".') {
    super('UNAUTHENTICATED', 401, message);
  }
}

export class ForbiddenError extends ClaimgraphError {
  constructor(message: string) {
    super('FORBIDDEN', 403, message);
  }
}

export class ConflictError extends ClaimgraphError {
  constructor(message: string, field?: string) {
    super('CONFLICT', 409, message, field ? { field } : {});
  }
}

/** A data file (data/sources/*.yaml) that fails validation. Names the file, record and field. */
export class DataFileError extends ClaimgraphError {
  readonly file: string;
  readonly record: string;
  readonly field: string;

  constructor(file: string, record: string, field: string, problem: string) {
    super('DATA_FILE_INVALID', 400, `${file}: ${record}: ${field}: ${problem}`, { file, record, field });
    this.file = file;
    this.record = record;
    this.field = field;
  }
}

/**
 * The request asks for more than a documented limit allows: a list argument longer than its cap
 * (`details.limit`, `details.got`). Refused before any database work.
 */
export class LimitExceededError extends ClaimgraphError {
  constructor(message: string, details: { field: string; limit: number; got: number }) {
    super('LIMIT_EXCEEDED', 400, message, details);
  }
}

/** The query could return more nodes than the node limit allows (see src/graphql/cost.ts). */
export class QueryTooComplexError extends ClaimgraphError {
  constructor(message: string, details: { nodes: number; limit: number }) {
    super('QUERY_TOO_COMPLEX', 400, message, details);
  }
}

/**
 * The database could not answer now, through no fault of the request: it is down or restarting
 * (NEO4J_UNAVAILABLE), still busy after retries (DATABASE_BUSY: deadlocks, lock timeouts), or out
 * of capacity (OVERLOADED: connection pool or transaction memory exhausted). All are 503 and say
 * when to retry (`details.retryAfterSeconds`, sent as the Retry-After header too).
 */
export class UnavailableError extends ClaimgraphError {
  constructor(
    code: 'NEO4J_UNAVAILABLE' | 'DATABASE_BUSY' | 'OVERLOADED',
    message: string,
    retryAfterSeconds = 1,
  ) {
    super(code, 503, message, { retryAfterSeconds });
  }
}

/** A database transaction ran past its time limit (TX_TIMEOUT_MS) and was rolled back. */
export class TimeoutError extends ClaimgraphError {
  constructor(message: string) {
    super('TIMEOUT', 504, message);
  }
}

/** An HTTP request that is not a GraphQL request at all: malformed JSON, a wrong body type. */
export class BadRequestError extends ClaimgraphError {
  constructor(message: string, code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' = 'BAD_REQUEST') {
    super(code, code === 'PAYLOAD_TOO_LARGE' ? 413 : 400, message);
  }
}

/** A review operation (verifyDraft, rejectDraft) on a claim that is not a DRAFT. */
export class NotADraftError extends ClaimgraphError {
  constructor(message: string) {
    super('NOT_A_DRAFT', 409, message);
  }
}

/** A problem the operator must fix before the service can start; printed as one line. */
export class StartupError extends ClaimgraphError {
  constructor(code: ErrorCode, message: string) {
    super(code, 503, message);
  }
}
