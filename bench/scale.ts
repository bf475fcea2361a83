/**
 * The benchmark of issue 11, in one run: generate a deterministic synthetic graph (seeded,
 * bench/synthetic.ts), import it through src/import (what `npm run import` runs; claims/s), start
 * the API as users run it (`node dist/src/main.js` on a free port), then time each canonical query
 * through the API (HTTP POST /graphql) and through the raw neo4j-driver running the best
 * hand-written Cypher for the same answer (the floor), the same floor served over HTTP by its own
 * process (bench/floor-server.ts: what the floor costs a client that reaches it as it reaches the
 * API), and through @neo4j/graphql 7 serving the same store (bench/neo4j-graphql.ts, its own
 * process like the API), interleaved, on the same store: p50 / p99 at one connection,
 * requests/s at 16 connections, the ratios API / floor (both floors) and the ratio of requests/s
 * API / @neo4j/graphql (issue 11's target: at least 1.5x).
 *
 *   npm run bench:scale -- --claims 100000 [--samples 40] [--seconds 5] [--connections 16] [--deep N]
 *                          [--no-neo4j-graphql]
 *
 * Shape at 1,000,000 claims: 5,000 actors and 20,000 sources, scaled down proportionally.
 * NEO4J_URI (bolt:// or neo4j://) is used when set (the API process is pointed at it too); else an
 * embedded Neo4j is started in a throwaway store (NEO4J_HEAP / NEO4J_PAGECACHE size it). Not a
 * test: it prints figures (README "Scale"). The floor's Cypher lives here, not in cypher/queries:
 * it is the baseline, not something the service runs, and it talks to the driver directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { connect } from '../src/cli/connect';
import { forBulkImport, loadConfig } from '../src/config';
import { importPath } from '../src/import';
import { freePort } from '../src/net';
import { PROJECT_ROOT } from '../src/paths';
import { statementTimesTable } from './statement-times';
import { writeSynthetic } from './synthetic';

interface Args {
  claims: number;
  samples: number;
  seconds: number;
  connections: number;
  seed: number;
  /** How far into the list the deep page is (default: the middle). */
  deep: number | undefined;
  /** Whether to measure @neo4j/graphql too (default: yes; --no-neo4j-graphql skips it). */
  neo4jGraphql: boolean;
}

function args(): Args {
  const { values } = parseArgs({
    options: {
      claims: { type: 'string' },
      samples: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      seed: { type: 'string' },
      deep: { type: 'string' },
      // parseArgs' allowNegative needs Node 22: the negative flag is an option of its own.
      'no-neo4j-graphql': { type: 'boolean' },
    },
  });
  const n = (v: string | undefined, d: number) => {
    const x = v === undefined ? d : Number(v);
    if (!Number.isFinite(x) || x <= 0) throw new Error(`bench:scale: ${v} is not a positive number`);
    return x;
  };
  return {
    claims: Math.round(n(values.claims, 10_000)),
    samples: Math.round(n(values.samples, 40)),
    seconds: n(values.seconds, 5),
    connections: Math.round(n(values.connections, 16)),
    seed: Math.round(n(values.seed, 20251108)),
    deep: values.deep === undefined ? undefined : Math.round(n(values.deep, 1)),
    neo4jGraphql: !values['no-neo4j-graphql'],
  };
}

/** 5,000 actors and 20,000 sources per million claims (at least 10 and 1). */
export const sizeFor = (claims: number, seed: number) => ({
  claims,
  actors: Math.max(10, Math.round(claims / 200)),
  sources: Math.max(1, Math.round(claims / 50)),
  seed,
});

// ---------------------------------------------------------------------------------------------
// The canonical queries: each an API request and the floor's Cypher for the same answer.

/** What a page row shows: the claim with its claimant, targets and evidence. */
const CLAIM_FIELDS = `id kind content statedOn claimant { id name } targets { id name } evidence { exact source { url } }`;
const PAGE = `edges { cursor node { ${CLAIM_FIELDS} } } pageInfo { endCursor hasNextPage }`;

/** The floor's projection of the same row as one map (pattern comprehensions: no extra rows). */
// Names inside are suffixed with the claim's, so they never capture a variable of the query.
const claimMap = (c: string) => `${c} {.id, .kind, .content, statedOn: toString(${c}.statedOn),
  claimant: [(${c})-[:CLAIMED_BY]->(${c}_a:Actor) | ${c}_a {.id, .name}][0],
  targets: [(${c})-[:TARGETS]->(${c}_t:Actor) | ${c}_t {.id, .name}],
  evidence: [(${c})-[:EVIDENCED_BY]->(${c}_x:Excerpt)-[:IN_SOURCE]->(${c}_s:Source) |
    {exact: ${c}_x.exact, url: ${c}_s.url}]}`;
