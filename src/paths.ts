import fs from 'node:fs';
import path from 'node:path';

/**
 * The project root: the nearest folder above this module holding package.json and cypher/. Code runs both
 * from src/ (ts-jest) and from dist/src/ (npm start), so paths are resolved from the root, never
 * from __dirname directly.
 */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    // dist/ may hold a package.json of its own; the root is where the Cypher lives too.
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'cypher'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
export const SEED_DIR = path.join(PROJECT_ROOT, 'data', 'sources');
export const NEO4J_DIR = path.join(PROJECT_ROOT, 'neo4j');

/** claimgraph's own version, from package.json. */
export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
