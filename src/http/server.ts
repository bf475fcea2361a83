import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import { StartupError } from '../errors';
import type { Logger } from '../logger';
import type { Executor } from '../db/executor';
import type { Config } from '../config';
import { buildApollo, type Context } from '../graphql/apollo';
import { contextFor } from '../graphql/context';
import { exportRouter } from './exports';
import { explorerRouter } from './explorer';

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
export async function startHttp(config: Config, logger: Logger, executor: Executor): Promise<HttpService> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo: ApolloServer<Context> = await buildApollo({ config, logger, executor, httpServer: server });
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

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    try {
      await executor.ping();
      res.json({ status: 'ready', neo4j: 'ok' });
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', neo4j: 'unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req, { config, logger, executor }) }),
  );

  app.use(exportRouter(executor, config));

  app.use((_req, res) => {
    res
      .status(404)
      .json({ error: { code: 'NOT_FOUND', message: 'No such route. The API is at POST /graphql.' } });
  });

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