const FLOOR_ROW = `${claimMap('c')} AS claim`;

/**
 * The same request to @neo4j/graphql (bench/neo4j-graphql.ts's schema), or why there is none.
 * Each is the library's best form for the answer: its list fields with `sort`, `limit`, `offset`
 * (offset pagination, as its manual describes), not its connections, whose Cypher collects every
 * match to count them before it sorts and slices a page (`claimsConnection(first: 20)` reads all
 * claims), so a page through a connection costs the whole list.
 */
export interface Neo4jGraphqlRequest {
  query: string;
  variables: Record<string, unknown>;
  ids: (data: unknown) => string[];
}

export interface Canonical {
  name: string;
  api: { query: string; variables: Record<string, unknown> };
  floor: { cypher: string; params: Record<string, unknown> };
  /** Claim ids of each answer, in order, to check that every side gives the same answer. */
  apiIds: (data: unknown) => string[];
  floorIds: (rows: Record<string, unknown>[]) => string[];
  neo4jGraphql: Neo4jGraphqlRequest | { notComparable: string };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const edgeIds = (conn: Json | undefined): string[] =>
  ((conn?.edges ?? []) as Json[]).map((e) => String(e.node.id));
const rowIds = (rows: Record<string, unknown>[]) => rows.map((r) => String((r.claim as Json).id));

export interface Picks {
  heavyClaimant: string;
  second: string;
  targetAlias: string;
  deniedClaim: string;
  searchText: string;
  deepCursor: string;
  deepKey: { statedOn: string; id: string };
  deepOffset: number;
}

// @neo4j/graphql's relationship fields are lists (v7 has no singular relationships), so a claimant
// is a list of one. Its Date is a 'yyyy-mm-dd' string, as claimgraph's is.
const NGQL_CLAIM = `id kind content statedOn claimant { id name } targets { id name } evidence { exact source { url } }`;
/** Newest first, as the floor orders (claimgraph's sortKey orders the same way for these claims). */
const NGQL_NEWEST = `sort: [{ statedOn: DESC }, { id: DESC }]`;
// The floor's `statedOn IS NOT NULL` in the library's filter language: a range that every date
// is in. It is also what lets Neo4j read the claim_stated_on index in order instead of sorting
// every claim (a property index serves ORDER BY only under a predicate that excludes null).
const NGQL_DATED = `statedOn: { lte: "9999-12-31" }`;
const ids = (list: Json[] | undefined): string[] => (list ?? []).map((c) => String(c.id));

export function canonicals(p: Picks): Canonical[] {
  return [
    {
      name: 'newest claims',
      api: { query: `query { claims(first: 20) { ${PAGE} } }`, variables: {} },
      floor: {
        cypher: `MATCH (c:Claim) WHERE c.statedOn IS NOT NULL
          WITH c ORDER BY c.statedOn DESC, c.id DESC LIMIT 20
          RETURN ${FLOOR_ROW}`,
        params: {},
      },
      apiIds: (d) => edgeIds((d as Json).claims),
      floorIds: rowIds,
      neo4jGraphql: {
        query: `query { claims(where: { ${NGQL_DATED} }, ${NGQL_NEWEST}, limit: 20) { ${NGQL_CLAIM} } }`,
        variables: {},
        ids: (d) => ids((d as Json).claims),
      },
    },
    {
      name: 'claims of the heaviest claimant',
      api: {
        query: `query($a: String!) { claims(first: 20, filter: { claimant: $a }) { ${PAGE} } }`,
        variables: { a: p.heavyClaimant },
      },
      floor: {
        cypher: `MATCH (:Actor {id: $a})<-[:CLAIMED_BY]-(c:Claim) WHERE c.statedOn IS NOT NULL
          WITH c ORDER BY c.statedOn DESC, c.id DESC LIMIT 20
          RETURN ${FLOOR_ROW}`,
        params: { a: p.heavyClaimant },
      },
      apiIds: (d) => edgeIds((d as Json).claims),
      floorIds: rowIds,
      // From the actor, as the floor and the API start: the actor's claims, newest first.
      neo4jGraphql: {
        query: `query($a: ID!) { actors(where: { id: { eq: $a } }) { id claims(where: { ${NGQL_DATED} }, ${NGQL_NEWEST}, limit: 20) { ${NGQL_CLAIM} } } }`,
        variables: { a: p.heavyClaimant },
        ids: (d) => ids(((d as Json).actors as Json[])[0]?.claims),
      },
    },
    {
      name: 'one claim by id with its denials',
      api: {
        query: `query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} deniedBy { ${CLAIM_FIELDS} } } }`,
        variables: { id: p.deniedClaim },
      },
      floor: {
        cypher: `MATCH (c:Claim {id: $id})
          RETURN ${FLOOR_ROW},
            [(c)<-[:DENIES]-(d:Claim) | ${claimMap('d')}] AS deniedBy`,
        params: { id: p.deniedClaim },
      },
      apiIds: (d) => {
        const c = (d as Json).claim as Json | null;
        return c ? [String(c.id), ...(c.deniedBy as Json[]).map((x) => String(x.id)).sort()] : [];
      },
      floorIds: (rows) =>
        rows.length
          ? [rowIds(rows)[0]!, ...(rows[0]!.deniedBy as Json[]).map((x) => String(x.id)).sort()]
          : [],
      neo4jGraphql: {
        query: `query($id: ID!) { claims(where: { id: { eq: $id } }) { ${NGQL_CLAIM} deniedBy { ${NGQL_CLAIM} } } }`,
        variables: { id: p.deniedClaim },
        ids: (d) => {
          const c = ((d as Json).claims as Json[])[0];
          return c ? [String(c.id), ...ids(c.deniedBy).sort()] : [];
        },
      },
    },
    {
      name: 'actor by alias with claimsAbout',
      api: {
        query: `query($r: String!) { actor(ref: $r) { id name aliases claimsAbout(first: 20) { ${PAGE} } } }`,
        variables: { r: p.targetAlias },
      },
      floor: {
        cypher: `MATCH (:Alias {key: toLower($r)})-[:ALIAS_OF]->(a:Actor)
          CALL {
            WITH a
            MATCH (a)<-[:TARGETS]-(c:Claim) WHERE c.statedOn IS NOT NULL
            WITH c ORDER BY c.statedOn DESC, c.id DESC LIMIT 20
            RETURN collect(${claimMap('c')}) AS about
          }
          RETURN a.id AS actor, a.name AS name, a.aliases AS aliases, about`,
        params: { r: p.targetAlias },
      },
      apiIds: (d) => edgeIds(((d as Json).actor as Json | null)?.claimsAbout),
      floorIds: (rows) => ((rows[0]?.about ?? []) as Json[]).map((c) => String(c.id)),
      // Through the Alias node, as the floor: its key is the lower-cased name, so the client
      // lower-cases (the floor's toLower runs in Cypher).
      neo4jGraphql: {
        query: `query($k: String!) { aliases(where: { key: { eq: $k } }) { actor { id name aliases claimsAbout(where: { ${NGQL_DATED} }, ${NGQL_NEWEST}, limit: 20) { ${NGQL_CLAIM} } } } }`,
        variables: { k: p.targetAlias.toLowerCase() },
        ids: (d) => ids(((d as Json).aliases as Json[])[0]?.actor?.[0]?.claimsAbout),
      },
    },
    {
      name: 'full-text search',
      api: {
        query: `query($q: String!) { searchClaims(text: $q, first: 20) { score claim { ${CLAIM_FIELDS} } } }`,
        variables: { q: p.searchText },
      },
      floor: {
        cypher: `CALL db.index.fulltext.queryNodes('claim_text', $q) YIELD node, score
          WITH CASE WHEN node:Claim THEN node ELSE [(node)<-[:EVIDENCED_BY]-(k:Claim) | k][0] END AS c, score
          WITH c, max(score) AS score ORDER BY score DESC, c.id LIMIT 20
          RETURN score, ${FLOOR_ROW}`,
        params: { q: p.searchText },
      },
      // Relevance ties may order differently; the set of claims is what must agree.
      apiIds: (d) => ((d as Json).searchClaims as Json[]).map((h) => String(h.claim.id)).sort(),
      floorIds: (rows) => rowIds(rows).sort(),
      // Its @fulltext queries on claimgraph's own index (claim_text covers Claim and Excerpt): one
      // per label, each keeping that label's hits, so the request asks both and the client keeps
      // each claim's best score and the top 20, ties by id as the floor cuts them (an excerpt's id
      // is its claim's id + '#n', so excerpt ids sort as their claims' ids do).
      neo4jGraphql: {
        query: `query($q: String!) {
          claimsByText(phrase: $q, first: 20, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node { ${NGQL_CLAIM} } } }
          excerptsByText(phrase: $q, first: 20, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node { claim { ${NGQL_CLAIM} } } } }
        }`,
        variables: { q: p.searchText },
        ids: (d) => {
          const best = new Map<string, number>();
          const hit = (id: string, score: number) => best.set(id, Math.max(score, best.get(id) ?? -Infinity));
          for (const e of ((d as Json).claimsByText?.edges ?? []) as Json[]) hit(String(e.node.id), e.score);
          for (const e of ((d as Json).excerptsByText?.edges ?? []) as Json[])
            for (const c of e.node.claim as Json[]) hit(String(c.id), e.score);
          return [...best]
            .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
            .slice(0, 20)
            .map(([id]) => id)
            .sort();
        },
      },
    },
    {
      name: `page deep in the list (after ${p.deepOffset.toLocaleString('en')} claims)`,
      api: {
        query: `query($after: String) { claims(first: 20, after: $after) { ${PAGE} } }`,
        variables: { after: p.deepCursor },
      },
      floor: {
        // Keyset: the row after the last one seen, in the same order, from the statedOn index.
        cypher: `MATCH (c:Claim) WHERE c.statedOn <= date($d) AND (c.statedOn < date($d) OR c.id < $id)
          WITH c ORDER BY c.statedOn DESC, c.id DESC LIMIT 20
          RETURN ${FLOOR_ROW}`,
        params: { d: p.deepKey.statedOn, id: p.deepKey.id },
      },
      apiIds: (d) => edgeIds((d as Json).claims),
      floorIds: rowIds,
      // Its pagination is by offset (its connections' cursors are offsets too): SKIP n.
      neo4jGraphql: {
        query: `query($n: Int!) { claims(where: { ${NGQL_DATED} }, ${NGQL_NEWEST}, offset: $n, limit: 20) { ${NGQL_CLAIM} } }`,
        variables: { n: p.deepOffset },
        ids: (d) => ids((d as Json).claims),
      },
    },
    {
      name: 'disputes of an actor',
      api: {
        query: `query($a: String!) { disputes(actor: $a, first: 20) { claim { ${CLAIM_FIELDS} } denials { id claimant { id name } } } }`,
        variables: { a: p.heavyClaimant },
      },
      floor: {
        // Claims denied by a live claim, where the actor is claimant or target of either side.
        cypher: `MATCH (a:Actor {id: $a})
          CALL {
            WITH a MATCH (a)<-[:CLAIMED_BY|TARGETS]-(c:Claim)<-[:DENIES]-(d:Claim)
            WHERE d.retractedAt IS NULL RETURN c
            UNION
            WITH a MATCH (a)<-[:CLAIMED_BY|TARGETS]-(d:Claim)-[:DENIES]->(c:Claim)
            WHERE d.retractedAt IS NULL RETURN c
          }
          WITH c WHERE c.retractedAt IS NULL
          WITH c ORDER BY c.id LIMIT 20
          RETURN ${FLOOR_ROW},
            [(c)<-[:DENIES]-(d:Claim) WHERE d.retractedAt IS NULL |
              d {.id, claimant: [(d)-[:CLAIMED_BY]->(x:Actor) | x {.id, .name}][0]}] AS denials`,
        params: { a: p.heavyClaimant },
      },
      apiIds: (d) => ((d as Json).disputes as Json[]).map((x) => String(x.claim.id)),
      floorIds: rowIds,
      // The floor's rule as one filter (no UNION in the library): a live claim with a live denial,
      // where the actor is claimant or target of the claim or of that denial; ordered by id. The
      // library has no access path from the actor for an OR across two claims, so Neo4j reads
      // claims in id order and tests each. (claimgraph's disputes also count figure
      // contradictions; the synthetic graph has none, so the answers can agree.)
      neo4jGraphql: {
        query: `query($a: ID!) { claims(where: { retractedAt: { eq: null }, OR: [
            { claimant: { some: { id: { eq: $a } } }, deniedBy: { some: { retractedAt: { eq: null } } } },
            { targets: { some: { id: { eq: $a } } }, deniedBy: { some: { retractedAt: { eq: null } } } },
            { deniedBy: { some: { retractedAt: { eq: null }, OR: [
              { claimant: { some: { id: { eq: $a } } } }, { targets: { some: { id: { eq: $a } } } } ] } } }
          ] }, sort: [{ id: ASC }], limit: 20) {
            ${NGQL_CLAIM} deniedBy(where: { retractedAt: { eq: null } }) { id claimant { id name } } } }`,
        variables: { a: p.heavyClaimant },
        ids: (d) => ids((d as Json).claims),
      },
    },
    {
      name: 'attribution graph of two actors',
      api: {
        query: `query($a: [String!]) { attributionGraph(actors: $a) { truncated nodes { id name } edges { kind from { id } to { id } claim { id } sources { url } } } }`,
        variables: { a: [p.heavyClaimant, p.second] },
      },
      floor: {
        cypher: `MATCH (a:Actor) WHERE a.id IN $a
          MATCH (a)<-[:CLAIMED_BY]-(c:Claim)-[:TARGETS]->(b:Actor)
          WHERE b.id IN $a AND b <> a AND c.retractedAt IS NULL
          WITH a, b, c ORDER BY coalesce(c.statedOn, [(c)-[:EVIDENCED_BY]->()-[:IN_SOURCE]->(s) | s.publishedAt][0]), c.id
          LIMIT 5001
          RETURN c {.id, .kind, from: a.id, to: b.id,
            sources: [(c)-[:EVIDENCED_BY]->()-[:IN_SOURCE]->(s:Source) | s.url][..10]} AS claim`,
        params: { a: [p.heavyClaimant, p.second] },
      },
      apiIds: (d) =>
        (((d as Json).attributionGraph?.edges ?? []) as Json[]).map((e) => String(e.claim.id)).sort(),
      floorIds: (rows) => rowIds(rows).slice(0, 5000).sort(),
      // Each actor's live claims that target the other (the graph's edges), from the actor, one
      // alias per direction; the nodes are the two actors. Capped as the floor caps (5,001).
      neo4jGraphql: {
        query: `query($a: ID!, $b: ID!) {
          ab: actors(where: { id: { eq: $a } }) { id name claims(where: { retractedAt: { eq: null }, targets: { some: { id: { eq: $b } } } }, sort: [{ statedOn: ASC }, { id: ASC }], limit: 5001) { id kind evidence(limit: 10) { source { url } } } }
          ba: actors(where: { id: { eq: $b } }) { id name claims(where: { retractedAt: { eq: null }, targets: { some: { id: { eq: $a } } } }, sort: [{ statedOn: ASC }, { id: ASC }], limit: 5001) { id kind evidence(limit: 10) { source { url } } } }
        }`,
        variables: { a: p.heavyClaimant, b: p.second },
        ids: (d) =>
          [...ids(((d as Json).ab as Json[])[0]?.claims), ...ids(((d as Json).ba as Json[])[0]?.claims)]
            .slice(0, 5000)
            .sort(),
      },
    },
  ];
}

/**
 * Whether each side's claim ids equal the floor's (undefined: that side was not asked). A side that
 * failed (null answer) does not agree.
 */
export function sameAnswers(
  c: Canonical,
  apiData: unknown,
  floorRows: Record<string, unknown>[] | null,
  ngqlData?: unknown,
  httpFloorRows?: Record<string, unknown>[] | null,
): {
  api: boolean;
  neo4jGraphql: boolean | undefined;
  httpFloor: boolean | undefined;
  floorIds: string[];
  apiIds: string[];
  neo4jGraphqlIds: string[];
  httpFloorIds: string[];
} {
  const floorIds = floorRows ? c.floorIds(floorRows) : [];
  const apiIds = apiData ? c.apiIds(apiData) : [];
  const third = 'query' in c.neo4jGraphql ? c.neo4jGraphql : undefined;
  const neo4jGraphqlIds = third && ngqlData ? third.ids(ngqlData) : [];
  const httpFloorIds = httpFloorRows ? c.floorIds(httpFloorRows) : [];
  const eq = (x: string[]) => floorRows !== null && JSON.stringify(x) === JSON.stringify(floorIds);
  return {
    api: apiData !== null && eq(apiIds),
    neo4jGraphql: ngqlData === undefined || !third ? undefined : ngqlData !== null && eq(neo4jGraphqlIds),
    // The floor served over HTTP must answer what the floor answers in this process.
    httpFloor: httpFloorRows === undefined ? undefined : httpFloorRows !== null && eq(httpFloorIds),
    floorIds,
    apiIds,
    neo4jGraphqlIds,
    httpFloorIds,
  };
}

// ---------------------------------------------------------------------------------------------
// The clients: one for each GraphQL server over HTTP (the API, @neo4j/graphql), one for the floor.

export class ApiClient {
  failures = 0;
  lastError = '';
  constructor(readonly url: string) {}

