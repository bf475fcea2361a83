import { createToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import { BadUserInputError } from '../../src/errors';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Clients retry, and so does the driver: writes racing for the same key must end as if they had
 * come one after the other, with a clear answer for each, and never a 500.
 */
let executor: Executor;
let app: TestApp;
let token: string;

const SOURCE = 'https://example.org/2025/11/12/race';
const TEXT = 'On 12 November Pakistan accused Kabul of shelling border posts, a ministry statement said.';

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  token = (await createToken(executor, { role: 'editor', name: 'racer', by: 'test' })).token;
});
afterAll(() => closeApp(app, executor));

type Errors = { errors?: { message: string; extensions?: { code?: string } }[] };
const codes = (bodies: Errors[]) => bodies.map((b) => b.errors?.[0]?.extensions?.code ?? 'OK').sort();

it('one of several addSource calls racing with different texts wins; the others get CONFLICT', async () => {
  const q = 'mutation($i: AddSourceInput!) { addSource(input: $i) { url contentHash } }';
  const results = await Promise.all(
    [1, 2, 3].map((n) =>
      app.gql(q, { i: { url: SOURCE, text: n === 1 ? TEXT : `${TEXT} (${n})` } }, { token }),
    ),
  );
  expect(codes(results.map((r) => r.body))).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
  const winner = results.find((r) => !r.body.errors)!.body.data as { addSource: { contentHash: string } };
  const stored = await app.gql<{ source: { contentHash: string } }>(
    'query($u: String!) { source(url: $u) { contentHash } }',
    {
      u: SOURCE,
    },
  );
  expect(stored.body.data?.source.contentHash).toBe(winner.addSource.contentHash);
});

it('recordClaim calls racing with one idempotency key all get the same single claim', async () => {
  await app.gql(
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    { i: { url: SOURCE, text: TEXT } },
    { token },
  );
  const input = {
    kind: 'ACCUSATION',
    claimant: 'Islamabad',
    targets: ['Kabul'],
    content: 'Pakistan accused Kabul of shelling border posts.',
    source: SOURCE,
    excerpt: 'Pakistan accused Kabul of shelling border posts',
    idempotencyKey: 'race-1',
  };
  const q = 'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }';
  const results = await Promise.all(
    [1, 2, 3, 4].map(() => app.gql<{ recordClaim: { id: string } }>(q, { i: input }, { token })),
  );
  for (const r of results) expect(r.body.errors).toBeUndefined();
  const ids = new Set(results.map((r) => r.body.data!.recordClaim.id));
  expect(ids.size).toBe(1);
  const listed = await app.gql<{ claims: { totalCount: number } }>(
    'query($u: String) { claims(filter: { sourceUrl: $u }) { totalCount } }',
    { u: SOURCE },
  );
  expect(listed.body.data?.claims.totalCount).toBe(1);
});

it('an idempotency key reused with other figures is a CONFLICT, not the first claim', async () => {
  const q = 'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }';
  const input = {
    kind: 'FIGURE',
    claimant: 'Islamabad',
    content: 'A figure.',
    source: SOURCE,
    excerpt: 'border posts',
    figures: [{ value: 3, unit: 'post', measure: 'posts shelled' }],
    idempotencyKey: 'figure-key',
  };
  const first = await app.gql(q, { i: input }, { token });
  expect(first.body.errors).toBeUndefined();
  const same = await app.gql(q, { i: { ...input, cue: null } }, { token }); // an explicit null is the same input
  expect(same.body.data).toEqual(first.body.data);
  const other = await app.gql(
    q,
    { i: { ...input, figures: [{ value: 4, unit: 'post', measure: 'posts shelled' }] } },
    { token },
  );
  expect(other.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
});

it('createActor calls racing for one name: one actor, and CONFLICT for the rest', async () => {
  const q = 'mutation($i: CreateActorInput!) { createActor(input: $i) { id } }';
  const results = await Promise.all(
    [1, 2].map(() => app.gql(q, { i: { name: 'Border Ministry', kind: 'GOVERNMENT' } }, { token })),
  );
  expect(codes(results.map((r) => r.body))).toEqual(['CONFLICT', 'OK']);
});

it('retractClaim calls racing: one retraction, one CONFLICT, one audit event', async () => {
  const q = 'mutation($id: ID!, $r: String!) { retractClaim(id: $id, reason: $r) { id } }';
  const id = 'taliban-people-of-pakistan-are-friends';
  const results = await Promise.all(['first', 'second'].map((r) => app.gql(q, { id, r }, { token })));
  expect(codes(results.map((r) => r.body))).toEqual(['CONFLICT', 'OK']);
  const { body } = await app.gql<{ claim: { history: { operation: string }[] } }>(
    'query($id: ID!) { claim(id: $id) { history { operation } } }',
    { id },
  );
  expect(body.data?.claim.history.filter((h) => h.operation === 'retractClaim')).toHaveLength(1);
});

it('linkDenial calls racing: one link, one audit event', async () => {
  const denial = await app.gql<{ recordClaim: { id: string } }>(
    'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }',
    {
      i: {
        kind: 'DENIAL',
        claimant: 'Kabul',
        content: 'Kabul denied it.',
        source: SOURCE,
        excerpt: 'a ministry statement said',
      },
    },
    { token },
  );
  const id = denial.body.data!.recordClaim.id;
  const q = 'mutation($a: ID!, $b: ID!) { linkDenial(denial: $a, denied: $b) { id } }';
  const results = await Promise.all(
    [1, 2, 3, 4, 5, 6].map(() =>
      app.gql(q, { a: id, b: 'pakistan-accuses-kabul-of-harboring-ttp' }, { token }),
    ),
  );
  for (const r of results) expect(r.body.errors).toBeUndefined();
  const { body } = await app.gql<{ claim: { denies: { id: string }[]; history: { operation: string }[] } }>(
    'query($id: ID!) { claim(id: $id) { denies { id } history { operation } } }',
    { id },
  );
  expect(body.data?.claim.denies).toEqual([{ id: 'pakistan-accuses-kabul-of-harboring-ttp' }]);
  expect(body.data?.claim.history.filter((h) => h.operation === 'linkDenial')).toHaveLength(1);
});

it('a write that fails after it has written leaves nothing behind', async () => {
  const before = await executor.read('analysis/graph-counts');
  await expect(
    executor.write(async (tx) => {
      await tx.run('actors/create', {
        id: 'half-written',
        name: 'Half Written',
        kind: 'OTHER',
        aliases: [],
        description: null,
        at: new Date().toISOString(),
        by: 'test',
      });
      throw new BadUserInputError('content: refused after the first write', 'content');
    }),
  ).rejects.toThrow(BadUserInputError);
  expect(await executor.read('analysis/graph-counts')).toEqual(before);
  const [row] = await executor.read('actors/resolve-ref', { ref: 'Half Written' });
  expect(row?.id).toBeNull();
});
