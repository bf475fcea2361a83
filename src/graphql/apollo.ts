import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import gql from 'graphql-tag';
import type { Config } from '../config';
import type { Executor } from '../db/executor';
import type { Logger } from '../logger';
import { SCHEMA_DIR } from '../paths';
import type { Context } from './context';
import { committedWritesPlugin } from './committed';
import { formatError } from './format-error';
import { resolvers } from './resolvers';

export type { Context };

/** The SDL the server serves: every schema/*.graphql file, in name order. */
export function loadTypeDefs() {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => gql(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')));
}

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

export async function buildApollo(deps: {
  config: Config;
  logger: Logger;
  executor: Executor;
  httpServer: http.Server;
}): Promise<ApolloServer<Context>> {
  const { config } = deps;
  // Limits against hostile queries: depth, aliases, directives, tokens and cost. `first` is capped
  // at 100 in the resolvers, so cost stays bounded for paginated lists too.
  const armor = new ApolloArmor({
    maxDepth: { n: 8 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    maxTokens: { n: 2000 },
    costLimit: { maxCost: 20000 },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    formatError: formatError(config),
    allowBatchedHttpRequests: false,
    plugins: [
      ...protection.plugins,
      committedWritesPlugin, // extensions.committed: no committed write hides behind an error
      // On shutdown: stop accepting, let requests in flight finish for up to SHUTDOWN_GRACE_MS.
      ApolloServerPluginDrainHttpServer({
        httpServer: deps.httpServer,
        stopGracePeriodMillis: config.shutdownGraceMs,
      }),
      // Apollo's own landing pages load from a CDN; ours is served by src/http (see /).
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: [...protection.validationRules],
  });
}