  async run(request: Canonical['api']): Promise<unknown> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (res.status !== 200 || body.errors?.length) {
      this.failures += 1;
      this.lastError = `${res.status} ${body.errors?.[0]?.message ?? ''}`;
      return null;
    }
    return body.data;
  }
}

export class FloorClient {
  failures = 0;
  lastError = '';
  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  async run(c: Pick<Canonical, 'floor'>): Promise<Record<string, unknown>[] | null> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      // Auto-committed, as the API runs a single-statement read: a managed transaction's BEGIN and
      // COMMIT are two more turns of the server's Bolt thread (about 2 ms a request on the benchmark
      // machine), which a floor must not pay when the API does not.
      const result = await session.run(c.floor.cypher, c.floor.params);
      return result.records.map((r) => r.toObject());
    } catch (err) {
      this.failures += 1;
      this.lastError = (err as Error).message.split('\n')[0]!;
      return null;
    } finally {
      await session.close();
    }
  }
}

/**
 * The same floor served over HTTP by its own process (bench/floor-server.ts): what the floor's
 * Cypher costs a client that reaches it as it reaches the API, a POST and a JSON answer.
 */
export class HttpFloorClient {
  failures = 0;
  lastError = '';
  constructor(readonly url: string) {}

  async run(c: Pick<Canonical, 'floor'>): Promise<Record<string, unknown>[] | null> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: c.floor.cypher, params: c.floor.params }),
    });
    const body = (await res.json()) as { rows?: Record<string, unknown>[]; error?: string };
    if (res.status !== 200 || !body.rows) {
      this.failures += 1;
      this.lastError = `${res.status} ${body.error ?? ''}`;
      return null;
    }
    return body.rows;
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Requests completed by `connections` loops running back to back for `seconds`. */
async function throughput(fn: () => Promise<unknown>, connections: number, seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        if ((await fn()) !== null) done += 1;
      }
    }),
  );
  return done / ((Date.now() - t0) / 1000);
}

