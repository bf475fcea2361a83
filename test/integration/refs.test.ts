import type { Executor } from '../../src/db/executor';
import { requireActors, resolveActorRefs } from '../../src/refs';
import { ClaimgraphError } from '../../src/errors';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 10: actor refs resolve through one module (src/refs) for reads and writes, a whole list
 * in one query. `attributionGraph(actors: $refs)` used to send one query per ref, in parallel,
 * and a long list took every pooled connection.
 */

let executor: Executor;
let app: TestApp;

beforeAll(async () => ({ executor, app } = await openSeededApp()));
afterAll(() => closeApp(app, executor));

it('resolves 20,000 refs in one query, in order, by id, name or alias in any case or width', async () => {
  const known = ['Kabul', 'ttp', 'ＩＳＬＡＭＡＢＡＤ', ' Turkey '];
  // 2,000 distinct refs (four known, the rest unknown), each ten times.
  const distinct = [...known, ...Array.from({ length: 1_996 }, (_, i) => `nobody ${i}`)];
  const refs = Array.from({ length: 20_000 }, (_, i) => distinct[i % distinct.length]!);
  const before = executor.queriesSent;
  const ids = await resolveActorRefs(executor, refs);
  expect(executor.queriesSent - before).toBe(1);
  expect(ids).toHaveLength(20_000);
  expect(ids.slice(0, 5)).toEqual(['taliban-government', 'ttp', 'pakistan-government', 'turkiye', null]);
  expect(ids.slice(18_000, 18_004)).toEqual(['taliban-government', 'ttp', 'pakistan-government', 'turkiye']);
  expect(ids.filter((id) => id !== null)).toHaveLength(40);
});

it('names the first unknown ref by its position', async () => {
  const err = await requireActors(executor, ['Kabul', 'Islamabad', 'Atlantis'], (i) => `actors[${i}]`).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClaimgraphError);
  expect((err as ClaimgraphError).code).toBe('NOT_FOUND');
  expect((err as ClaimgraphError).details).toEqual({ field: 'actors[2]' });
});

it('attributionGraph costs the same number of queries for 2 refs as for 12', async () => {
  const cost = async (refs: string[]) => {
    const before = executor.queriesSent;
    const { body } = await app.gql<{ attributionGraph: { nodes: { id: string }[] } }>(
      'query($a: [String!]) { attributionGraph(actors: $a, kinds: [ACCUSATION]) { nodes { id } edges { kind } } }',
      { a: refs },
    );
    expect(body.errors).toBeUndefined();
    return {
      queries: executor.queriesSent - before,
      nodes: body.data!.attributionGraph.nodes.map((n) => n.id),
    };
  };
  const two = await cost(['Kabul', 'Islamabad']);
  const twelve = await cost([...Array(6)].flatMap(() => ['kabul', 'ISLAMABAD']));
  expect(twelve).toEqual(two);
  expect(two.nodes.sort()).toEqual(['pakistan-government', 'taliban-government']);
});

it('an unknown ref in a long list is NOT_FOUND naming its index', async () => {
  const { body } = await app.gql('query($a: [String!]) { attributionGraph(actors: $a) { nodes { id } } }', {
    a: ['Kabul', 'Islamabad', 'TTP', 'Atlantis'],
  });
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'actors[3]' });
});
