import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { ClaimgraphError } from '../errors';
import { authenticate, type Caller } from '../auth';
import type { Config } from '../config';
import type { Executor } from '../db/executor';
import type { Logger } from '../logger';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: the executor, per-request loaders, a request logger, and the caller. */
export interface Context {
  executor: Executor;
  loaders: Loaders;
  logger: Logger;
  config: Config;
  /** The authenticated caller, or null for an anonymous request. */
  caller: Caller | null;
}

export async function contextFor(
  req: Request,
  deps: { config: Config; logger: Logger; executor: Executor },
): Promise<Context> {
  // A bad token fails the whole request with UNAUTHENTICATED (thrown here, before any resolver);
  // Apollo answers a context failure with the status and code carried by the GraphQLError.
  let caller: Caller | null;
  try {
    caller = await authenticate(deps.executor, req.headers.authorization);
  } catch (err) {
    if (err instanceof ClaimgraphError) {
      throw new GraphQLError(err.message, {
        extensions: { code: err.code, http: { status: err.httpStatus } },
      });
    }
    throw err;
  }
  if (deps.config.requireReadToken && caller === null) {
    // REQUIRE_READ_TOKEN=true: every request, reads included, needs at least a reader token.
    throw new GraphQLError('This server requires a token for reads: send "Authorization: Bearer <token>".', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return {
    executor: deps.executor,
    loaders: createLoaders(deps.executor),
    logger: req.log ?? deps.logger,
    config: deps.config,
    caller,
  };
}
