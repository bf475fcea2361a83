import type { Context } from './context';
import { VERSION } from '../paths';

/**
 * Resolvers stay thin: they check input, call a named query through the executor, and shape the
 * rows. Cypher lives in cypher/queries, never here.
 */
export const resolvers = {
  Query: {
    serverInfo: async (_: unknown, __: unknown, ctx: Context) => {
      const [row] = await ctx.executor.read('system/server-info');
      return {
        version: VERSION,
        neo4jVersion: row?.version ?? 'unknown',
        neo4jEdition: row?.edition ?? 'unknown',
      };
    },
  },
};
