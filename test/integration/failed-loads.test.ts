import { createToken } from '../../src/auth';
import { loadBundles } from '../../src/data/load';
import { readSourcePath } from '../../src/data/validate';
import type { Executor } from '../../src/db/executor';
import { SEED_DIR } from '../../src/paths';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 10: a failed load is an error in the response, with its path, never an empty list.
 *
 * The failure is real: a FIGURE claim whose figure has a number where its `measure` should be
 * text (written through the loader's own named query, past the validation that normally stops it).
 * Neo4j then refuses every batch that computes the status of that claim or of a figure it could
 * contradict ("Expected a string value for `trim`"), and the claim loader's batch fails.
 */

let executor: Executor;
let app: TestApp;
const BROKEN = 'un-afghan-civilian-casualties-since-october';
const SOURCE = 'https://example.org/2026/failed-loads/denial';
let denial: string;

beforeAll(async () => {
  ({ executor, app } = await openSeededApp(async (ex) => {
    const [seed] = readSourcePath(SEED_DIR);
    const broken = structuredClone(seed!);
    const claim = broken.claims.find((c) => c.id === BROKEN)!;
    claim.figures = claim.figures.map((f) => ({ ...f, measure: 42 as unknown as string }));
    await loadBundles(ex, [broken], { by: 'test', role: 'system' });
  }));
  const editor = (await createToken(executor, { role: 'editor', name: 'loads', by: 'test' })).token;
  const added = await app.gql(
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    { i: { url: SOURCE, text: 'The United Nations figures were disputed by a spokesman today.' } },
    { token: editor },
  );
  expect(added.body.errors).toBeUndefined();
  // The denial's own status is computable (it has no figures); the claims it denies are not. It is
  // retracted, so their status is not settled by a live denial and the contradiction check runs.
  const recorded = await app.gql<{ recordClaim: { id: string } }>(
    'mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }',
    {
      i: {
        kind: 'DENIAL',
        claimant: 'Taliban',
        content: 'A spokesman disputed the figures.',
        source: SOURCE,
        excerpt: 'disputed by a spokesman',
        denies: [BROKEN, 'pakistani-army-soldier-casualties'],
      },
    },
    { token: editor },
  );
  expect(recorded.body.errors).toBeUndefined();
  denial = recorded.body.data!.recordClaim.id;
  const retracted = await app.gql(
    `mutation { retractClaim(id: "${denial}", reason: "test: leave the figures undisputed") { id } }`,
    {},
    { token: editor },
  );
  expect(retracted.body.errors).toBeUndefined();
});
afterAll(() => closeApp(app, executor));

describe('a failed batch surfaces as an error at its path', () => {
  it('Claim.denies: an error at claim.denies, not `denies: []`', async () => {
    const { status, body } = await app.gql<{ claim: unknown }>(
      'query($id: ID!) { claim(id: $id) { id denies { id } } }',
      { id: denial },
    );
    // The fault left the response without data: 500 (README "Errors"), with the error at its path.
    expect(status).toBe(500);
    // denies is [Claim!]!: its error nulls the claim, which is nullable. Before issue 10 this was
    // { claim: { id, denies: [] } } with no error: a disputed claim's denial denying nothing.
    expect(body.data).toEqual({ claim: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({
      path: ['claim', 'denies'],
      extensions: { code: expect.any(String) },
    });
    expect(JSON.stringify(body)).not.toMatch(/trim|Cypher|Neo4j/i); // masked outside development
  });

  it('a connection: an error at claims, not a shorter page', async () => {
    const { body } = await app.gql<{ claims: unknown }>(
      '{ claims(filter: { kind: FIGURE }) { totalCount edges { node { id } } } }',
    );
    expect(body.data?.claims ?? null).toBeNull();
    expect(body.errors![0]!.path).toEqual(['claims']);
  });

  it('Dispute lists: an error at disputes, never a dispute without its denials', async () => {
    const { body } = await app.gql('{ disputes(first: 50) { claim { id } denials { id } } }');
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors![0]!.path?.[0]).toBe('disputes');
    expect(JSON.stringify(body.data ?? {})).not.toContain('"denials":[]');
  });

  it('what does not touch the broken claim still answers', async () => {
    const { body } = await app.gql<{ claim: { id: string; denies: unknown[] } }>(
      '{ claim(id: "taliban-denies-sheltering-ttp") { id denies { id status } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.claim.denies).toEqual([
      { id: 'pakistan-accuses-kabul-of-harboring-ttp', status: 'DISPUTED' },
    ]);
  });
});
