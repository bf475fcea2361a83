import { createToken } from '../../src/auth';
import type { Executor, QueryProfile } from '../../src/db/executor';
import { encodeCursor } from '../../src/paging/keyset';
import { refreshClaimKeys } from '../../src/writes/keys';
import { startTestApp, type TestApp } from '../support/app';
import { freshDatabase, seededDatabase, testExecutor } from '../support/db';
import { closeApp } from '../support/fixtures';

/**
 * Issue 11: keyset pagination. Plans are checked with PROFILE (database hits), never timings: a
 * page costs its rows, whatever the graph's size and the page's position.
 */

let executor: Executor;
let app: TestApp;
let editor: string;
const ACTORS = 50;
const by = 'bench:keyset-test';

/** Synthetic claims [from, to) through the bench generator, then their keys as the writes set them. */
async function grow(from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += 5000) {
    const end = Math.min(to, start + 5000);
    await executor.write(async (tx) => {
      const [row] = await tx.run('bench/keyset-synthetic', {
        from: start,
        to: end,
        actors: ACTORS,
        at: new Date().toISOString(),
        by,
      });
      await refreshClaimKeys(tx, row!.ids as string[]);
    });
  }
}

const ALL = { lo: 'VERIFIED|', hi: 'VERIFIED|~' };
const none = {
  kind: null,
  status: null,
  claimant: null,
  target: null,
  sourceUrl: null,
  statedFrom: null,
  statedTo: null,
};

/** The sort key of the claim `depth` places down the newest-first list. */
async function keyAt(depth: number): Promise<string> {
  const rows = await executor.read('claims/page-all', { ...ALL, limit: depth + 1 });
  return rows[depth]!.key as string;
}

async function heavyKeyAt(depth: number): Promise<string> {
  const rows = await executor.read('claims/page-by-claimant', {
    ...none,
    pages: [{ actor: 'a', lo: 'syn-actor-0|VERIFIED|', hi: 'syn-actor-0|VERIFIED|~' }],
    limit: depth + 1,
  });
  return `syn-actor-0|${rows[depth]!.key as string}`;
}

/** Every page query of the API, as the resolvers call it, with a page of `size` (+ 1). */
async function profiles(
  size: number,
  deep: { key: string; heavy: string },
  replan: 'force' | 'skip',
): Promise<Record<string, QueryProfile>> {
  const limit = size + 1;
  const heavy = { actor: 'a', lo: 'syn-actor-0|VERIFIED|', hi: 'syn-actor-0|VERIFIED|~' };
  const p = (name: string, params: Record<string, unknown>) =>
    executor.profile(name, { ...none, limit, ...params }, { replan });
  return {
    newest: await p('claims/page-all', ALL),
    deep: await p('claims/page-all', { lo: ALL.lo, hi: deep.key }),
    deepBackward: await p('claims/page-all@backward', { lo: deep.key, hi: ALL.hi }),
    dated: await p('claims/page-all', { lo: 'VERIFIED|2021-01-01|', hi: 'VERIFIED|2022-12-31|~' }),
    kind: await p('claims/page-by-kind', { ...ALL, kind: 'ACCUSATION' }),
    kindDeep: await p('claims/page-by-kind', { lo: ALL.lo, hi: deep.key, kind: 'ACCUSATION' }),
    status: await p('claims/page-by-status', { ...ALL, status: 'DISPUTED' }),
    heavyClaimant: await p('claims/page-by-claimant', { pages: [heavy] }),
    heavyClaimantDeep: await p('claims/page-by-claimant', { pages: [{ ...heavy, hi: deep.heavy }] }),
    heavyClaimantBackward: await p('claims/page-by-claimant@backward', { pages: [heavy] }),
    // What a page with its edges selected runs: the same pages with each claim's row (@rows), every
    // part of it (parts: null), and as the benchmark's page reads it (claimant, targets, evidence).
    newestRows: await p('claims/page-all@rows', { ...ALL, parts: null }),
    deepRows: await p('claims/page-all@rows', { lo: ALL.lo, hi: deep.key, parts: null }),
    deepBackwardRows: await p('claims/page-all@backward@rows', { lo: deep.key, hi: ALL.hi, parts: null }),
    heavyClaimantRows: await p('claims/page-by-claimant@rows', { pages: [heavy], parts: null }),
    heavyClaimantDeepRows: await p('claims/page-by-claimant@rows', {
      pages: [{ ...heavy, hi: deep.heavy }],
      parts: null,
    }),
    newestLeanRows: await p('claims/page-all@rows', { ...ALL, parts: ['actors', 'evidence'] }),
    target: await p('claims/page-by-target', {
      pages: [{ actor: 'a', lo: 'syn-actor-1|VERIFIED|', hi: 'syn-actor-1|VERIFIED|~' }],
    }),
    source: await p('claims/page-by-source', { ...ALL, sourceUrl: 'https://example.org/synthetic/0' }),
    reviewQueue: await p('claims/page-by-confidence', ALL),
    actors: await p('actors/page', { lo: '', hi: '\uFFFF\uFFFF', search: null }),
    sources: await p('sources/page', { lo: '', hi: '\uFFFF\uFFFF' }),
    countAll: await p('claims/count-verified', {}),
    countActor: await p('claims/count-by-actors', { actors: ['syn-actor-0', 'syn-actor-1'] }),
  };
}

