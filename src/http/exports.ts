import { Router, type NextFunction, type Request, type Response } from 'express';
import { authenticateRequest } from '../auth';
import type { Config } from '../config';
import type { Executor } from '../db/executor';
import { ClaimgraphError, NotFoundError } from '../errors';
import {
  CONTENT_TYPES,
  describeProgress,
  exportGraph,
  parseGraphFilter,
  streamSink,
  type GraphFormat,
} from '../export/graph';
import { claimJsonLd } from '../export/jsonld';

/**
 * GET /export/claims/:id.jsonld   a claim as schema.org JSON-LD (404 JSON error if unknown)
 * GET /export/graph.graphml       the attribution graph as GraphML (Gephi, yEd, Cytoscape)
 * GET /export/graph.json          the same as {"nodes": [...], "edges": [...]}
 * Graph filters: ?actors=a,b (refs) &kinds=ACCUSATION,DENIAL &from=YYYY-MM-DD &to=YYYY-MM-DD,
 * all checked before anything is sent (400 BAD_USER_INPUT or 404 NOT_FOUND, as JSON naming the
 * parameter). Graph exports stream, a page of rows at a time.
 *
 * Access is GraphQL's: a token that is sent must be valid (401 otherwise, even when reads are
 * open), and with REQUIRE_READ_TOKEN=true every export needs at least a reader token.
 */
export function exportRouter(executor: Executor, config: Pick<Config, 'requireReadToken'>): Router {
  const router = Router();

  const fail = (req: Request, res: Response, err: unknown) => {
    if (res.headersSent) {
      // Mid-stream: the status is gone; cut the response so the client sees it is incomplete.
      req.log?.error({ err }, 'export failed while streaming');
      res.destroy(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (err instanceof ClaimgraphError) {
      res.status(err.httpStatus).json({ error: { code: err.code, message: err.message, ...err.details } });
      return;
    }
    req.log?.error({ err }, 'export failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  };

  router.use('/export', async (req: Request, res: Response, next: NextFunction) => {
    try {
      // The same path as /graphql's context (src/auth.ts): an export is a read.
      await authenticateRequest(executor, req.headers.authorization, config);
      next();
    } catch (err) {
      fail(req, res, err);
    }
  });

  router.get('/export/claims/:id.jsonld', async (req, res) => {
    try {
      const id = req.params.id;
      const doc = await claimJsonLd(executor, id);
      if (!doc) throw new NotFoundError(`no claim has the id "${id}"`, 'id');
      res.type(CONTENT_TYPES.jsonld).send(JSON.stringify(doc, null, 2));
    } catch (err) {
      fail(req, res, err);
    }
  });

  const graph = (format: GraphFormat) => async (req: Request, res: Response) => {
    try {
      // Every filter is checked (and every actor ref resolved) here, before the first byte: a bad
      // one is a 400/404 JSON error, never a 200 cut short.
      const filter = await parseGraphFilter(executor, req.query as Record<string, unknown>);
      res.status(200).type(CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `inline; filename="claimgraph.${format}"`);
      const done = await exportGraph(executor, format, filter, streamSink(res));
      if (done.skipped) req.log?.warn({ export: done }, `export: ${describeProgress(done)}`);
      res.end();
    } catch (err) {
      fail(req, res, err);
    }
  };
  router.get('/export/graph.graphml', graph('graphml'));
  router.get('/export/graph.json', graph('json'));

  return router;
}
