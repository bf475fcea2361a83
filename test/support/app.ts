import { loadConfig, type Config } from '../../src/config';
import type { Executor } from '../../src/db/executor';
import { startHttp, type HttpService } from '../../src/http/server';
import { createLogger } from '../../src/logger';

export interface TestApp {
  url: string;
  config: Config;
  /** POSTs a GraphQL operation to /graphql, as an app would. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: { data?: T; errors?: GqlError[] } }>;
  stop(): Promise<void>;
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}

/** The real HTTP server on an ephemeral port, over the run's Neo4j. */
export async function startTestApp(
  executor: Executor,
  env: Record<string, string> = {},
  /** Where the server's JSON log lines go (with LOG_LEVEL set in env), to inspect them. */
  logTo?: { write(line: string): void },
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const http: HttpService = await startHttp(config, createLogger(config.logLevel, logTo), executor);
  return {
    url: http.url,
    config,
    async gql(query, variables, opts = {}) {
      const res = await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    stop: () => http.stop(),
  };
}
