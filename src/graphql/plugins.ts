/**
 * The Apollo plugin that makes a GraphQL response tell the truth at the HTTP level:
 *
 * - refuses an operation over the node limit or with a list argument over its cap before any
 *   resolver runs (src/graphql/limits.ts), as a 400 with QUERY_TOO_COMPLEX / LIMIT_EXCEEDED;
 * - a response left without data by an unavailable database (503: NEO4J_UNAVAILABLE,
 *   DATABASE_BUSY, OVERLOADED) or a timeout (504: TIMEOUT) carries that status, and a 503 says
 *   when to retry (Retry-After, from the error's retryAfterSeconds);
 * - an unexpected error (anything not in the ClaimgraphError family) is logged at error level
 *   with the request id and the cause, stack included. Clients see it masked (format-error.ts).
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { ClaimgraphError } from '../errors';
import type { Logger } from '../logger';
import type { Context } from './context';
import { checkOperationLimits, requestError } from './limits';

/** The ClaimgraphError behind a GraphQL error, if any (resolver errors wrap it once). */
export function claimgraphCause(error: unknown): ClaimgraphError | null {
  if (error instanceof ClaimgraphError) return error;
  if (error instanceof GraphQLError && error.originalError instanceof ClaimgraphError)
    return error.originalError;
  return null;
}

/** An error the server did not mean to raise: a bug or an infrastructure fault. */
function isUnexpected(error: GraphQLError): boolean {
  if (claimgraphCause(error)) return false;
  const cause = error.originalError;
  // Parse, validation, variable-coercion and Apollo's own request errors are GraphQLErrors (or
  // carry a 4xx status); a resolver that failed on its own carries a plain Error as the cause.
  if (!cause || cause instanceof GraphQLError) return false;
  const http = error.extensions?.http as { status?: number } | undefined;
  return !(http?.status && http.status < 500);
}

function withoutData(data: Record<string, unknown> | null | undefined): boolean {
  // Nullable mutation fields: `{ a: null, b: null }` is as empty as `null`.
  return data === undefined || data === null || Object.values(data).every((v) => v === null);
}

/** Subscriptions are not served (no Subscription type): a client error, refused at validation. */
export const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(
        new GraphQLError('subscriptions are not supported by this server: send a query or a mutation', {
          nodes: [node],
        }),
      );
    }
  },
});

export function truthfulResponsesPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          try {
            checkOperationLimits(rc.schema, rc.document, rc.operation, rc.request.variables);
          } catch (err) {
            if (err instanceof ClaimgraphError) throw requestError(err);
            throw err;
          }
        },

        async didEncounterErrors(rc) {
          const log = (rc.contextValue as Partial<Context> | undefined)?.logger ?? logger;
          for (const error of rc.errors) {
            if (!isUnexpected(error)) continue;
            // The request logger (pino-http's req.log) binds the request id; the cause's stack goes
            // to the log only, never into the response.
            log.error(
              { err: error.originalError, path: error.path, operationName: rc.operationName },
              'unexpected error while answering a GraphQL request',
            );
          }
        },

        async willSendResponse(rc: GraphQLRequestContext<Context>) {
          const body = rc.response.body;
          if (body?.kind !== 'single' || !rc.errors?.length) return;
          if (!withoutData(body.singleResult.data)) return;
          const causes = rc.errors.map(claimgraphCause).filter((e): e is ClaimgraphError => e !== null);
          const unavailable =
            causes.find((e) => e.httpStatus === 503) ?? causes.find((e) => e.httpStatus === 504);
          if (unavailable) {
            rc.response.http.status = unavailable.httpStatus;
            if (unavailable.httpStatus === 503) {
              const after = Number(unavailable.details.retryAfterSeconds);
              rc.response.http.headers.set(
                'retry-after',
                String(Number.isFinite(after) && after > 0 ? Math.ceil(after) : 1),
              );
            }
          } else if (body.singleResult.data === undefined && causes[0]) {
            // Refused before execution (the limits above): the error's own status.
            rc.response.http.status = causes[0].httpStatus;
          } else if (causes.length === 0 && rc.errors.some(isUnexpected)) {
            // Nothing answered, and through the server's fault: not a 200.
            rc.response.http.status = 500;
          }
        },
      };
    },
  };
}
