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

/** A problem the operator must fix before the service can start; printed as one line. */
export class StartupError extends ClaimgraphError {
  constructor(code: ErrorCode, message: string) {
    super(code, 503, message);
  }
}