beforeAll(async () => {
  executor = await testExecutor();
  await freshDatabase(executor);
  app = await startTestApp(executor);
  editor = (await createToken(executor, { role: 'editor', name: 'keyset-editor', by: 'test' })).token;
});
afterAll(() => closeApp(app, executor));

/** The page queries of a profile set, without their @rows twins (checked on their own). */
const pageNames = (profs: Record<string, QueryProfile>) =>
  Object.keys(profs).filter((k) => !k.endsWith('Rows'));

describe('plans checked with PROFILE', () => {
  let small: Record<string, QueryProfile>;
  let large: Record<string, QueryProfile>;
  let largePage100: Record<string, QueryProfile>;
  let largeStale: Record<string, QueryProfile>;

  beforeAll(async () => {
    // Every query is first planned on an empty graph, as a young deployment (or an earlier suite)
    // plans it. Neo4j caches those plans and may keep running them long after the graph has
    // grown, so the plans chosen from an empty store's statistics must still be index seeks at
    // 20,000 claims ('skip' runs exactly them), as must the plans chosen afresh ('force').
    await profiles(20, { key: ALL.hi, heavy: 'syn-actor-0|VERIFIED|~' }, 'force');
    await grow(0, 2_000);
    small = await profiles(20, { key: await keyAt(1_800), heavy: await heavyKeyAt(600) }, 'skip');
    await grow(2_000, 20_000);
    const deep = { key: await keyAt(18_000), heavy: await heavyKeyAt(6_000) };
    largeStale = await profiles(20, deep, 'skip');
    large = await profiles(20, deep, 'force');
    largePage100 = await profiles(100, deep, 'force');
  }, 600_000);

  it('a page costs the same database hits at 2,000 and at 20,000 claims, deep or not', () => {
    const growth = Object.fromEntries(
      pageNames(small).flatMap((k) => [
        [k, large[k]!.dbHits - small[k]!.dbHits],
        [`${k} (planned on an empty graph)`, largeStale[k]!.dbHits - small[k]!.dbHits],
      ]),
    );
    // Index seeks: a deeper B-tree may add a hit or two; a scan or a sort would add thousands.
    for (const [name, diff] of Object.entries(growth)) {
      expect({ name, diff, ok: Math.abs(diff) <= 4 }).toEqual({ name, diff, ok: true });
    }
    // The page 18,000 claims in costs what the first page costs; so does a heavy claimant's
    // (6,667 claims) page 6,000 claims in, and each returned a full page.
    expect(Math.abs(large.deep!.dbHits - large.newest!.dbHits)).toBeLessThanOrEqual(4);
    expect(Math.abs(large.heavyClaimantDeep!.dbHits - large.heavyClaimant!.dbHits)).toBeLessThanOrEqual(4);
    for (const name of [
      'newest',
      'deep',
      'deepBackward',
      'newestRows',
      'deepRows',
      'deepBackwardRows',
      'heavyClaimantRows',
      'kind',
      'kindDeep',
      'heavyClaimant',
      'heavyClaimantDeep',
    ]) {
      expect({ name, rows: large[name]!.rows }).toEqual({ name, rows: 21 });
    }
  });

  it('a page with its claims’ rows adds a bounded cost per claim, at any size and depth', () => {
    // The @rows variant is the page query plus one projection per row (a seek of the claim by id,
    // its properties, claimant, targets, evidence...): what it adds depends on each claim's own
    // links (measured: 96 to 98 hits a claim on the synthetic graph), never on the graph's size.
    for (const [size, profs] of Object.entries({ small, large, largeStale })) {
      for (const name of Object.keys(profs).filter((k) => k.endsWith('Rows'))) {
        const page = profs[name.replace(/(Lean)?Rows$/, '')]!;
        const perClaim = (profs[name]!.dbHits - page.dbHits) / profs[name]!.rows;
        expect({ size, name, rows: profs[name]!.rows }).toEqual({ size, name, rows: page.rows });
        expect({ size, name, perClaim, ok: perClaim > 20 && perClaim <= 120 }).toEqual({
          size,
          name,
          perClaim,
          ok: true,
        });
      }
    }
  });

  it('a page reads only the parts of its claims’ rows that its selection shows', () => {
    for (const profs of [small, large, largeStale]) {
      const all = profs.newestRows!.dbHits - profs.newest!.dbHits;
      const lean = profs.newestLeanRows!.dbHits - profs.newest!.dbHits;
      // Anchoring, figures, events and denials left out: each is at least one hit a claim unread.
      expect({ all, lean, ok: lean > 0 && all - lean >= 5 * 21 }).toEqual({ all, lean, ok: true });
    }
  });

  it('grows with the page size only', () => {
    for (const name of ['newest', 'deep', 'kind', 'status', 'heavyClaimant', 'target', 'reviewQueue']) {
      const [p20, p100] = [large[name]!.dbHits, largePage100[name]!.dbHits];
      expect({ name, grows: p100 > p20 }).toEqual({ name, grows: true });
      // About five times the rows, about five times the hits (residual filters read a few more).
      expect({ name, bounded: p100 <= 5 * p20 + 50 }).toEqual({ name, bounded: true });
    }
  });

  it('every page starts from an index and reads it in order: no scan, sort or eager step', () => {
    for (const [name, prof] of [
      ...Object.entries(small),
      ...Object.entries(large),
      ...Object.entries(largeStale),
    ]) {
      // A whole-index scan reads in order too, but from the list's end: seeks only.
      let banned = [
        'NodeByLabelScan',
        'AllNodesScan',
        'NodeIndexScan',
        'DirectedRelationshipIndexScan',
        'DirectedRelationshipTypeScan',
        'Eager',
        'Sort',
        'PartialSort',
      ];
      // The source path sorts the source's own claims (a text's few dozen), by design; a claim's
      // row orders its own short lists (targets by name, evidence by position) claim by claim.
      if (name !== 'source' && !name.endsWith('Rows')) banned.push('Top');
      const perClaimSorts = name.endsWith('Rows') ? ['Sort', 'Top', 'PartialSort'] : [];
      banned = banned.filter((o) => !perClaimSorts.includes(o));
      expect({ name, found: prof.operators.filter((o) => banned.includes(o)) }).toEqual({ name, found: [] });
    }
  });

  it('counts all claims and one actor’s claims exactly, from the count store and degrees', async () => {
    for (const plans of [large, largeStale]) {
      expect(plans.countAll!.dbHits).toBeLessThan(10);
      expect(plans.countActor!.dbHits).toBeLessThan(30);
    }
    const { body } = await app.gql<{
      claims: { totalCount: number; totalCountIsExact: boolean };
      actor: { claimsMade: { totalCount: number; totalCountIsExact: boolean } };
      accusations: { totalCount: number; totalCountIsExact: boolean };
    }>(`{ claims(first: 1) { totalCount totalCountIsExact }
          actor(ref: "syn-actor-0") { claimsMade(first: 1) { totalCount totalCountIsExact } }
          accusations: claims(first: 1, filter: { kind: ACCUSATION }) { totalCount totalCountIsExact } }`);
    expect(body.data!.claims).toEqual({ totalCount: 20_000, totalCountIsExact: true });
    // Actor 0 makes every third claim and every fiftieth: 6,667 + 400 - 134 of the 20,000.
    expect(body.data!.actor.claimsMade).toEqual({ totalCount: 6_933, totalCountIsExact: true });
    // 4,000 accusations: under the bound, so counted exactly.
    expect(body.data!.accusations).toEqual({ totalCount: 4_000, totalCountIsExact: true });
    const { body: capped } = await app.gql<{ claims: { totalCount: number; totalCountIsExact: boolean } }>(
      '{ claims(first: 1, filter: { statedFrom: "2000-01-01" }) { totalCount totalCountIsExact } }',
    );
    // Dated claims (19,793) are past the bound: 10,000 and not exact.
    expect(capped.data!.claims).toEqual({ totalCount: 10_000, totalCountIsExact: false });
    // One claimant and a kind: counted on the claimant's key range by the server (one row back).
    const [expected] = await executor.read('test/count-claims-by-claimant-and-kind', {
      claimant: 'syn-actor-0',
      kind: 'ACCUSATION',
    });
    const { body: mixed } = await app.gql<{ claims: { totalCount: number; totalCountIsExact: boolean } }>(
      '{ claims(first: 1, filter: { claimant: "syn-actor-0", kind: ACCUSATION }) { totalCount totalCountIsExact } }',
    );
    expect(Number(expected!.claims)).toBeGreaterThan(100);
    expect(mixed.data!.claims).toEqual({ totalCount: Number(expected!.claims), totalCountIsExact: true });
    const counted = await executor.profile('claims/page-by-kind@count', {
      ...none,
      ...ALL,
      kind: 'ACCUSATION',
      limit: 10_001,
    });
    expect(counted.rows).toBe(1);
  });

  it('a page of 1 and a page of 100 with nested fields cost the same round trips; no count unless asked', async () => {
    const q = (n: number, count: string) => `{ claims(first: ${n}) { ${count} edges { node { id
      claimant { name } targets { name } evidence { exact source { url } } deniedBy { id claimant { name } } } } } }`;
    const sent = async (query: string) => {
      const before = executor.queriesSent;
      const { body } = await app.gql(query);
      expect(body.errors).toBeUndefined();
      return executor.queriesSent - before;
    };
    const one = await sent(q(1, ''));
    const hundred = await sent(q(100, ''));
    expect(hundred).toBe(one);
    // totalCount costs one query when asked for, none when not.
    expect(await sent(q(100, 'totalCount totalCountIsExact'))).toBe(one + 1);
    // Actors' claim pages are batched: 1 actor or 50, the same round trips.
    const actors = (n: number) =>
      `{ actors(first: ${n}) { edges { node { claimsMade(first: 5) { totalCount edges { node { id content } } } } } } }`;
    expect(await sent(actors(50))).toBe(await sent(actors(1)));
  });
});

