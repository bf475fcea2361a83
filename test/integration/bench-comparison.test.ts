import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { serveFloor } from '../../bench/floor-server';
import { serveNeo4jGraphql } from '../../bench/neo4j-graphql';
import {
  ApiClient,
  canonicals,
  FloorClient,
  HttpFloorClient,
  pick,
  sameAnswers,
  sizeFor,
  type Canonical,
  type Picks,
} from '../../bench/scale';
import { writeSynthetic } from '../../bench/synthetic';
import type { Executor } from '../../src/db/executor';
import { importPath } from '../../src/import';
import { startTestApp, type TestApp } from '../support/app';
import { freshDatabase, testExecutor } from '../support/db';
import { closeApp } from '../support/fixtures';
import { testTarget } from '../setup/neo4j-target';

/**
 * bench:scale's comparison is only worth its figures if the three sides answer the same question:
 * claimgraph's API, the floor's hand-written Cypher and @neo4j/graphql over the same store, on a
 * small synthetic graph loaded as the benchmark loads it (bench/synthetic.ts through src/import).
 * Each canonical query's claim ids must be the same on every side; the @neo4j/graphql schema is
 * built from bench/neo4j-graphql.ts's type definitions and served as the bench serves it (HTTP).
 * A wrong label, relationship type or direction in those type definitions, a v7 filter or sort
 * that means something else, or a floor that drifts from the API fails here, not in a benchmark
 * table nobody checks.
 */
const CLAIMS = 600;

let executor: Executor;
let app: TestApp;
let driver: Driver;
let ngql: { url: string; stop: () => Promise<void> };
let floorServer: { url: string; stop: () => Promise<void> };
let picks: Picks;
let api: ApiClient;
let floor: FloorClient;
let httpFloor: HttpFloorClient;
let third: ApiClient;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-comparison-'));

beforeAll(async () => {
  executor = await testExecutor();
  await freshDatabase(executor);
  const file = path.join(dir, 'synthetic.ndjson');
  await writeSynthetic(file, sizeFor(CLAIMS, 20251108));
  const result = await importPath(executor, file, { by: 'bench-comparison-test', role: 'system' }, {});
  expect(result.written.claim).toBe(CLAIMS);
  app = await startTestApp(executor);
  const t = testTarget();
  driver = neo4j.driver(t.uri, t.password ? neo4j.auth.basic(t.username, t.password) : undefined, {
    disableLosslessIntegers: true,
  });
  ngql = await serveNeo4jGraphql(driver, { port: 0, database: t.database });
  floorServer = await serveFloor(driver, { port: 0, database: t.database });
  api = new ApiClient(app.url);
  floor = new FloorClient(driver, t.database);
  httpFloor = new HttpFloorClient(floorServer.url);
  third = new ApiClient(ngql.url);
  picks = await pick(driver, t.database, CLAIMS, CLAIMS / 2, api);
}, 180_000);

afterAll(async () => {
  await ngql?.stop();
  await floorServer?.stop();
  await driver?.close();
  await closeApp(app, executor);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function answers(c: Canonical) {
  const request = c.neo4jGraphql;
  if (!('query' in request)) throw new Error(`${c.name}: not comparable (${request.notComparable})`);
  const [apiData, floorRows, ngqlData, httpFloorRows] = await Promise.all([
    api.run(c.api),
    floor.run(c),
    third.run(request),
    httpFloor.run(c),
  ]);
  return sameAnswers(c, apiData, floorRows, ngqlData, httpFloorRows);
}

describe('bench:scale compares like with like', () => {
  it('picks a deep page, a denied claim and two heavy actors from the synthetic graph', () => {
    expect(picks.deepOffset).toBe(CLAIMS / 2);
    expect(picks.heavyClaimant).not.toBe(picks.second);
    expect(picks.deniedClaim).toMatch(/^synthetic-claim-\d+$/);
  });

  // One case per canonical query, by name, so a failure says which one disagrees.
  const names = canonicals({
    heavyClaimant: '',
    second: '',
    targetAlias: '',
    deniedClaim: '',
    searchText: '',
    deepCursor: '',
    deepKey: { statedOn: '', id: '' },
    deepOffset: CLAIMS / 2,
  }).map((c) => c.name);

  it.each(names)(
    '%s: the API, the floor over HTTP and @neo4j/graphql return the floor’s claim ids',
    async (name) => {
      const c = canonicals(picks).find((x) => x.name === name)!;
      const a = await answers(c);
      expect(api.lastError).toBe('');
      expect(third.lastError).toBe('');
      // Not vacuous: a full page on every list (a claim and its one denial by id; the attribution
      // graph has as many edges as the two actors have claims about each other).
      if (name === 'one claim by id with its denials') expect(a.floorIds).toHaveLength(2);
      else if (name.startsWith('attribution')) expect(a.floorIds.length).toBeGreaterThan(0);
      else expect(a.floorIds).toHaveLength(20);
      expect(a.apiIds).toEqual(a.floorIds);
      expect(a.neo4jGraphqlIds).toEqual(a.floorIds);
      // The floor served over HTTP (bench/floor-server.ts) answers what the floor answers in-process.
      expect(httpFloor.lastError).toBe('');
      expect(a.httpFloorIds).toEqual(a.floorIds);
      expect(a).toMatchObject({ api: true, neo4jGraphql: true });
    },
  );

  it('the @neo4j/graphql server is read-only: it generates no mutations over claimgraph’s graph', async () => {
    const res = await fetch(`${ngql.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { mutationType { name } } }' }),
    });
    const body = (await res.json()) as { data: { __schema: { mutationType: unknown } } };
    expect(body.data.__schema.mutationType).toBeNull();
  });

  it('the floor server runs reads only: a statement that writes is refused and writes nothing', async () => {
    const before = await driver.executeQuery('MATCH (n:BenchProbe) RETURN count(n) AS n');
    const rows = await httpFloor.run({
      floor: { cypher: 'CREATE (:BenchProbe) RETURN 1 AS one', params: {} },
    });
    expect(rows).toBeNull();
    expect(httpFloor.lastError).toMatch(/^500 .*(read|write)/i);
    const after = await driver.executeQuery('MATCH (n:BenchProbe) RETURN count(n) AS n');
    expect(after.records[0]!.get('n')).toBe(before.records[0]!.get('n'));
    expect(after.records[0]!.get('n')).toBe(0);
  });
});
