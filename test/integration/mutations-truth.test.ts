import { createToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 10: a committed write never hides behind an error, and a mutation's result is read after
 * its write. Mutation fields are nullable (a failing field nulls only itself) and every response
 * of a request that committed a write lists it in `extensions.committed`.
 */

let executor: Executor;
let app: TestApp;
let editor: string;

const SOURCE = 'https://example.org/2026/truth/desk-report';
const TEXT =
  'Desk report. Officials in Islamabad accused Kabul of sheltering fighters near the border. ' +
  'A spokesman in Kabul rejected the accusation outright. ' +
  'A second spokesman said the report was invented. ' +
  'Later a minister repeated the accusation of sheltering fighters.';

interface Committed {
  field: string;
  operation: string;
  id: string;
  auditEvent: string;
}
type Body = {
  data?: Record<string, unknown> | null;
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
  extensions?: { committed?: Committed[] };
};

const mutate = async (query: string, variables?: Record<string, unknown>) =>
  (await app.gql(query, variables, { token: editor })).body as Body;

const counts = async () => executor.read('analysis/graph-counts');

async function recordAccusation(excerpt: string, key?: string): Promise<string> {
  const body = await mutate(`mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`, {
    input: {
      kind: 'ACCUSATION',
      claimant: 'Islamabad',
      targets: ['Kabul'],
      content: `Accusation: ${excerpt}`,
      source: SOURCE,
      excerpt,
      ...(key ? { idempotencyKey: key } : {}),
    },
  });
  expect(body.errors).toBeUndefined();
  return (body.data!.recordClaim as { id: string }).id;
}

const denialInput = (denies: string[], excerpt: string) => ({
  kind: 'DENIAL',
  claimant: 'Taliban',
  content: `Denial: ${excerpt}`,
  source: SOURCE,
  excerpt,
  denies,
});

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  editor = (await createToken(executor, { role: 'editor', name: 'truth-desk', by: 'test' })).token;
  const added = await mutate(`mutation($input: AddSourceInput!) { addSource(input: $input) { url } }`, {
    input: { url: SOURCE, title: 'Desk report', text: TEXT },
  });
  expect(added.errors).toBeUndefined();
});

afterAll(() => closeApp(app, executor));