// ---------------------------------------------------------------------------------------------

/** Starts a built server script (under dist/) and resolves with its base URL once it says ready. */
async function startServer(
  script: string[],
  ready: RegExp,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const main = path.join(PROJECT_ROOT, 'dist', ...script);
  if (!fs.existsSync(main)) throw new Error('run `npm run build` first');
  const child = spawn(process.execPath, [main], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      lines.push(line);
      const m = ready.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) =>
      reject(
        new Error(`${script.join('/')} exited (${code}) before it was ready: ${lines.slice(-3).join(' | ')}`),
      ),
    );
  });
  return { url, child };
}

export async function pick(
  driver: Driver,
  database: string,
  claims: number,
  deep: number,
  api: ApiClient,
): Promise<Picks> {
  const read = async (cypher: string, params: Record<string, unknown> = {}) => {
    const s = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return (await s.run(cypher, params)).records.map((r) => r.toObject());
    } finally {
      await s.close();
    }
  };
  // The actors the synthetic graph makes heaviest (degree counts: no claim is read).
  const heavy = await read(
    `MATCH (a:Actor) WHERE a.id STARTS WITH 'synthetic-actor-'
     RETURN a.id AS id, COUNT { (a)<-[:CLAIMED_BY]-() } AS n ORDER BY n DESC, id LIMIT 2`,
  );
  const target = await read(
    `MATCH (a:Actor) WHERE a.id STARTS WITH 'synthetic-actor-'
     RETURN a.aliases[0] AS alias, COUNT { (a)<-[:TARGETS]-() } AS n ORDER BY n DESC, alias LIMIT 1`,
  );
  // A claim denied by the next one (bench/synthetic.ts: claim k with k % 5 == 3), mid-graph.
  const m = Math.max(3, Math.floor(claims / 10) * 5 + 3);
  const denied = await read(`MATCH (c:Claim {id: $id})<-[:DENIES]-() RETURN c.id AS id LIMIT 1`, {
    id: `synthetic-claim-${m}`,
  });
  // Walk the list by cursor to its middle once (pages of 100); the timed request is the page there.
  const deepOffset = Math.max(0, Math.floor(deep / 100) * 100);
  let after: string | null = null;
  let walked = 0;
  let last: Json | undefined;
  while (walked < deepOffset) {
    const data = (await api.run({
      query: `query($after: String) { claims(first: 100, after: $after) { edges { node { id statedOn } } pageInfo { endCursor } } }`,
      variables: { after },
    })) as Json | null;
    if (!data) throw new Error(`bench:scale: walking the claims list failed: ${api.lastError}`);
    const edges = data.claims.edges as Json[];
    if (!edges.length) break;
    walked += edges.length;
    last = edges[edges.length - 1]!.node as Json;
    after = String(data.claims.pageInfo.endCursor);
  }
  return {
    heavyClaimant: String(heavy[0]!.id),
    second: String(heavy[1]!.id),
    targetAlias: String(target[0]!.alias),
    deniedClaim: String(denied[0]?.id ?? `synthetic-claim-${m}`),
    searchText: 'backing fighters Chaman',
    deepCursor: after ?? '',
    deepKey: { statedOn: String(last?.statedOn ?? '9999-12-31'), id: String(last?.id ?? '') },
    deepOffset: walked,
  };
}

