import type { Request } from 'express';
import type { Config } from '../config';
import type { Executor } from '../db/executor';
import type { Logger } from '../logger';

/** What every resolver gets: the executor, a request-scoped logger, and who is calling. */
export interface Context {
  executor: Executor;
  logger: Logger;
  config: Config;
}

export async function contextFor(
  req: Request,
  deps: { config: Config; logger: Logger; executor: Executor },
): Promise<Context> {
  return { executor: deps.executor, logger: req.log ?? deps.logger, config: deps.config };
}
