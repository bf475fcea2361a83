import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import { StartupError } from '../errors';
import type { Logger } from '../logger';
import type { AvailabilitySnapshot } from '../db/availability';
import type { Executor } from '../db/executor';
import type { Config } from '../config';
import { buildApollo, type Context } from '../graphql/apollo';
import { contextFor } from '../graphql/context';
import { exportRouter } from './exports';
import { explorerRouter } from './explorer';

/** What a client gets for a body express could not read: a coded JSON error, never HTML. */
function bodyError(err: {
  type?: unknown;
  status?: unknown;
}): { status: number; code: string; message: string } | null {
  switch (err.type) {
    case 'entity.parse.failed':
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'the request body is not valid JSON (a JSON object)',
      };
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'the request body is larger than the limit (BODY_LIMIT)',
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'BAD_REQUEST',
        message: 'the body must be UTF-8 JSON, without content encoding',
      };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, code: 'BAD_REQUEST', message: 'the request body could not be read' };
  }
  return null;
}

/**
 * The last middleware: every error that escaped a route becomes JSON with a code. Express's own
 * handler answers with an HTML page that, in development, shows the stack and file paths.
 */
const jsonErrors: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const e = (err ?? {}) as { type?: unknown; status?: unknown; expose?: unknown };
  const known = bodyError(e);
  let body: { status: number; code: string; message: string };
  if (known) body = known;
  else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    body = { status: e.status, code: 'BAD_REQUEST', message: 'the request could not be understood' };
  } else {
    req.log.error({ err }, 'unexpected error while answering an HTTP request');
    body = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
  }
  res.status(body.status).json({ errors: [{ message: body.message, extensions: { code: body.code } }] });
};

export interface HttpService {
  server: http.Server;
  url: string;
  /** Stop taking requests, let the ones in flight finish, then close Apollo. */
  stop(): Promise<void>;
}

/**
 * Express carries the routes Apollo does not: /healthz, /readyz and the exports. It also gives
 * an explicit body-size limit (Apollo's standalone server accepts ~50 MB from anyone).
 */
export async function startHttp(
  config: Config,
  logger: Logger,
  executor: Executor,
  /** Tests only: a schema to serve instead of the real one (see buildApollo). */
  options: { schema?: GraphQLSchema } = {},
): Promise<HttpService> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo: ApolloServer<Context> = await buildApollo({
    config,
    logger,
    executor,
    httpServer: server,
    schema: options.schema,
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger,
      // Honour a caller's request id (a proxy's), else make one; echo it so users can quote it.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  // The explorer at / (and its assets), the GraphQL console at /console.
  app.use(explorerRouter({ console: config.landingPage }));

  // Both say what state Neo4j is in (src/db/availability.ts). /healthz answers from memory, so it
  // stays instant while Neo4j is gone; /readyz also asks Neo4j. Either is 503 whenever the API
  // cannot serve (Neo4j starting, down, being restarted, or the service shutting down), with the
  // state in the body and a Retry-After.
  const unavailable = (res: express.Response, s: AvailabilitySnapshot) =>
    res
      .status(503)
      .setHeader('retry-after', '5')
      .json({ status: 'unavailable', neo4j: s.state, since: s.since, reason: s.reason });
  app.get('/healthz', (_req, res) => {
    const s = executor.availability.snapshot();
    if (s.state !== 'up') return void unavailable(res, s);
    res.json({ status: 'ok', neo4j: 'up' });
  });
  app.get('/readyz', async (req, res) => {
    if (!executor.availability.up) return void unavailable(res, executor.availability.snapshot());
    try {
      await executor.ping();
      res.json({ status: 'ready', neo4j: 'up' });
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      const s = executor.availability.snapshot();
      unavailable(res, s.state === 'up' ? { ...s, state: 'down', reason: 'the readiness query failed' } : s);
    }
  });

  app.use(
    '/graphql',
    // Answers are per caller and never cached (Apollo's cache-control plugin, which said so, is
    // off: its per-field hook cost every response; src/graphql/apollo.ts).
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      next();
    },
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req, { config, logger, executor }) }),
  );

  app.use(exportRouter(executor, config));

  app.use((_req, res) => {
    res
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: 'No such route. The API is at POST /graphql.' } });
  });

  app.use(jsonErrors);

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            'PORT_IN_USE',
            `port ${config.port} on ${config.host} is already in use; set PORT to a free port or stop the process holding it.`,
          ),
        );
      } else reject(err);
    });
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  return {
    server,
    url,
    stop: async () => {
      // ApolloServerPluginDrainHttpServer (in buildApollo) closes the listener and drains.
      await apollo.stop();
    },
  };
}
