import YAML from 'yaml';
import { loadBundles } from '../../src/data/load';
import { validateSourceFile } from '../../src/data/validate';
import type { Executor } from '../../src/db/executor';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * More claims than one page can hold: the seed's 19 plus a generated source with 110 statements,
 * so `first` caps, cursors and query counts are tested where they matter.
 */
const GENERATED = 110;
let executor: Executor;
let app: TestApp;

function generatedSource(): string {
  const sentences = Array.from({ length: GENERATED }, (_, i) => `Statement number ${i + 1} was made.`);
  const text = sentences.join(' ');
  let offset = 0;
  const claims = sentences.map((sentence, i) => {
    const start = offset;
    offset += sentence.length + 1;
    return {
      id: `generated-statement-${i + 1}`,
      kind: 'STATEMENT',
      claimant: 'generated-speaker',
      targets: ['generated-audience'],
      content: `Statement ${i + 1}.`,
      statedOn: `2025-10-${String((i % 28) + 1).padStart(2, '0')}`,
      excerpts: [{ exact: sentence, start, end: start + sentence.length }],
    };
  });
  return YAML.stringify({
    source: { url: 'https://example.org/generated', title: 'Generated', publishedAt: '2025-11-01', text },
    actors: [
      { id: 'generated-speaker', name: 'Generated Speaker', kind: 'PERSON', aliases: [] },
      { id: 'generated-audience', name: 'Generated Audience', kind: 'POPULATION', aliases: [] },
    ],
    claims,
  });
}

beforeAll(
  async () =>
    ({ executor, app } = await openSeededApp(async (executor) => {
      await loadBundles(executor, [validateSourceFile('generated.yaml', generatedSource())], {
        by: 'loader:test',
        role: 'system',
      });
    })),
);
afterAll(() => closeApp(app, executor));

type Page = {
  claims: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('pagination over more than a page', () => {
  it('caps first at 100', async () => {
    const { body } = await app.gql<Page>(
      '{ claims(first: 101) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.claims.totalCount).toBe(19 + GENERATED);
    expect(body.data!.claims.edges).toHaveLength(100);
    expect(body.data!.claims.pageInfo.hasNextPage).toBe(true);
  });

  it('walks every claim exactly once by following endCursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const { body }: { body: { data?: Page } } = await app.gql<Page>(
        'query($after: String) { claims(first: 40, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...body.data!.claims.edges.map((e) => e.node.id));
      if (!body.data!.claims.pageInfo.hasNextPage) break;
      after = body.data!.claims.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(19 + GENERATED);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("pages an actor's claims", async () => {
    const { body } = await app.gql<{
      actor: { claimsMade: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } };
    }>(
      '{ actor(ref: "Generated Speaker") { claimsMade(first: 100) { totalCount edges { cursor } pageInfo { hasNextPage } } } }',
    );
    expect(body.data!.actor.claimsMade).toMatchObject({
      totalCount: GENERATED,
      pageInfo: { hasNextPage: true },
    });
    expect(body.data!.actor.claimsMade.edges).toHaveLength(100);
  });
});

describe('cost', () => {
  it('sends the same number of queries for a page of 1 and of 100 claims (no N+1)', async () => {
    const q = `query($n: Int) { claims(first: $n) { edges { node { id status history { operation }
      claimant { name roles { of { name } } claimsMade(first: 2) { totalCount } }
      targets { name } denies { id } deniedBy { id claimant { name } }
      evidence { exact source { url publisher { name } } } } } } }`;
    const count = async (n: number) => {
      const before = executor.queriesSent;
      const { body } = await app.gql<{ claims: { edges: unknown[] } }>(q, { n });
      expect(body.errors).toBeUndefined();
      return { queries: executor.queriesSent - before, rows: body.data!.claims.edges.length };
    };
    const one = await count(1);
    const hundred = await count(100);
    expect(one.rows).toBe(1);
    expect(hundred.rows).toBe(100);
    expect(hundred.queries).toBe(one.queries);
  });
});