describe('paging while claims are added', () => {
  type Page = {
    claims: {
      edges: { cursor: string; node: { id: string } }[];
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        endCursor: string | null;
        startCursor: string | null;
      };
    };
  };
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
    claims(filter: { claimant: "syn-actor-1" }, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  let source: string;
  let added = 0;

  beforeAll(async () => {
    source = 'https://example.org/keyset/while-paging';
    const { body } = await app.gql(
      `mutation($input: AddSourceInput!) { addSource(input: $input) { url } }`,
      {
        input: {
          url: source,
          title: 'Paging',
          publishedAt: '2025-01-01',
          text: Array.from({ length: 40 }, (_, i) => `Sentence number ${i} of the paging test.`).join(' '),
        },
      },
      { token: editor },
    );
    expect(body.errors).toBeUndefined();
  });

  /** Records claims by syn-actor-1 through the API: one newer than everything, one in the middle. */
  async function addTwo(): Promise<string[]> {
    const ids: string[] = [];
    for (const statedOn of ['2030-01-01', '2021-06-15']) {
      const n = added++;
      const { body } = await app.gql<{ recordClaim: { id: string } }>(
        `mutation($input: RecordClaimInput!) { recordClaim(input: $input) { id } }`,
        {
          input: {
            kind: 'STATEMENT',
            claimant: 'syn-actor-1',
            content: `A claim added while paging, ${n}.`,
            statedOn,
            source,
            excerpt: `Sentence number ${n} of the paging test.`,
          },
        },
        { token: editor },
      );
      expect(body.errors).toBeUndefined();
      ids.push(body.data!.recordClaim.id);
    }
    return ids;
  }

  async function walk(backward: boolean): Promise<{ seen: string[]; before: string[]; inserted: string[] }> {
    const all = async () => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { body } = (await app.gql<Page>(PAGE, { first: 100, after })) as { body: { data?: Page } };
        ids.push(...body.data!.claims.edges.map((e) => e.node.id));
        if (!body.data!.claims.pageInfo.hasNextPage) return ids;
        after = body.data!.claims.pageInfo.endCursor;
      }
    };
    const before = await all();
    const seen: string[] = [];
    const inserted: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; ; i++) {
      const vars = backward ? { last: 25, before: cursor } : { first: 25, after: cursor };
      const { body } = (await app.gql<Page>(PAGE, vars)) as { body: { data?: Page } };
      const page = body.data!.claims;
      seen.push(...(backward ? [...page.edges].reverse() : page.edges).map((e) => e.node.id));
      const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
      if (!more) break;
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
      if (i < 4) inserted.push(...(await addTwo()));
    }
    return { seen, before, inserted };
  }

  it('forward: every claim exactly once, in order, while claims are recorded between pages', async () => {
    const { seen, before, inserted } = await walk(false);
    expect(new Set(seen).size).toBe(seen.length); // nothing repeated
    expect(seen.filter((id) => before.includes(id))).toEqual(before); // nothing skipped, same order
    // Claims dated 2030 land above the cursor (already passed); those dated 2021 below it.
    const newest = inserted.filter((_, i) => i % 2 === 0);
    const middle = inserted.filter((_, i) => i % 2 === 1);
    expect(seen.filter((id) => newest.includes(id))).toEqual([]);
    expect(seen.filter((id) => middle.includes(id)).sort()).toEqual([...middle].sort());
  });

  it('backward: every claim exactly once, in order, while claims are recorded between pages', async () => {
    const { seen, before, inserted } = await walk(true);
    expect(new Set(seen).size).toBe(seen.length);
    const beforeReversed = [...before].reverse();
    expect(seen.filter((id) => before.includes(id))).toEqual(beforeReversed);
    // Walking from the oldest up, the 2030 claims are ahead of the cursor: all of them are seen.
    const newest = inserted.filter((_, i) => i % 2 === 0);
    expect(seen.filter((id) => newest.includes(id)).sort()).toEqual([...newest].sort());
  });

  it('pageInfo says what lies on either side, and the two directions meet', async () => {
    const first = (await app.gql<Page>(PAGE, { first: 3 })).body.data!.claims;
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const second = (await app.gql<Page>(PAGE, { first: 3, after: first.pageInfo.endCursor })).body.data!
      .claims;
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // Back from the second page's start: the first page again.
    const back = (await app.gql<Page>(PAGE, { last: 3, before: second.pageInfo.startCursor })).body.data!
      .claims;
    expect(back.edges.map((e) => e.node.id)).toEqual(first.edges.map((e) => e.node.id));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });
});