async function main(): Promise<void> {
  const a = args();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-scale-'));
  if (!process.env.NEO4J_URI) {
    process.env.NEO4J_DATA_DIR = path.join(dir, 'store');
    process.env.NEO4J_BOLT_PORT = String(await freePort());
  }
  const config = loadConfig();
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const file = path.join(dir, 'synthetic.ndjson');
  const size = sizeFor(a.claims, a.seed);
  const g0 = Date.now();
  const { lines } = await writeSynthetic(file, size);
  const say = (s: string) => process.stdout.write(`${s}\n`);
  say(
    `bench:scale: ${size.claims} claims, ${size.actors} actors, ${size.sources} sources (seed ${size.seed}); ` +
      `${lines} lines generated in ${((Date.now() - g0) / 1000).toFixed(1)} s`,
  );
  const { executor, target } = await connect('bench:scale', forBulkImport(config), logger);
  let api: { url: string; child: ChildProcess } | undefined;
  let ngql: { url: string; child: ChildProcess } | undefined;
  let floorServer: { url: string; child: ChildProcess } | undefined;
  let driver: Driver | undefined;
  try {
    say(
      `Neo4j: ${target.mode === 'external' ? `NEO4J_URI ${target.uri}` : `embedded, heap ${config.embedded.heap}, page cache ${config.embedded.pagecache}`}; ` +
        `${os.cpus().length} cores, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    let planned = 0;
    const t0 = Date.now();
    const result = await importPath(
      executor,
      file,
      { by: 'bench:scale', role: 'system' },
      { onPlan: () => (planned = Date.now()) },
    );
    const t1 = Date.now();
    const imported = result.written.claim;
    const importLine =
      imported === 0
        ? `import: the graph already held these ${a.claims} claims (a second run writes nothing): ${((t1 - t0) / 1000).toFixed(1)} s`
        : `import: ${imported} claims, validated in ${((planned - t0) / 1000).toFixed(1)} s, written in ${((t1 - planned) / 1000).toFixed(1)} s: ` +
          `**${Math.round(imported / ((t1 - planned) / 1000))} claims/s writing, ${Math.round(imported / ((t1 - t0) / 1000))} claims/s end to end**`;
    say(importLine);
    for (const line of statementTimesTable(executor, 8)) console.log(line);
    await executor.close();

    const env = {
      NEO4J_URI: target.uri,
      NEO4J_USERNAME: target.username,
      NEO4J_PASSWORD: target.password ?? '',
      NEO4J_DATABASE: target.database,
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    };
    api = await startServer(['src', 'main.js'], /GraphQL API ready at (\S+)\/graphql/, {
      ...env,
      PORT: String(await freePort()),
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
    });
    floorServer = await startServer(['bench', 'floor-server.js'], /floor ready at (\S+)/, {
      ...env,
      PORT: String(await freePort()),
    });
    if (a.neo4jGraphql) {
      ngql = await startServer(['bench', 'neo4j-graphql.js'], /@neo4j\/graphql ready at (\S+)\/graphql/, {
        ...env,
        PORT: String(await freePort()),
      });
    }
    const auth =
      target.password !== undefined ? neo4j.auth.basic(target.username, target.password) : undefined;
    driver = neo4j.driver(target.uri, auth, { disableLosslessIntegers: true });
    const apiClient = new ApiClient(api.url);
    const ngqlClient = ngql ? new ApiClient(ngql.url) : undefined;
    const floor = new FloorClient(driver, target.database);
    const httpFloor = new HttpFloorClient(floorServer.url);
    const picks = await pick(
      driver,
      target.database,
      a.claims,
      a.deep ?? Math.floor(a.claims / 2),
      apiClient,
    );
    say(
      `picked: heaviest claimant ${picks.heavyClaimant}, second ${picks.second}, alias ${JSON.stringify(picks.targetAlias)}, ` +
        `denied claim ${picks.deniedClaim}, search ${JSON.stringify(picks.searchText)}, deep page after ${picks.deepOffset}`,
    );

    const rows: string[] = [];
    const notes: string[] = [];
    const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
    const rps = (r: number) => r.toFixed(r >= 100 ? 0 : 1);
    const errors = () =>
      apiClient.failures + floor.failures + httpFloor.failures + (ngqlClient?.failures ?? 0);
    for (const c of canonicals(picks)) {
      const third = ngqlClient && 'query' in c.neo4jGraphql ? c.neo4jGraphql : undefined;
      if (ngqlClient && !third)
        notes.push(
          `${c.name}: @neo4j/graphql not comparable: ${(c.neo4jGraphql as { notComparable: string }).notComparable}`,
        );
      // Warm-up: plans compiled, JIT warm, pages cached; and the answers compared once.
      let apiData: unknown = null;
      let floorRows: Record<string, unknown>[] | null = null;
      let httpFloorRows: Record<string, unknown>[] | null = null;
      let ngqlData: unknown = null;
      for (let i = 0; i < 3; i++) {
        apiData = await apiClient.run(c.api);
        floorRows = await floor.run(c);
        httpFloorRows = await httpFloor.run(c);
        if (third) ngqlData = await ngqlClient!.run(third);
      }
      const answers = sameAnswers(c, apiData, floorRows, third ? ngqlData : undefined, httpFloorRows);
      if (answers.neo4jGraphql === false)
        notes.push(
          `${c.name}: @neo4j/graphql answered ${answers.neo4jGraphqlIds.slice(0, 5).join(', ')}…, the floor ${answers.floorIds.slice(0, 5).join(', ')}…`,
        );
      const failedBefore = errors();
      const apiMs: number[] = [];
      const floorMs: number[] = [];
      const httpFloorMs: number[] = [];
      const ngqlMs: number[] = [];
      // Interleaved, one request of each side in turn, so a noisy moment hits all of them.
      for (let i = 0; i < a.samples; i++) {
        apiMs.push(await timed(() => apiClient.run(c.api)));
        floorMs.push(await timed(() => floor.run(c)));
        httpFloorMs.push(await timed(() => httpFloor.run(c)));
        if (third) ngqlMs.push(await timed(() => ngqlClient!.run(third)));
      }
      for (const ms of [apiMs, floorMs, httpFloorMs, ngqlMs]) ms.sort((x, y) => x - y);
      const apiRps = await throughput(() => apiClient.run(c.api), a.connections, a.seconds);
      const floorRps = await throughput(() => floor.run(c), a.connections, a.seconds);
      const httpFloorRps = await throughput(() => httpFloor.run(c), a.connections, a.seconds);
      const ngqlRps = third ? await throughput(() => ngqlClient!.run(third), a.connections, a.seconds) : NaN;
      const yes = (b: boolean | undefined) => (b === undefined ? '—' : b ? 'yes' : 'NO');
      const pq = (ms: number[]) => `${f(quantile(ms, 0.5))} / ${f(quantile(ms, 0.99))}`;
      const apiOverFloor = `${(quantile(apiMs, 0.5) / quantile(floorMs, 0.5)).toFixed(2)}×`;
      const apiOverHttpFloor = `${(quantile(apiMs, 0.5) / quantile(httpFloorMs, 0.5)).toFixed(2)}×`;
      const errorsHere = String(errors() - failedBefore);
      const row = ngqlClient
        ? [
            c.name,
            pq(apiMs),
            pq(floorMs),
            pq(httpFloorMs),
            third ? pq(ngqlMs) : 'not comparable',
            apiOverFloor,
            apiOverHttpFloor,
            `${rps(apiRps)} / ${rps(floorRps)} / ${rps(httpFloorRps)} / ${third ? rps(ngqlRps) : '—'}`,
            third ? `${(apiRps / ngqlRps).toFixed(2)}×` : '—',
            `${yes(answers.api)} / ${yes(answers.httpFloor)} / ${yes(answers.neo4jGraphql)}`,
            errorsHere,
          ]
        : [
            c.name,
            pq(apiMs),
            pq(floorMs),
            pq(httpFloorMs),
            apiOverFloor,
            apiOverHttpFloor,
            `${rps(apiRps)} / ${rps(floorRps)} / ${rps(httpFloorRps)}`,
            `${yes(answers.api)} / ${yes(answers.httpFloor)}`,
            errorsHere,
          ];
      rows.push(`| ${row.join(' | ')} |`);
      process.stderr.write(`  ${row.join('  ')}\n`);
    }
    say('');
    const what = `query (${a.claims.toLocaleString('en')} claims; page of 20 with claimant, targets, evidence)`;
    if (ngqlClient) {
      say(
        `| ${what} | API p50 / p99 ms | floor p50 / p99 ms | floor over HTTP p50 / p99 ms | @neo4j/graphql p50 / p99 ms | API / floor p50 | API / floor over HTTP p50 | req/s at ${a.connections} connections: API / floor / floor over HTTP / @neo4j/graphql | API / @neo4j/graphql req/s | same answer as the floor: API / floor over HTTP / @neo4j/graphql | errors |`,
      );
      say('|---|---|---|---|---|---|---|---|---|---|---|');
    } else {
      say(
        `| ${what} | API p50 / p99 ms | floor p50 / p99 ms | floor over HTTP p50 / p99 ms | API / floor p50 | API / floor over HTTP p50 | req/s at ${a.connections} connections: API / floor / floor over HTTP | same answer as the floor: API / floor over HTTP | errors |`,
      );
      say('|---|---|---|---|---|---|---|---|---|');
    }
    for (const r of rows) say(r);
    say('');
    for (const n of notes) say(`- ${n}`);
    if (notes.length) say('');
    say(importLine);
    if (errors()) {
      say(
        `failures: API ${apiClient.failures} (last: ${apiClient.lastError}), floor ${floor.failures} (last: ${floor.lastError}), ` +
          `floor over HTTP ${httpFloor.failures} (last: ${httpFloor.lastError})` +
          (ngqlClient ? `, @neo4j/graphql ${ngqlClient.failures} (last: ${ngqlClient.lastError})` : ''),
      );
    }
  } finally {
    await driver?.close();
    for (const server of [ngql, floorServer, api]) {
      if (!server) continue;
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    await executor.close().catch(() => undefined);
    await target.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script; imported (by the comparison test), it only lends its canonical queries.
if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
