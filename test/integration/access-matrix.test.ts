import { createToken, revokeToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import { buildSchema } from '../../src/graphql/apollo';
import { startTestApp, type TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 10: one authentication path for /graphql and /export (src/auth.ts authenticateRequest),
 * and one access matrix run against both transports, the way apollo-server runs one integration
 * suite against every transport: every principal × every operation (each mutation, a GraphQL
 * read, each export), with reads open and with REQUIRE_READ_TOKEN=true. One rule says what each
 * cell must answer; each transport only translates its response into an outcome.
 */

type Principal = 'anonymous' | 'reader' | 'editor' | 'admin' | 'revoked' | 'malformed';
const PRINCIPALS: Principal[] = ['anonymous', 'reader', 'editor', 'admin', 'revoked', 'malformed'];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

let executor: Executor;
let open: TestApp;
let closed: TestApp;
const header: Record<Principal, string | undefined> = {
  anonymous: undefined,
  reader: '',
  editor: '',
  admin: '',
  revoked: '',
  malformed: 'Bearer cg_not-a-token',
};
let editorHeader = '';

const SOURCE = 'https://example.org/matrix/source';
const TEXT = 'Matrix source. Officials accused the other side. The other side denied everything.';

/** What a request with this principal must get, for an operation needing `needs`, by one rule. */
function expected(who: Principal, needs: 'read' | 'write', requireReadToken: boolean): Outcome {
  if (who === 'revoked' || who === 'malformed') return 'UNAUTHENTICATED'; // a bad token is never anonymous
  if (who === 'anonymous') return needs === 'write' || requireReadToken ? 'UNAUTHENTICATED' : 'ok';
  if (needs === 'write' && who === 'reader') return 'FORBIDDEN';
  return 'ok';
}

interface Answer {
  outcome: Outcome | string;
  status: number;
}

/** An operation, sent over its transport; `n` makes each call's input unique. */
interface Operation {
  name: string;
  needs: 'read' | 'write';
  send(app: TestApp, authorization: string | undefined, n: number): Promise<Answer>;
}

let counter = 0;

async function graphql(
  app: TestApp,
  authorization: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer & { data?: Record<string, unknown> | null }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  const code = body.errors?.[0]?.extensions?.code;
  return { outcome: code ?? 'ok', status: res.status, data: body.data };
}

/** Over /graphql: an error's code is the outcome, and success must have answered the field. */
const viaGraphql = (
  name: string,
  needs: 'read' | 'write',
  build: (n: number) => Promise<[string, Record<string, unknown>]>,
) =>
  ({
    name,
    needs,
    async send(app, authorization, n) {
      const [query, variables] = await build(n);
      const answer = await graphql(app, authorization, query, variables);
      if (answer.outcome === 'ok') expect(answer.data?.[name]).toBeTruthy();
      return answer;
    },
  }) satisfies Operation;

/** Over /export: 200 is ok, an error is the code of its JSON body. */
const viaExport = (path: string): Operation => ({
  name: `GET ${path}`,
  needs: 'read',
  async send(app, authorization) {
    const res = await fetch(`${app.url}${path}`, { headers: authorization ? { authorization } : {} });
    if (res.status === 200) {
      await res.arrayBuffer();
      return { outcome: 'ok', status: 200 };
    }
    const body = (await res.json()) as { error?: { code?: string } };
    return { outcome: body.error?.code ?? `HTTP ${res.status}`, status: res.status };
  },
});

/** A fresh claim written by the editor, for operations that change one claim. */
async function freshClaim(kind: 'ACCUSATION' | 'DENIAL', n: number): Promise<string> {
  const r = await graphql(
    open,
    editorHeader,
    'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }',
    {
      i: {
        kind,
        claimant: kind === 'DENIAL' ? 'Taliban' : 'Islamabad',
        content: `Matrix claim ${n}`,
        source: SOURCE,
        excerpt: kind === 'DENIAL' ? 'The other side denied everything' : 'Officials accused the other side',
      },
    },
  );
  expect(r.outcome).toBe('ok');
  return (r.data!.recordClaim as { id: string }).id;
}

/**
 * Fresh drafts, extracted by the editor from a new source: one attributed to a named actor, one
 * to unnamed officials (a placeholder actor), for the review operations.
 */
async function freshDrafts(n: number): Promise<{ drafts: string[]; placeholder: string }> {
  const url = `https://example.org/matrix/extract-${n}`;
  const added = await graphql(
    open,
    editorHeader,
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    {
      i: {
        url,
        publishedAt: '2026-11-09',
        text: `Islamabad accused Kabul of sheltering militants in report ${n}. Security officials said the border crossing would stay shut.`,
      },
    },
  );
  expect(added.outcome).toBe('ok');
  const r = await graphql(
    open,
    editorHeader,
    'mutation($s: String!) { extractClaims(source: $s) { drafts { id claimant { id placeholder } } } }',
    { s: url },
  );
  expect(r.outcome).toBe('ok');
  const drafts = (
    r.data!.extractClaims as { drafts: { id: string; claimant: { id: string; placeholder: boolean } }[] }
  ).drafts;
  const placeholder = drafts.find((d) => d.claimant.placeholder)?.claimant.id;
  expect(drafts.length).toBeGreaterThanOrEqual(2);
  expect(placeholder).toBeDefined();
  return { drafts: drafts.map((d) => d.id), placeholder: placeholder! };
}

/**
 * A fresh orphaned excerpt, written by the editor: a source, a claim in it, and a recheck that
 * changes its words; returns the excerpt and its best candidate's offsets.
 */
async function freshOrphan(n: number): Promise<{ id: string; start: number; end: number }> {
  const url = `https://example.org/matrix/orphan-${n}`;
  const text = `Orphan report ${n}. Officials accused the other side of shelling.`;
  const added = await graphql(
    open,
    editorHeader,
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    {
      i: { url, text },
    },
  );
  expect(added.outcome).toBe('ok');
  const claim = await graphql(
    open,
    editorHeader,
    'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }',
    {
      i: {
        kind: 'ACCUSATION',
        claimant: 'Islamabad',
        content: `Orphan ${n}`,
        source: url,
        excerpt: 'Officials accused the other side of shelling',
      },
    },
  );
  expect(claim.outcome).toBe('ok');
  const r = await graphql(
    open,
    editorHeader,
    'mutation($u: String!, $t: String!) { recheckSource(url: $u, text: $t) { source { url } } }',
    { u: url, t: text.replace('shelling', 'raids') },
  );
  expect(r.outcome).toBe('ok');
  const x = await graphql(
    open,
    editorHeader,
    'query($id: ID!) { claim(id: $id) { evidence { id candidates { start end } } } }',
    {
      id: (claim.data!.recordClaim as { id: string }).id,
    },
  );
  const excerpt = (
    x.data!.claim as { evidence: { id: string; candidates: { start: number; end: number }[] }[] }
  ).evidence[0]!;
  return { id: excerpt.id, ...excerpt.candidates[0]! };
}

const MUTATIONS: Operation[] = [
  viaGraphql('createActor', 'write', async (n) => [
    'mutation($i: CreateActorInput!) { createActor(input: $i) { id } }',
    { i: { name: `Matrix Actor ${n}`, kind: 'OTHER' } },
  ]),
  viaGraphql('addSource', 'write', async (n) => [
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    { i: { url: `https://example.org/matrix/${n}`, text: `Matrix text ${n}.` } },
  ]),
  viaGraphql('recordClaim', 'write', async (n) => [
    'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }',
    {
      i: {
        kind: 'ACCUSATION',
        claimant: 'Islamabad',
        content: `Matrix accusation ${n}`,
        source: SOURCE,
        excerpt: 'Officials accused the other side',
      },
    },
  ]),
  viaGraphql('linkDenial', 'write', async (n) => [
    'mutation($d: ID!, $x: ID!) { linkDenial(denial: $d, denied: $x) { id } }',
    { d: await freshClaim('DENIAL', n), x: await freshClaim('ACCUSATION', n) },
  ]),
  viaGraphql('retractClaim', 'write', async (n) => [
    'mutation($id: ID!) { retractClaim(id: $id, reason: "matrix") { id } }',
    { id: await freshClaim('ACCUSATION', n) },
  ]),
  viaGraphql('extractClaims', 'write', async (n) => {
    const url = `https://example.org/matrix/extract-only-${n}`;
    const added = await graphql(
      open,
      editorHeader,
      'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
      {
        i: { url, text: `Islamabad accused Kabul of sheltering militants in note ${n}.` },
      },
    );
    expect(added.outcome).toBe('ok');
    return ['mutation($s: String!) { extractClaims(source: $s) { created } }', { s: url }];
  }),
  viaGraphql('verifyDraft', 'write', async (n) => [
    'mutation($id: ID!) { verifyDraft(id: $id) { id } }',
    { id: (await freshDrafts(n)).drafts[0] },
  ]),
  viaGraphql('rejectDraft', 'write', async (n) => [
    'mutation($id: ID!) { rejectDraft(id: $id, reason: "matrix") { id } }',
    { id: (await freshDrafts(n)).drafts[0] },
  ]),
  // Issue 12: each recheck a new text (a repeat of the current one would write nothing).
  viaGraphql('recheckSource', 'write', async (n) => [
    'mutation($u: String!, $t: String!) { recheckSource(url: $u, text: $t) { orphaned } }',
    { u: SOURCE, t: `Matrix recheck ${n}. ${TEXT}` },
  ]),
  viaGraphql('acceptCandidate', 'write', async (n) => {
    const x = await freshOrphan(n);
    return [
      'mutation($x: ID!, $s: Int!, $e: Int!) { acceptCandidate(excerpt: $x, start: $s, end: $e) { id } }',
      { x: x.id, s: x.start, e: x.end },
    ];
  }),
  viaGraphql('resolvePlaceholder', 'write', async (n) => [
    'mutation($p: ID!) { resolvePlaceholder(placeholder: $p, actor: "Islamabad") { id } }',
    { p: (await freshDrafts(n)).placeholder },
  ]),
  // Issue 12: corroboration and copies.
  viaGraphql('addEvidence', 'write', async (n) => [
    'mutation($c: ID!, $s: String!) { addEvidence(claim: $c, source: $s, excerpt: "The other side denied everything") { id } }',
    { c: await freshClaim('ACCUSATION', n), s: SOURCE },
  ]),
  viaGraphql('markCopy', 'write', async (n) => {
    const url = `https://example.org/matrix/copy-${n}`;
    const added = await graphql(
      open,
      editorHeader,
      'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
      { i: { url, text: `${TEXT} Copy ${n}.` } },
    );
    expect(added.outcome).toBe('ok');
    return [
      'mutation($s: String!, $o: String!) { markCopy(source: $s, of: $o) { url } }',
      { s: url, o: SOURCE },
    ];
  }),
];

const READS: Operation[] = [
  viaGraphql('claims', 'read', async () => ['{ claims(first: 1) { totalCount } }', {}]),
  viaExport('/export/claims/pakistan-accuses-kabul-of-harboring-ttp.jsonld'),
  viaExport('/export/graph.graphml'),
  viaExport('/export/graph.json?actors=Kabul,Islamabad'),
];

beforeAll(async () => {
  ({ executor, app: open } = await openSeededApp());
  closed = await startTestApp(executor, { REQUIRE_READ_TOKEN: 'true' });
  for (const role of ['reader', 'editor', 'admin'] as const) {
    header[role] =
      `Bearer ${(await createToken(executor, { role, name: `matrix-${role}`, by: 'test' })).token}`;
  }
  const revoked = await createToken(executor, { role: 'admin', name: 'matrix-revoked', by: 'test' });
  await revokeToken(executor, revoked.id, 'test');
  header.revoked = `Bearer ${revoked.token}`;
  editorHeader = header.editor!;
  const added = await graphql(
    open,
    editorHeader,
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    {
      i: { url: SOURCE, text: TEXT },
    },
  );
  expect(added.outcome).toBe('ok');
});

afterAll(async () => {
  await closed?.stop();
  await closeApp(open, executor);
});

it('covers every mutation the schema has', () => {
  const fields = Object.keys(buildSchema().getMutationType()!.getFields()).sort();
  // A new mutation must join MUTATIONS above: the matrix is only worth something when complete.
  expect(MUTATIONS.map((m) => m.name).sort()).toEqual(fields);
});

describe.each([
  ['reads open', false],
  ['REQUIRE_READ_TOKEN=true', true],
])('access matrix, %s', (_mode, requireReadToken) => {
  const cells = PRINCIPALS.flatMap((who) => [...MUTATIONS, ...READS].map((op) => [who, op] as const));
  it.each(cells.map(([who, op]) => [who, op.name, op] as const))('%s × %s', async (who, _name, op) => {
    const app = requireReadToken ? closed : open;
    const want = expected(who, op.needs, requireReadToken);
    // A refused write writes nothing (checked where the operation's setup writes nothing itself).
    const checkUnchanged = want !== 'ok' && ['createActor', 'addSource', 'recordClaim'].includes(op.name);
    const before = checkUnchanged ? await executor.read('analysis/graph-counts') : null;
    const answer = await op.send(app, header[who], (counter += 1));
    expect(answer.outcome).toBe(want);
    if (checkUnchanged) expect(await executor.read('analysis/graph-counts')).toEqual(before);
    // A bad token, and a missing one where reads need one, is refused before anything runs: 401.
    if (who === 'revoked' || who === 'malformed' || (want === 'UNAUTHENTICATED' && requireReadToken)) {
      expect(answer.status).toBe(401);
    }
  });
});
