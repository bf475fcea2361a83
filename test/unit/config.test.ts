import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, forBulkImport, loadConfig } from '../../src/config';
import { StartupError } from '../../src/errors';
import { PROJECT_ROOT } from '../../src/paths';

/** The variables in the README's configuration table, in order. */
function documented(): string[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Docker'));
  return [...section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]!);
}

describe('configuration', () => {
  it('documents every variable it reads, and reads every variable it documents', () => {
    // The install script reads this one; the service does not.
    const installOnly = ['CLAIMGRAPH_SKIP_NEO4J_FETCH'];
    expect(documented().filter((v) => !installOnly.includes(v))).toEqual(CONFIG_VARIABLES);
  });

  it('gives a bulk import its own, longer transaction timeout and leaves the API’s alone', () => {
    const api = loadConfig({});
    const bulk = forBulkImport(api);
    expect([api.neo4j.txTimeoutMs, bulk.neo4j.txTimeoutMs]).toEqual([15_000, 300_000]);
    const set = forBulkImport(
      loadConfig({ NEO4J_IMPORT_TX_TIMEOUT_MS: '60000', NEO4J_TX_TIMEOUT_MS: '5000' }),
    );
    expect(set.neo4j.txTimeoutMs).toBe(60_000);
    expect(() => loadConfig({ NEO4J_IMPORT_TX_TIMEOUT_MS: '0' })).toThrow(StartupError);
  });

  it('has sane defaults: loopback, port 4000, the embedded Neo4j, a bounded heap and page cache', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      env: 'development',
      introspection: true,
      landingPage: true,
    });
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.embedded).toMatchObject({ boltPort: 7687, heap: '1g', pagecache: '512m' });
  });

  it('turns introspection and the landing page off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      introspection: false,
      landingPage: false,
    });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeUndefined();
  });

  it.each([
    ['PORT', 'forty'],
    ['NEO4J_HEAP', 'lots'],
    ['REQUIRE_READ_TOKEN', 'maybe'],
  ])('names the variable when %s=%s is invalid', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(StartupError);
    expect(() => loadConfig({ [name]: value })).toThrow(
      new RegExp(`^environment variable ${name} is invalid`),
    );
  });
});
