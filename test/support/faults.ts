import { makeExecutableSchema } from '@graphql-tools/schema';
import gql from 'graphql-tag';
import { loadConfig } from '../../src/config';
import type { Executor } from '../../src/db/executor';
import { TimeoutError, UnavailableError } from '../../src/errors';
import { loadTypeDefs } from '../../src/graphql/apollo';
import { enforceListCaps } from '../../src/graphql/limits';
import { resolvers } from '../../src/graphql/resolvers';
import { startHttp } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import type { TestApp } from './app';

/**
 * The real HTTP server and schema plus one test-only field, `fault(kind)`, that throws the error
 * the database layer raises when Neo4j is down, busy, out of capacity or too slow, or an
 * unexpected one (a bug): the HTTP layer's answer to each is then checked end to end.
 */
const FAULTS: Record<string, () => never> = {
  NEO4J_UNAVAILABLE: () => {
    throw new UnavailableError('NEO4J_UNAVAILABLE', 'the database is unavailable; retry shortly', 2);
  },
  DATABASE_BUSY: () => {
    throw new UnavailableError('DATABASE_BUSY', 'the database is busy (lock contention); retry shortly', 1);
  },
  OVERLOADED: () => {
    throw new UnavailableError('OVERLOADED', 'the server is at capacity; retry shortly', 3);
  },
  TIMEOUT: () => {
    throw new TimeoutError('the query ran past its time limit and was rolled back');
  },
  BUG: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret') at /work/src/x.ts:1");
  },
};

export async function startFaultApp(
  executor: Executor,
  env: Record<string, string> = {},
  logTo?: { write(line: string): void },
): Promise<TestApp> {
  const schema = enforceListCaps(
    makeExecutableSchema({
      typeDefs: [...loadTypeDefs(), gql('extend type Query { fault(kind: String!): String }')],
      resolvers: {
        ...resolvers,
        Query: {
          ...resolvers.Query,
          fault: (_: unknown, args: { kind: string }) => FAULTS[args.kind]?.() ?? 'ok',
        },
      },
    }),
  );
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const http = await startHttp(config, createLogger(config.logLevel, logTo), executor, { schema });
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
