import { VERSION } from '../paths';
import type { Context } from './context';
import { analysisResolvers } from './resolvers/analysis';
import { Mutation } from './resolvers/mutation';
import { provenanceResolvers } from './resolvers/provenance';
import { Query } from './resolvers/query';
import { recheckResolvers } from './resolvers/recheck';
import { Actor, Claim, Event, Excerpt, Extraction, Source } from './resolvers/types';
import { DateScalar, DateTimeScalar, URLScalar } from './scalars';

/**
 * Resolvers stay thin: they check who is calling, hand input to src/writes (writes) or to a
 * named query through the executor and the per-request loaders (reads), and shape the rows.
 * Cypher lives in cypher/queries, never here.
 */
export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  URL: URLScalar,
  Query: {
    ...Query,
    ...analysisResolvers.Query,
    ...recheckResolvers.Query,
    serverInfo: async (_: unknown, __: unknown, ctx: Context) => {
      const [row] = await ctx.executor.read('system/server-info');
      return {
        version: VERSION,
        neo4jVersion: row?.version ?? 'unknown',
        neo4jEdition: row?.edition ?? 'unknown',
      };
    },
  },
  Mutation: { ...Mutation, ...provenanceResolvers.Mutation, ...recheckResolvers.Mutation },
  Actor,
  Claim: { ...Claim, ...analysisResolvers.Claim, ...provenanceResolvers.Claim },
  ProvenanceLink: analysisResolvers.ProvenanceLink,
  Dispute: analysisResolvers.Dispute,
  AttributionEdge: analysisResolvers.AttributionEdge,
  PathStep: analysisResolvers.PathStep,
  Event,
  Excerpt: { ...Excerpt, ...provenanceResolvers.Excerpt, ...recheckResolvers.Excerpt },
  Source: { ...Source, ...provenanceResolvers.Source, ...recheckResolvers.Source },
  Origin: provenanceResolvers.Origin,
  Snapshot: recheckResolvers.Snapshot,
  SourceRecheck: recheckResolvers.SourceRecheck,
  Extraction,
};
