import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Config } from '../config';
import { ClaimgraphError } from '../errors';

/** Codes graphql-js / Apollo / graphql-armor produce themselves for a malformed request. */
const REQUEST_ERROR_CODES = new Set([
  // Ours, when raised before resolvers run (authentication in the context function).
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Our error behind a resolver error, or behind a request-level GraphQLError (the limits plugin). */
function claimgraphCause(error: unknown): ClaimgraphError | null {
  const original = unwrapResolverError(error);
  if (original instanceof ClaimgraphError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof ClaimgraphError) {
    return original.originalError;
  }
  return null;
}

/** The HTTP status Apollo attached to a request error of its own (e.g. a persisted-query mismatch). */
function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const http = error.extensions?.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * graphql-armor words every refusal as "Syntax Error: ..." (a depth limit is not one) and
 * graphql-js's token limit reads "more that N tokens": say what happened.
 */
function truthfulMessage(code: unknown, message: string): string {
  if (code === 'GRAPHQL_VALIDATION_FAILED') return message.replace(/^Syntax Error: /, '');
  const tokens = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/.exec(message);
  if (code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    return `Syntax Error: the document has more than ${tokens[1]} tokens, the limit; parsing stopped there.`;
  }
  return message;
}

/**
 * Our errors go out with their stable code and safe details. Anything else that reaches here from
 * a resolver is unexpected (a driver error, a bug): outside development it becomes a bare
 * INTERNAL_SERVER_ERROR, because its message may carry Cypher text or server internals (it is
 * logged at error level with its stack by the plugin in ./plugins.ts).
 */
export function formatError(config: Config) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const ours = claimgraphCause(error);
    if (ours) {
      return {
        message: ours.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ours.code, ...ours.details },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { ...formatted, message: truthfulMessage(code, formatted.message) };
    }
    if (formatted.message.startsWith('Too many errors processing variables')) {
      // graphql-js stops coercing variables after 50 errors and adds this one, without a code:
      // it is the client's input, like the 50 before it, not a fault of ours.
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const status = httpStatusOf(error);
    if (status !== undefined && status >= 400 && status < 500) {
      // Apollo's own client errors without a code of their own (a persisted query whose hash
      // does not match its text): the client's fault, so BAD_REQUEST, not an internal error.
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (config.env === 'development') return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
