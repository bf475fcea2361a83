import fs from 'node:fs';
import path from 'node:path';
import { createToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import { MAX_ALIASES, MAX_DEPTH, MAX_DIRECTIVES, MAX_TOKENS } from '../../src/graphql/apollo';
import { DEFAULT_LIST_CAP, LIST_ARGUMENT_CAPS, LIST_FIELD_CAPS, NODE_LIMIT } from '../../src/graphql/limits';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/graphql/pagination';
import { PROJECT_ROOT, SEED_DIR } from '../../src/paths';
import { loadBundles } from '../../src/data/load';
import { validateSourceFile } from '../../src/data/validate';
import YAML from 'yaml';
import type { TestApp } from '../support/app';
import { seededDatabase, testExecutor } from '../support/db';
import { startFaultApp } from '../support/faults';

/**
 * The README's error table and limits section are true: every row of the error table has a
 * request here that produces its code, with each HTTP status the row names (and no other), and
 * every number in the limits section is the one the server applies.
 */
const README = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

function section(title: string): string {
  const start = README.indexOf(`\n### ${title}\n`);
  expect(start).toBeGreaterThan(0);
  const end = README.indexOf('\n### ', start + 5);
  return README.slice(start, end);
}

/** The table rows of a section, as trimmed cells (header and separator left out). */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
}

let executor: Executor;
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  executor = await testExecutor();
  await seededDatabase(executor);
  for (const role of ['reader', 'editor'] as const) {
    tokens[role] = (await createToken(executor, { role, name: `readme-${role}`, by: 'test' })).token;
  }
  app = await startFaultApp(executor);
});
afterAll(async () => {
  await app?.stop();
  await executor?.close();
});

interface Answer {
  status: number;
  code: string | undefined;
  retryAfter: string | null;
}

async function send(
  body: string,
  opts: {
    token?: string;
    type?: string;
    codeOf?: (errors: { extensions?: { code?: string } }[]) => string | undefined;
  } = {},
): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': opts.type ?? 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body,
  });
  const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  const errors = json.errors ?? [];
  return {
    status: res.status,
    code: opts.codeOf ? opts.codeOf(errors) : errors[0]?.extensions?.code,
    retryAfter: res.headers.get('retry-after'),
  };
}

const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
  send(JSON.stringify({ query, variables }), { token });

/** For each code, requests that produce it; together they must produce every status its row names. */
const REPRODUCERS: Record<string, (() => Promise<Answer>)[]> = {
  BAD_USER_INPUT: [
    () =>
      gql(
        'mutation($i: CreateActorInput!) { createActor(input: $i) { id } }',
        { i: { name: '   ', kind: 'PERSON' } },
        tokens.editor,
      ),
    () => gql('query($d: Date) { claims(filter: { statedFrom: $d }) { totalCount } }', { d: '2025-13-45' }),
  ],
  NOT_FOUND: [
    () => gql('mutation { retractClaim(id: "no-such-claim", reason: "x") { id } }', undefined, tokens.editor),
  ],
  UNAUTHENTICATED: [
    () => gql('mutation { retractClaim(id: "no-such-claim", reason: "x") { id } }'),
    () => gql('{ serverInfo { version } }', undefined, 'cg_nosuch_secret'),
  ],
  FORBIDDEN: [
    () => gql('mutation { retractClaim(id: "no-such-claim", reason: "x") { id } }', undefined, tokens.reader),
  ],
  CONFLICT: [
    () =>
      gql(
        'mutation { createActor(input: { name: "Kabul", kind: GOVERNMENT }) { id } }',
        undefined,
        tokens.editor,
      ),
  ],
  NOT_A_DRAFT: [
    // A curated claim of the seed is VERIFIED, never a draft.
    () =>
      gql(
        'mutation { verifyDraft(id: "pakistan-accuses-kabul-of-harboring-ttp") { id } }',
        undefined,
        tokens.editor,
      ),
  ],
  GRAPHQL_PARSE_FAILED: [
    () => gql('{ claims('),
    () => gql(`{ ${'serverInfo { version } '.repeat(MAX_TOKENS / 4 + 1)} }`),
  ],
  GRAPHQL_VALIDATION_FAILED: [
    () => gql('{ nope }'),
    () => gql('subscription { claims { totalCount } }'),
    () =>
      gql(
        `{ ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`,
      ),
  ],
  QUERY_TOO_COMPLEX: [
    () =>
      gql(
        'query($n: Int!) { actors(first: $n) { edges { node { claimsMade(first: $n) { edges { node { deniedBy { id } } } } } } } }',
        { n: 100 },
      ),
  ],
  LIMIT_EXCEEDED: [
    () =>
      gql('query($a: [String!]) { attributionGraph(actors: $a) { truncated } }', {
        a: Array.from({ length: 20_000 }, (_, i) => `a${i}`),
      }),
    // A claim with more denials than Claim.deniedBy's cap: an error at the path, not 100 of them.
    async () => {
      const id = await manyDenials();
      return send(JSON.stringify({ query: `{ claim(id: "${id}") { id deniedBy { id } } }` }));
    },
  ],
  BAD_REQUEST: [
    () => send('{"query": "{ serverInfo { version } }"'),
    () =>
      send(JSON.stringify({ query: '{ serverInfo { version } }' }), {
        type: 'application/json; charset=latin-9',
      }),
    () => send(JSON.stringify({ query: 5 })),
    () => send(JSON.stringify({ query: '{ serverInfo { version } }' }), { type: 'text/plain' }),
  ],
  PAYLOAD_TOO_LARGE: [
    () => send(JSON.stringify({ query: '{ serverInfo { version } }', pad: 'x'.repeat(1_100_000) })),
  ],
  PERSISTED_QUERY_NOT_FOUND: [
    () =>
      send(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'cd'.repeat(32) } } })),
  ],
  NEO4J_UNAVAILABLE: faultReproducers('NEO4J_UNAVAILABLE'),
  DATABASE_BUSY: faultReproducers('DATABASE_BUSY'),
  OVERLOADED: faultReproducers('OVERLOADED'),
  TIMEOUT: faultReproducers('TIMEOUT'),
  INTERNAL_SERVER_ERROR: faultReproducers('BUG'),
};

