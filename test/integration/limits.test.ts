import {
  execute,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isObjectType,
  parse,
} from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { createToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import { buildSchema } from '../../src/graphql/apollo';
import { enforceListCaps, LIST_ARGUMENT_CAPS, LIST_FIELD_CAPS, NODE_LIMIT } from '../../src/graphql/limits';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * The node limit (objects a query could return, each list weighing its `first` or its cap,
 * multiplied down the tree, counted after variables and defaults) and the list-argument caps,
 * both refused before any database work.
 */
let executor: Executor;
let app: TestApp;
let editor: string;

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  editor = (await createToken(executor, { role: 'editor', name: 'limits-editor', by: 'test' })).token;
});
afterAll(() => closeApp(app, executor));

const ORDINARY_PAGE = `query Page($after: String) {
  claims(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id kind content cue quote statedOn statedOnText status
      claimant { id name kind aliases roles { relation title of { name } } }
      voice { id name }
      targets { id name }
      about { id name kind }
      denies { id status claimant { name } }
      deniedBy { id status claimant { name } }
      figures { value unit measure }
      evidence { exact prefix suffix start end source { url title publishedAt publisher { name } } }
      retraction { reason at by }
      history { id at by role operation summary }
    } }
  }
}`;

// 100 actors × 100 claims each × every denial of each: 1,020,301 objects with `first: 100`.
const EXPLOSION = `query Explode($n: Int!) {
  actors(first: $n) { edges { node { claimsMade(first: $n) { edges { node { deniedBy { id content } } } } } } }
}`;

async function sentDuring<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = executor.queriesSent;
  const result = await work();
  return { result, queries: executor.queriesSent - before };
}

