import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { PROJECT_ROOT } from '../paths';

/** Where `npm run build` (web/build.js) puts the bundled explorer. */
export const EXPLORER_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * The page may load only what this server serves and talk only to it: a stray third-party
 * request (a CDN, a font, a tracker) is refused by the browser itself. Styles allow inline
 * attributes because Cytoscape.js positions its canvases with them.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GET /            the explorer (web/, bundled into dist/web/ by `npm run build`)
 * GET /app.js, /styles.css …   its assets
 * GET /console     the GraphQL console (src/http/landing.html), when LANDING_PAGE is on
 */
export function explorerRouter(opts: { console: boolean }): Router {
  const router = Router();
  const security = (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };

  if (opts.console) {
    // Our own page (Apollo's load their scripts from a CDN and fail offline); LANDING_PAGE=false hides it.
    const page = fs.readFileSync(path.join(PROJECT_ROOT, 'src', 'http', 'landing.html'), 'utf8');
    router.get('/console', (_req, res) => {
      res.type('html').send(page);
    });
  }

  router.get('/', security, (_req, res) => {
    const index = path.join(EXPLORER_DIR, 'index.html');
    if (!fs.existsSync(index)) {
      // A checkout run without the build (e.g. `node dist/src/main.js` after a bare tsc).
      res
        .status(503)
        .type('text')
        .send(
          'The explorer is not built: run `npm run build` (it bundles web/ into dist/web/). The API is at /graphql.',
        );
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  router.use(
    security,
    express.static(EXPLORER_DIR, {
      index: false,
      fallthrough: true,
      // The bundle's name does not change between builds: revalidate rather than cache stale code.
      cacheControl: true,
      maxAge: 0,
    }),
  );
  return router;
}