/** The fault alone (no data at all), and beside a field that still answers. */
function faultReproducers(kind: string): (() => Promise<Answer>)[] {
  return [
    () => gql(`{ fault(kind: "${kind}") }`),
    () => gql(`{ fault(kind: "${kind}") serverInfo { version } }`),
  ];
}

/**
 * Loads one more denial of a seed claim than Claim.deniedBy holds (the seed file plus copies of its
 * denial, in one load); returns the denied claim's id.
 */
async function manyDenials(): Promise<string> {
  const file = fs.readdirSync(SEED_DIR).find((f) => f.endsWith('.yaml'))!;
  const doc = YAML.parse(fs.readFileSync(path.join(SEED_DIR, file), 'utf8')) as { claims: { id: string }[] };
  const denial = doc.claims.find((c) => c.id === 'taliban-denies-sheltering-ttp')!;
  const cap = LIST_FIELD_CAPS['Claim.deniedBy']!;
  for (let i = 0; i <= cap; i += 1) doc.claims.push({ ...structuredClone(denial), id: `readme-denial-${i}` });
  const bundle = validateSourceFile(file, YAML.stringify(doc, { aliasDuplicateObjects: false }));
  await loadBundles(executor, [bundle], { by: 'loader:test', role: 'system' });
  return 'pakistan-accuses-kabul-of-harboring-ttp';
}

describe('the README error table', () => {
  const table = rows(section('Errors')).slice(1);
  const documented = new Map(
    table.map(([code, , http]) => [
      code!.replace(/`/g, ''),
      new Set((http ?? '').match(/\b[1-5]\d\d\b/g)?.map(Number)),
    ]),
  );

  it('has a reproducer for every row, and a row for every reproducer', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(REPRODUCERS).sort());
  });

  it.each([...documented.entries()])(
    '%s: the server answers with the code and each status the row names',
    async (code, statuses) => {
      const answers: Answer[] = [];
      for (const reproduce of REPRODUCERS[code] ?? []) answers.push(await reproduce());
      for (const a of answers)
        expect({ code: a.code, status: a.status }).toEqual({ code, status: expect.any(Number) });
      expect(new Set(answers.map((a) => a.status))).toEqual(statuses);
      for (const a of answers) expect(a.retryAfter !== null).toBe(a.status === 503);
    },
  );
});

describe('the README limits section', () => {
  const text = section('Limits');
  const tables = rows(text);

  it('states the limits the server applies', () => {
    const limit = (name: string) => tables.find((r) => r[0] === name)?.[1] ?? '';
    expect(limit('tokens')).toMatch(new RegExp(`^${MAX_TOKENS}\\b`));
    expect(limit('depth')).toMatch(new RegExp(`^${MAX_DEPTH}\\b`));
    expect(limit('aliases')).toMatch(new RegExp(`^${MAX_ALIASES}\\b`));
    expect(limit('directives')).toMatch(new RegExp(`^${MAX_DIRECTIVES}\\b`));
    expect(limit('node limit')).toBe(`${NODE_LIMIT.toLocaleString('en-US')} nodes`);
    expect(limit('`first`')).toContain(`default ${DEFAULT_PAGE_SIZE}`);
    expect(limit('`first`')).toContain(`at most ${MAX_PAGE_SIZE}`);
    expect(limit('list arguments')).toContain(`${DEFAULT_LIST_CAP} when not listed`);
    expect(limit('body size')).toBe('`BODY_LIMIT` (1 MB)');
    expect(app.config.bodyLimit).toBe('1mb');
  });

  it('lists every cap of the caps tables with its value, and no other', () => {
    const stated: Record<string, number> = {};
    for (const [names, cap] of tables) {
      const keys = names?.match(/`[A-Za-z]+\.[A-Za-z]+(\([A-Za-z]+\))?`/g) ?? [];
      for (const key of keys) stated[key.replace(/`/g, '')] = Number(/^\d+/.exec(cap ?? '')?.[0]);
    }
    expect(stated).toEqual({ ...LIST_FIELD_CAPS, ...LIST_ARGUMENT_CAPS });
  });
});