describe('a committed write stays visible', () => {
  it('a failing sibling field nulls only itself, and the committed write is listed', async () => {
    const body = await mutate(`mutation {
      a: createActor(input: { name: "Truth Desk Observer", kind: OTHER }) { id name }
      b: retractClaim(id: "no-such-claim", reason: "x") { id }
    }`);
    expect(body.data?.a).toEqual({ id: 'truth-desk-observer', name: 'Truth Desk Observer' });
    expect(body.data?.b).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ['b'], extensions: { code: 'NOT_FOUND' } });
    expect(body.extensions?.committed).toEqual([
      { field: 'a', operation: 'createActor', id: 'truth-desk-observer', auditEvent: expect.any(String) },
    ]);
    // The write is really there, with the audit event the response named.
    const read = await app.gql<{ actor: { id: string } | null }>(
      '{ actor(ref: "Truth Desk Observer") { id } }',
    );
    expect(read.body.data?.actor).toEqual({ id: 'truth-desk-observer' });
  });

  it('a failing nested field nulls its mutation field, and the write is still listed', async () => {
    const body = await mutate(`mutation {
      made: createActor(input: { name: "Truth Desk Nested", kind: OTHER }) {
        id
        claimsMade(first: -1) { totalCount }
      }
    }`);
    // Before issue 10 the non-null chain made this `data: null`, with nothing to say the actor exists.
    expect(body.data).toEqual({ made: null });
    expect(body.errors![0]).toMatchObject({
      path: ['made', 'claimsMade'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(body.extensions?.committed).toEqual([
      { field: 'made', operation: 'createActor', id: 'truth-desk-nested', auditEvent: expect.any(String) },
    ]);
    const again = await mutate(
      `mutation { createActor(input: { name: "Truth Desk Nested", kind: OTHER }) { id } }`,
    );
    expect(again.errors![0]!.extensions?.code).toBe('CONFLICT'); // it exists: a blind retry is refused
    expect(again.extensions?.committed).toBeUndefined();
  });

  it('a request that wrote nothing carries no committed list', async () => {
    const body = await mutate(`mutation { retractClaim(id: "no-such-claim", reason: "x") { id } }`);
    expect(body.data).toEqual({ retractClaim: null });
    expect(body.extensions?.committed).toBeUndefined();
  });

  it('a retry with the same idempotency key after a partial failure writes nothing twice', async () => {
    const query = `mutation($input: RecordClaimInput!) {
      claim: recordClaim(input: $input) { id }
      oops: retractClaim(id: "no-such-claim", reason: "x") { id }
    }`;
    const input = {
      kind: 'ACCUSATION',
      claimant: 'Islamabad',
      targets: ['Kabul'],
      content: 'A minister repeated the accusation.',
      source: SOURCE,
      excerpt: 'a minister repeated the accusation',
      idempotencyKey: 'truth-desk-retry-1',
    };
    const first = await mutate(query, { input });
    const id = (first.data!.claim as { id: string }).id;
    expect(first.extensions?.committed).toEqual([
      { field: 'claim', operation: 'recordClaim', id, auditEvent: expect.any(String) },
    ]);
    const before = await counts();
    const retry = await mutate(query, { input });
    expect(retry.data!.claim).toEqual({ id });
    expect(retry.extensions?.committed).toBeUndefined(); // the first result, nothing written
    expect(await counts()).toEqual(before);
  });

  it('lists every write of a request, in order, under each field name', async () => {
    const x = await recordAccusation('Officials in Islamabad accused Kabul');
    const body = await mutate(
      `mutation($denial: RecordClaimInput!) {
        d: recordClaim(input: $denial) { id }
        r: retractClaim(id: "${x}", reason: "misread") { id }
      }`,
      { denial: denialInput([x], 'the report was invented') },
    );
    const denial = (body.data!.d as { id: string }).id;
    expect(body.extensions?.committed?.map((c) => [c.field, c.operation, c.id])).toEqual([
      ['d', 'recordClaim', denial],
      ['r', 'retractClaim', x],
    ]);
  });
});

describe('mutation results are read after the write', () => {
  it('recordClaim(denies: [X]) then retractClaim(X): the retraction reports RETRACTED', async () => {
    const x = await recordAccusation('accused Kabul of sheltering fighters near the border');
    const body = await mutate(
      `mutation($denial: RecordClaimInput!) {
        a: recordClaim(input: $denial) { id denies { id status } }
        b: retractClaim(id: "${x}", reason: "withdrawn") { id status deniedBy { id } }
      }`,
      { denial: denialInput([x], 'A spokesman in Kabul rejected the accusation outright') },
    );
    expect(body.errors).toBeUndefined();
    const a = body.data!.a as { id: string; denies: { id: string; status: string }[] };
    expect(a.denies).toEqual([{ id: x, status: 'DISPUTED' }]);
    // Served from the request's cache, this was DISPUTED: the status before the retraction.
    expect(body.data!.b).toEqual({ id: x, status: 'RETRACTED', deniedBy: [{ id: a.id }] });
  });

  it('retractClaim(a denial of Y) then recordClaim(denies: [Y]): the new denial sees Y disputed again', async () => {
    const y = await recordAccusation('accusation of sheltering fighters');
    const first = await mutate(`mutation($d: RecordClaimInput!) { recordClaim(input: $d) { id } }`, {
      d: denialInput([y], 'A second spokesman said'),
    });
    const oldDenial = (first.data!.recordClaim as { id: string }).id;
    const body = await mutate(
      `mutation($denial: RecordClaimInput!) {
        a: retractClaim(id: "${oldDenial}", reason: "misattributed") { id denies { id status deniedBy { id } } }
        b: recordClaim(input: $denial) { id denies { id status deniedBy { id } } }
      }`,
      { denial: { ...denialInput([y], 'Desk report.'), content: 'Denial, second try.' } },
    );
    expect(body.errors).toBeUndefined();
    const a = body.data!.a as { denies: { id: string; status: string }[] };
    expect(a.denies).toEqual([{ id: y, status: 'UNCONTESTED', deniedBy: [{ id: oldDenial }] }]);
    const b = body.data!.b as { id: string; denies: unknown[] };
    // Served from the request's cache, Y would still be UNCONTESTED and without the new denial.
    expect(b.denies).toEqual([
      { id: y, status: 'DISPUTED', deniedBy: expect.arrayContaining([{ id: oldDenial }, { id: b.id }]) },
    ]);
  });
});
