import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/**
 * Adds `extensions.committed` to every response of a request that committed a write: one entry
 * per write ({ field, operation, id, auditEvent }), in order. Mutation fields are nullable, so a
 * failing field nulls only itself; this list is what keeps a committed write visible even when
 * its own field came back null (a failed nested field) or the client only reads `errors`. A
 * client that sees its write here must not send it again (or must send the same idempotencyKey).
 */
export const committedWritesPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async executionDidStart({ operation }) {
        // Only mutations write; queries skip the per-field hook altogether.
        if (operation.operation !== 'mutation') return;
        return {
          willResolveField({ contextValue, info }) {
            if (info.path.prev === undefined && info.parentType === info.schema.getMutationType()) {
              contextValue.writes?.enterField(String(info.path.key));
            }
          },
        };
      },
      async willSendResponse({ response, contextValue }) {
        const log = contextValue.writes;
        if (!log || log.isEmpty || response.body.kind !== 'single') return;
        const committed = await log.committed(contextValue.executor);
        if (committed.length === 0) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, committed };
      },
    };
  },
};