describe('cursors', () => {
  const codeOf = async (query: string) => {
    const { body } = await app.gql(query);
    return [body.errors?.[0]?.extensions?.code, body.errors?.[0]?.message] as const;
  };

  it('refuses a malformed or foreign cursor with BAD_USER_INPUT naming the argument, never a wrong page', async () => {
    const actorCursor = encodeCursor('actors', 'synthetic actor 1|syn-actor-1');
    const [code, message] = await codeOf(`{ claims(after: "${actorCursor}") { edges { cursor } } }`);
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toMatch(/^after: .* belongs to the actors list/);
    const confidence = encodeCursor('claims-by-confidence', 'DRAFT|0900000|claim-x');
    expect((await codeOf(`{ claims(before: "${confidence}") { edges { cursor } } }`))[0]).toBe(
      'BAD_USER_INPUT',
    );
    expect((await codeOf('{ claims(after: "bm90IGEgY3Vyc29y") { edges { cursor } } }'))[1]).toMatch(
      /^after: /,
    );
    expect((await codeOf('{ sources(after: "Y2c6MTA") { edges { cursor } } }'))[0]).toBe('BAD_USER_INPUT');
    const badKey = encodeCursor('claims', 'VERIFIED|yesterday|x');
    expect(
      (await codeOf(`{ actor(ref: "syn-actor-0") { claimsMade(after: "${badKey}") { totalCount } } }`))[0],
    ).toBe('BAD_USER_INPUT');
    // A cursor of the VERIFIED list is no position in the review queue's DRAFT list.
    const verified = encodeCursor('claims', 'VERIFIED|2024-01-01|x');
    expect(
      (await codeOf(`{ claims(filter: { verification: DRAFT }, after: "${verified}") { totalCount } }`))[0],
    ).toBe('BAD_USER_INPUT');
    expect((await codeOf('{ claims(first: 2, last: 2) { totalCount } }'))[0]).toBe('BAD_USER_INPUT');
    expect((await codeOf('{ claims(last: -1) { totalCount } }'))[0]).toBe('BAD_USER_INPUT');
  });
});

