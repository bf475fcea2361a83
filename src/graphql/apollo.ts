import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import gql from 'graphql-tag';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Executor } from '../db/executor';
import type { Logger } from '../logger';
import { SCHEMA_DIR } from '../paths';
import type { Context } from './context';
import { committedWritesPlugin } from './committed';
import { formatError } from './format-error';
import { enforceListCaps } from './limits';
import { noSubscriptions, truthfulResponsesPlugin } from './plugins';
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

/** The served schema: the SDL and resolvers, every unpaginated list held to its documented cap. */
export function buildSchema(): GraphQLSchema {
  return enforceListCaps(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
}

/** The most lexical tokens a document may have: the parser stops at the next one (400). */
export const MAX_TOKENS = 2000;
export const MAX_DEPTH = 8;
export const MAX_ALIASES = 15;
export const MAX_DIRECTIVES = 50;

export async function buildApollo(deps: {
  config: Config;
  logger: Logger;
  executor: Executor;
  httpServer: http.Server;
  /** Tests only: serve this schema instead (to reach error paths with real errors). */
  schema?: GraphQLSchema;
}): Promise<ApolloServer<Context>> {
  const { config } = deps;
  // Limits against hostile queries. graphql-armor keeps depth, aliases and directives (validation
  // errors, 400). Its cost limit is off: it multiplies only literal `first` values and weighs
  // unpaginated lists at nothing; the node limit in ./limits.ts replaces it. Its token limit is
  // off too: it re-parses in parsingDidStart, where any syntax error became a 500; graphql-js's
  // own `maxTokens` parse option (below) stops the parser instead, as a 400 parse failure.
  const armor = new ApolloArmor({
    // Depth counts fields: fragments (how clients organise their queries) add no level.
    maxDepth: { n: MAX_DEPTH, flattenFragments: true },
    maxAliases: { n: MAX_ALIASES },
    maxDirectives: { n: MAX_DIRECTIVES },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  });
  const protection = armor.protect();
  return new ApolloServer<Context>({
    schema: deps.schema ?? buildSchema(),
    parseOptions: { maxTokens: MAX_TOKENS },
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    formatError: formatError(config),
    allowBatchedHttpRequests: false,
    plugins: [
      ...protection.plugins,
      committedWritesPlugin, // extensions.committed: no committed write hides behind an error
      // Node limit and list caps before execution; HTTP statuses and error logging after.
      truthfulResponsesPlugin(deps.logger),
      // On shutdown: stop accepting, let requests in flight finish for up to SHUTDOWN_GRACE_MS.
      ApolloServerPluginDrainHttpServer({
        httpServer: deps.httpServer,
        stopGracePeriodMillis: config.shutdownGraceMs,
      }),
      // Apollo's own landing pages load from a CDN; ours is served by src/http (see /).
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints here (responses are per caller, and say what was committed): without this,
      // Apollo's cache-control plugin runs a hook on every field of every response.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [...protection.validationRules, noSubscriptions],
  });
}
