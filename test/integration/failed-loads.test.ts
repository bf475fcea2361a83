import { createToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 10: a failed load is an error in the response, with its path, never an empty list.
 *
 * The failure is real: one claim of the seed holds a review time in the year 300,000 (written by a
 * test-support named query, past every write path), which Neo4j stores but a JavaScript Date
 * cannot hold. Every batch of the claim loader that includes that claim then fails as its rows are
 * read, while the rest of the graph answers.
 */

let executor: Executor;
let app: TestApp;
const BROKEN = 'un-afghan-civilian-casualties-since-october';
const SOURCE = 'https://example.org/2026/failed-loads/denial';
let denial: string;

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  const editor = (await createToken(executor, { role: 'editor', name: 'loads', by: 'test' })).token;
  const added = await app.gql(
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url } }',
    { i: { url: SOURCE, text: 'The United Nations figures were disputed by a spokesman today.' } },
    { token: editor },
  );
  expect(added.body.errors).toBeUndefined();
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
  // The denial disputes the broken claim, so the disputes list has to load it too.
  await executor.write((tx) => tx.run('test/unrepresentable-review-time', { id: BROKEN }));
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
    expect(JSON.stringify(body)).not.toMatch(/Invalid time|RangeError|Cypher|Neo4j/i); // masked outside development
  });

  it('a connection: an error at claims.edges, not a shorter page', async () => {
    // The page reads the broken review time because it shows the review (a page reads a claim's
    // seldom-shown fields only when its selection shows one: part 'details', fragments/claim-row).
    const { body } = await app.gql<{ claims: unknown }>(
      '{ claims(filter: { kind: FIGURE }) { totalCount edges { node { id review { at } } } } }',
    );
    // edges is non-null, so its error nulls the whole connection: no page, no count beside it.
    expect(body.data?.claims ?? null).toBeNull();
    expect(body.errors![0]!.path).toEqual(['claims', 'edges']);
  });

  it('Dispute lists: an error at disputes, never a dispute without its denials', async () => {
    const { body } = await app.gql('{ disputes(first: 50) { claim { id } denials { id } } }');
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors![0]!.path?.[0]).toBe('disputes');
    expect(JSON.stringify(body.data ?? {})).not.toContain('"denials":[]');
  });

  it('a page that does not show the broken field answers every claim, the broken one too', async () => {
    const { body } = await app.gql<{ claims: { totalCount: number; edges: { node: { id: string } }[] } }>(
      '{ claims(filter: { kind: FIGURE }) { totalCount edges { node { id content } } } }',
    );
    expect(body.errors).toBeUndefined();
    const ids = body.data!.claims.edges.map((e) => e.node.id);
    expect(ids).toContain(BROKEN);
    expect(ids).toHaveLength(body.data!.claims.totalCount);
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