describe('the node limit', () => {
  it('accepts an ordinary page: 50 claims with all their fields, their sources and history', async () => {
    const res = await app.gql<{ claims: { edges: unknown[] } }>(ORDINARY_PAGE);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.data!.claims.edges.length).toBeGreaterThan(10);
  });

  it('refuses a list-in-list explosion whose `first` is a variable, before any database work', async () => {
    const { result: res, queries } = await sentDuring(() => app.gql(EXPLOSION, { n: 100 }));
    expect(queries).toBe(0);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      {
        message: expect.stringContaining('1,020,301 nodes, more than the limit of 250,000'),
        extensions: { code: 'QUERY_TOO_COMPLEX', nodes: 1_020_301, limit: NODE_LIMIT },
      },
    ]);
  });

  it('refuses the same explosion with literal values, and with `first` left to its default', async () => {
    const literal = await app.gql(EXPLOSION.replace('($n: Int!)', '').replaceAll('$n', '100'));
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      nodes: 1_020_301,
    });
    // Defaults apply: 20 × 20 × 100 denials, under the limit.
    const defaults = await app.gql(EXPLOSION.replace('($n: Int!)', '').replaceAll('(first: $n)', ''));
    expect(defaults.body.errors).toBeUndefined();
  });

  it('counts `first` over 100 as the 100 the resolvers return', async () => {
    const res = await app.gql(EXPLOSION, { n: 5000 });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', nodes: 1_020_301 });
  });

  it('answers the same shape with small pages', async () => {
    const res = await app.gql(EXPLOSION, { n: 10 });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('does not count what @skip / @include leave out, as the variables say', async () => {
    const query = `query($n: Int!, $deep: Boolean!) {
      actors(first: $n) { edges { node { name claimsMade(first: $n) @include(if: $deep) { edges { node { deniedBy { id } } } } } } }
    }`;
    expect((await app.gql(query, { n: 100, deep: false })).body.errors).toBeUndefined();
    expect((await app.gql(query, { n: 100, deep: true })).body.errors?.[0]?.extensions?.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
  });

  it('counts through fragments and inline fragments', async () => {
    const query = `{ claim(id: "x") { ...D } }
      fragment D on Claim { deniedBy { ... on Claim { deniedBy { ...E } } } }
      fragment E on Claim { deniedBy { id } }`;
    const res = await app.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', nodes: 1_010_101 });
  });

  it('counts fragments that spread fragments twice over without walking each copy', async () => {
    // F40 is 2^40 copies of F0: counted copy by copy, this request would never be answered.
    const fragments = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i + 1} on Claim { ...F${i} ...F${i} }`,
    );
    const query = `{ claim(id: "x") { ...F40 } } fragment F0 on Claim { deniedBy { id } } ${fragments.join(' ')}`;
    const res = await app.gql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0]?.message).toContain('more than 250,000,000 nodes');
  });

  it('weighs unpaginated lists at their caps: a denial of a denial of a denial is 100 × 100 × 100', async () => {
    const res = await app.gql('{ claim(id: "x") { deniedBy { deniedBy { deniedBy { id } } } } }');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      nodes: 1 + 100 + 10_000 + 1_000_000,
    });
  });
});

describe('list-argument caps', () => {
  it('refuses 20,000 actor refs at once, with a code, without touching the database', async () => {
    const refs = Array.from({ length: 20_000 }, (_, i) => `actor-${i}`);
    const { result: res, queries } = await sentDuring(() =>
      app.gql('query($refs: [String!]) { attributionGraph(actors: $refs) { truncated edges { kind } } }', {
        refs,
      }),
    );
    expect(queries).toBe(0);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        message: expect.stringContaining('actors: at most 50 entries are accepted, got 20000'),
        extensions: { code: 'LIMIT_EXCEEDED', field: 'actors', limit: 50, got: 20_000 },
      },
    ]);
  });

  it('accepts a list at its cap', async () => {
    const refs = Array.from({ length: 50 }, () => 'Kabul');
    const res = await app.gql('query($refs: [String!]) { attributionGraph(actors: $refs) { truncated } }', {
      refs,
    });
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses an over-long list inside a mutation input, and writes nothing', async () => {
    const [before] = await executor.read('system/node-count');
    const input = {
      kind: 'ACCUSATION',
      claimant: 'Islamabad',
      targets: Array.from({ length: 26 }, () => 'Kabul'),
      content: 'x',
      source: 'https://example.org/none',
      excerpt: 'x',
    };
    const res = await app.gql(
      'mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }',
      { input },
      { token: editor },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'LIMIT_EXCEEDED',
      field: 'input.targets',
      limit: 25,
      got: 26,
    });
    const figures = await app.gql(
      `mutation { recordClaim(input: { kind: FIGURE, claimant: "Kabul", content: "x", source: "https://example.org/none", excerpt: "x",
        figures: [${Array.from({ length: 30 }, (_, i) => `{ value: ${i} }`).join(', ')}] }) { id } }`,
      undefined,
      { token: editor },
    );
    expect(figures.body.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      field: 'input.figures',
      got: 30,
    });
    const [after] = await executor.read('system/node-count');
    expect(after).toEqual(before);
  });
});

describe('every list has a documented cap', () => {
  const schema = buildSchema();

  it('every unpaginated list of objects in the schema has its cap in LIST_FIELD_CAPS, and every entry is a real field', () => {
    const unlisted: string[] = [];
    const listed = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) continue;
        if (field.args.some((a) => a.name === 'first') || type.name.endsWith('Connection')) continue;
        const key = `${type.name}.${field.name}`;
        listed.add(key);
        if (!(key in LIST_FIELD_CAPS)) unlisted.push(key);
      }
    }
    expect(unlisted).toEqual([]);
    expect(Object.keys(LIST_FIELD_CAPS).filter((k) => !listed.has(k))).toEqual([]);
  });

  it('every list argument and list input field has its cap in LIST_ARGUMENT_CAPS, and every entry is real', () => {
    const found = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            if (isListType(getNullableType(arg.type))) found.add(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (isListType(getNullableType(field.type))) found.add(`${type.name}.${field.name}`);
        }
      }
    }
    expect([...found].filter((k) => !(k in LIST_ARGUMENT_CAPS))).toEqual([]);
    expect(Object.keys(LIST_ARGUMENT_CAPS).filter((k) => !found.has(k))).toEqual([]);
  });

  it('a list that resolves longer than its cap is an error at its path, never a shortened answer', async () => {
    const small = enforceListCaps(
      makeExecutableSchema({
        typeDefs: 'type Query { claim: Claim } type Claim { id: ID! deniedBy: [Claim!]! }',
        resolvers: {
          Query: {
            claim: () => ({
              id: 'c',
              deniedBy: Array.from({ length: 101 }, (_, i) => ({ id: `d${i}`, deniedBy: [] })),
            }),
          },
        },
      }),
    );
    const result = await execute({ schema: small, document: parse('{ claim { deniedBy { id } } }') });
    expect(result.data).toEqual({ claim: null });
    expect(result.errors?.[0]?.path).toEqual(['claim', 'deniedBy']);
    expect(result.errors?.[0]?.originalError).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 100, got: 101 },
    });
  });
});
