import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { ClaimgraphError } from '../errors';
import { authenticateRequest, type Caller } from '../auth';
import type { Config } from '../config';
import type { Executor } from '../db/executor';
import type { Logger } from '../logger';
import { WriteLog } from '../writes/log';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: the executor, per-request loaders, a request logger, and the caller. */
export interface Context {
  executor: Executor;
  loaders: Loaders;
  logger: Logger;
  config: Config;
  /**
   * The authenticated caller, or null for an anonymous request. Its writer (writerOf) reports
   * every write it makes to `writes`, whatever mutation makes it.
   */
  caller: Caller | null;
  /** The writes this request made (src/writes/log.ts): reported as `extensions.committed`. */
  writes: WriteLog;
}

export async function contextFor(
  req: Request,
  deps: { config: Config; logger: Logger; executor: Executor },
): Promise<Context> {
  // A bad token fails the whole request with UNAUTHENTICATED (thrown here, before any resolver);
  // Apollo answers a context failure with the status and code carried by the GraphQLError.
  // /export authenticates through the same function (src/auth.ts authenticateRequest).
  let caller: Caller | null;
  try {
    caller = await authenticateRequest(deps.executor, req.headers.authorization, deps.config);
  } catch (err) {
    if (err instanceof ClaimgraphError) {
      throw new GraphQLError(err.message, {
        extensions: { code: err.code, http: { status: err.httpStatus } },
      });
    }
    throw err;
  }
  const loaders = createLoaders(deps.executor);
  // After a write, the request's cached nodes may be stale: a mutation's result (and every field
  // after it) is read from the database again, never from what an earlier field loaded.
  const writes = new WriteLog(() => {
    for (const loader of Object.values(loaders)) loader.clearAll();
  });
  return {
    executor: deps.executor,
    loaders,
    logger: req.log ?? deps.logger,
    config: deps.config,
    caller: caller && { ...caller, onWrite: writes.sink },
    writes,
  };
}
