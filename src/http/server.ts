import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express from 'express';
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
import { PROJECT_ROOT } from '../paths';

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

  if (config.landingPage) {
    // Our own page (Apollo's load their scripts from a CDN and fail offline); LANDING_PAGE=false hides it.
    const page = fs.readFileSync(path.join(PROJECT_ROOT, 'src', 'http', 'landing.html'), 'utf8');
    app.get('/', (_req, res) => {
      res.type('html').send(page);
    });
  }

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