describe('migration 0007', () => {
  it('keys the claims, links, actors and sources of a store written before it', async () => {
    await freshDatabase(executor);
    await grow(0, 300);
    await executor.write((tx) => tx.run('test/drop-page-keys'));
    type R = {
      claims: { totalCount: number; edges: { node: { id: string; statedOn: string | null } }[] };
      oldest: { edges: { node: { statedOn: string | null } }[] };
      actor: { claimsMade: { totalCount: number; edges: unknown[] } };
      actors: { totalCount: number; edges: unknown[] };
      sources: { edges: { node: { url: string } }[] };
    };
    const q = `{ claims(first: 100) { totalCount edges { node { id statedOn } } }
      oldest: claims(last: 5) { edges { node { statedOn } } }
      actor(ref: "syn-actor-0") { claimsMade(first: 100) { totalCount edges { cursor } } }
      actors(first: 100) { totalCount edges { cursor } } sources { edges { node { url } } } }`;
    const before = (await app.gql<R>(q)).body.data!;
    expect(before.claims.edges).toEqual([]); // unkeyed: no index range holds them
    await executor.applyMigration('0007-keyset-keys');
    const after = (await app.gql<R>(q)).body.data!;
    expect(after.claims.totalCount).toBe(300);
    // Newest first; the undated (every 97th claim: 4 of 300) last.
    const dates = after.claims.edges.map((e) => e.node.statedOn!);
    expect(dates.length).toBe(100);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(after.oldest.edges.map((e) => e.node.statedOn)).toEqual([
      expect.any(String),
      null,
      null,
      null,
      null,
    ]);
    // Actor 0 makes every third claim and every fiftieth: 100 + 4 of the 300.
    expect(after.actor.claimsMade.totalCount).toBe(104);
    expect(after.actor.claimsMade.edges.length).toBe(100);
    expect(after.actors).toMatchObject({ totalCount: ACTORS });
    expect(after.actors.edges.length).toBe(ACTORS);
    expect(after.sources.edges.map((e) => e.node.url)).toEqual(['https://example.org/synthetic/0']);
  });
});

describe('one claim by id with its denials', () => {
  it('is one query for the claim, its denials and their claimants', async () => {
    await seededDatabase(executor);
    const before = executor.queriesSent;
    const { body } = await app.gql<{
      claim: {
        id: string;
        claimant: { name: string };
        deniedBy: { id: string; claimant: { name: string } }[];
      };
    }>(`{ claim(id: "pakistan-accuses-kabul-of-harboring-ttp") {
          id claimant { name } deniedBy { id content claimant { name } } } }`);
    expect(body.data!.claim.deniedBy.map((d) => d.id)).toEqual(['taliban-denies-sheltering-ttp']);
    expect(body.data!.claim.deniedBy[0]!.claimant.name).toBeTruthy();
    // claims/by-ids with its related claims, which carries every one's claimant too: neither the
    // claim loader (for the denial) nor the actor loader (for either claimant) runs again. It was
    // 4 queries, then 3 while actors came from a query of their own.
    expect(executor.queriesSent - before).toBe(1);
  });
});
