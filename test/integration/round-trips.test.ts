import type { Executor } from '../../src/db/executor';
import { claimPart } from '../../src/graphql/claim-lists';
import type { Context } from '../../src/graphql/context';
import { createLoaders } from '../../src/graphql/loaders';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 11: what a request costs in statements sent to Neo4j, whatever it returns. Each statement
 * is a round trip and a turn of the server's Bolt thread; on the benchmark machine they were most
 * of a request's time. The answers are checked too: a statement saved must not change one.
 */

let executor: Executor;
let app: TestApp;

beforeAll(async () => ({ executor, app } = await openSeededApp()));
afterAll(() => closeApp(app, executor));

async function sent<T>(query: string): Promise<{ statements: number; data: T; names: string[] }> {
  const before = executor.queriesSent;
  const counts = new Map([...executor.statementTimes].map(([k, v]) => [k, v.count]));
  const { body } = await app.gql<T>(query);
  expect(body.errors).toBeUndefined();
  // Which statements ran, so a failed count says which one was extra.
  const names = [...executor.statementTimes].flatMap(([k, v]) =>
    Array<string>(v.count - (counts.get(k) ?? 0)).fill(k),
  );
  return { statements: executor.queriesSent - before, data: body.data!, names };
}

type Edge = { node: { id: string; claimant: { name: string }; evidence: { source: { url: string } }[] } };

it('an actor by alias with a page of its claims, their claimants and sources: one statement', async () => {
  const { statements, data, names } = await sent<{
    actor: { id: string; name: string; claimsAbout: { edges: Edge[] } };
  }>(`{ actor(ref: "ttp") { id name claimsAbout(first: 5) { edges { node { id
        claimant { name } targets { name } evidence { exact source { url } } } } } } }`);
  // The actor (by its ref) and its page with the claims and their actors, in one statement.
  expect(names).toEqual(['claims/page-by-target@rows@of-ref']);
  expect(statements).toBe(1);
  expect(data.actor.id).toBe('ttp');
  expect(data.actor.claimsAbout.edges.length).toBeGreaterThan(0);
  for (const { node } of data.actor.claimsAbout.edges) {
    expect(node.claimant.name).toBeTruthy();
    expect(node.evidence.length).toBeGreaterThan(0);
    for (const x of node.evidence) expect(x.source.url).toMatch(/^https?:\/\//);
  }
});

it('an actor’s page read with the actor is the page its list reads on its own, and pages on', async () => {
  type Conn = {
    edges: { cursor: string; node: { id: string; claimant: { id: string } } }[];
    pageInfo: { endCursor: string; hasNextPage: boolean };
  };
  const page = (args: string) =>
    `claimsMade(${args}) { edges { cursor node { id claimant { id } } } pageInfo { endCursor hasNextPage } }`;
  const ahead = await sent<{ actor: { claimsMade: Conn } }>(
    `{ actor(ref: "Pakistan") { ${page('first: 2')} } }`,
  );
  expect(ahead.statements).toBe(1);
  // Both lists selected: the actor alone, then each list through its own loader (no read-ahead).
  const apart = await sent<{ actor: { claimsMade: Conn; claimsAbout: Conn } }>(
    `{ actor(ref: "Pakistan") { ${page('first: 2')} claimsAbout(first: 1) { edges { node { id } } } } }`,
  );
  expect(apart.names).toEqual([
    'actors/by-ref',
    'claims/page-by-claimant@rows',
    'claims/page-by-target@rows',
  ]);
  expect(ahead.data.actor.claimsMade).toEqual(apart.data.actor.claimsMade);
  expect(ahead.data.actor.claimsMade.pageInfo.hasNextPage).toBe(true);
  // The next page, read ahead with the actor too, follows on with no claim repeated.
  const next = await sent<{ actor: { claimsMade: Conn } }>(
    `{ actor(ref: "Pakistan") { ${page(`first: 2, after: "${ahead.data.actor.claimsMade.pageInfo.endCursor}"`)} } }`,
  );
  expect(next.statements).toBe(1);
  const seen = ahead.data.actor.claimsMade.edges.map((e) => e.node.id);
  for (const e of next.data.actor.claimsMade.edges) {
    expect(seen).not.toContain(e.node.id);
    expect(e.node.claimant.id).toBe('pakistan-government');
  }
  // Arguments the page refuses are reported at the list, as without the read-ahead.
  const bad = await app.gql(`{ actor(ref: "Pakistan") { id ${page('first: 2, last: 2')} } }`);
  expect(bad.body.errors?.[0]).toMatchObject({
    path: ['actor', 'claimsMade'],
    extensions: { code: 'BAD_USER_INPUT' },
  });
  // A ref that names no actor: null, in the one statement.
  const none = await sent<{ actor: null }>(`{ actor(ref: "Atlantis") { ${page('first: 2')} } }`);
  expect(none.statements).toBe(1);
  expect(none.data.actor).toBeNull();
});

// Everything a claim's own row answers (related claims and events are other nodes, read by their loaders).
const PAGE_FIELDS = `id kind content status statedOn anchoring claimant { id name } voice { id } targets { id name }
  figures { value unit measure } evidence { exact prefix suffix start end state source { url } }
  cue quote statedOnText origin verification confidence extractor review { by at } retraction { reason }`;

it('a claim with its denials is one statement, reading only what the view shows, and answers as loaded claims do', async () => {
  const FIELDS = `id kind content statedOn claimant { id name } targets { id name kind } evidence { exact source { url } }`;
  type View = {
    claim: Record<string, unknown> & {
      deniedBy: Record<string, unknown>[];
      denies: Record<string, unknown>[];
    };
  };
  const view = await sent<View>(
    `{ claim(id: "pakistan-accuses-kabul-of-harboring-ttp") { ${FIELDS} deniedBy { ${FIELDS} } denies { id } } }`,
  );
  expect(view.names).toEqual(['claims/by-ids']);
  expect(view.data.claim.deniedBy.length).toBeGreaterThan(0);
  // The same claims read one by one through the claim loader (whole rows, full actors).
  const ids = [view.data.claim.id, ...view.data.claim.deniedBy.map((d) => d.id)] as string[];
  const loaded = await sent<Record<string, Record<string, unknown>>>(
    `{ ${ids.map((id, i) => `c${i}: claim(id: "${id}") { ${FIELDS} }`).join(' ')} }`,
  );
  const { deniedBy, denies, ...root } = view.data.claim;
  expect(denies).toEqual([]);
  expect([root, ...deniedBy]).toEqual(ids.map((_, i) => loaded.data[`c${i}`]));
  // Actors shown with more than their names come whole (the actor loader's rows), in the same statement.
  const more = await sent<View>(
    `{ claim(id: "pakistan-accuses-kabul-of-harboring-ttp") { id deniedBy { id claimant { id aliases } } } }`,
  );
  expect(more.statements).toBe(1);
  const denier = more.data.claim.deniedBy[0]!.claimant as { id: string; aliases: string[] };
  expect(denier.aliases.length).toBeGreaterThan(0);
});

it('every claim shows the claimant, voice and targets its links hold, in a page and alone', async () => {
  // One expansion of the claim (fragments/claim-links) feeds claimant, voice, targets and the lean
  // names; the truth here is one pattern per link type, straight from the graph.
  type Row = { id: string; claimants: string[]; voices: string[]; targets: { id: string; name: string }[] };
  const truth = (await executor.read('test/claim-actor-links')) as unknown as Row[];
  const withVoice = truth.filter((r) => r.voices.length > 0);
  const withTargets = truth.filter((r) => r.targets.length > 1);
  // The seed graph has spokesmen's claims and claims with more than one target.
  expect(withVoice.length).toBeGreaterThan(0);
  expect(withTargets.length).toBeGreaterThan(0);
  const expected = (r: Row) => ({
    id: r.id,
    claimant: { id: r.claimants[0] },
    voice: r.voices.length ? { id: r.voices[0] } : null,
    // Targets come in name order (Cypher's: by code point, as `<` compares).
    targets: [...r.targets]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((t) => ({ id: t.id, name: t.name })),
  });
  type Node = {
    id: string;
    claimant: { id: string };
    voice: { id: string } | null;
    targets: { id: string }[];
  };
  const FIELDS = 'id claimant { id } voice { id } targets { id name }';
  // Lean rows (ids and names only) in a page...
  const page = await sent<{ claims: { edges: { node: Node }[] } }>(
    `{ claims(first: 100) { edges { node { ${FIELDS} } } } }`,
  );
  const shown = new Map(page.data.claims.edges.map((e) => [e.node.id, e.node]));
  expect(shown.size).toBe(truth.length);
  for (const r of truth) expect(shown.get(r.id)).toEqual(expected(r));
  // ...and whole rows (actors with their aliases) for one claim alone.
  const one = withVoice[0]!;
  const alone = await sent<{ claim: Node & { claimant: { aliases: string[] } } }>(
    `{ claim(id: "${one.id}") { ${FIELDS} claimant { id aliases } } }`,
  );
  const { aliases: _aliases, ...claimant } = alone.data.claim.claimant;
  expect({ ...alone.data.claim, claimant }).toEqual(expected(one));
});

it('a page of claims with what a row shows is one statement, at any page size and either way', async () => {
  type Page = {
    claims: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { endCursor: string } };
  };
  const forward = await sent<Page>(
    `{ claims(first: 12) { edges { cursor node { ${PAGE_FIELDS} } } pageInfo { endCursor } } }`,
  );
  expect(forward.names).toEqual(['claims/page-all@rows']);
  expect(forward.statements).toBe(1);
  expect(forward.data.claims.edges).toHaveLength(12);
  const one = await sent<Page>(`{ claims(first: 1) { edges { node { ${PAGE_FIELDS} } } } }`);
  expect(one.statements).toBe(1);
  // Read backward from the end of the first page: the page query's @backward@rows variant.
  const end = forward.data.claims.edges[11]!.cursor;
  const backward = await sent<Page>(
    `{ claims(last: 11, before: "${end}") { edges { node { ${PAGE_FIELDS} } } } }`,
  );
  expect(backward.statements).toBe(1);
  expect(backward.data.claims.edges.map((e) => e.node)).toEqual(
    forward.data.claims.edges.slice(0, 11).map((e) => e.node),
  );
  // The rows a page brings are the rows the claim loader reads: each claim equals Query.claim's.
  const ids = forward.data.claims.edges.map((e) => e.node.id);
  const single = await sent<{ [k: string]: { id: string } }>(
    `{ ${ids.map((id, i) => `c${i}: claim(id: "${id}") { ${PAGE_FIELDS} }`).join(' ')} }`,
  );
  expect(ids.map((_, i) => single.data[`c${i}`])).toEqual(forward.data.claims.edges.map((e) => e.node));
});

it('a part a page did not read is loaded, never answered as empty', async () => {
  const { data } = await sent<{ claims: { edges: { node: { id: string } }[] } }>(
    `{ claims(filter: { kind: DENIAL }, first: 1) { edges { node { id } } } }`,
  );
  const id = data.claims.edges[0]!.node.id;
  const [full] = await executor.read('claims/by-ids', { ids: [id], related: false, parts: null });
  expect((full!.denies as string[]).length).toBeGreaterThan(0);
  // The row as a page that showed none of its parts holds it (fragments/claim-row: null = not read).
  const lean = { ...full!, denies: null, evidence: null, anchoring: null, figures: null, details: null };
  const ctx = { executor, loaders: createLoaders(executor) } as unknown as Context;
  expect(await claimPart(ctx, lean, 'denies')).toEqual(full!.denies);
  expect(await claimPart(ctx, lean, 'evidence')).toEqual(full!.evidence);
  expect(await claimPart(ctx, lean, 'anchoring')).toBe(full!.anchoring);
  expect(await claimPart(ctx, lean, 'figures')).toEqual([]);
  // The seldom-shown scalars (cue, quote, the extraction's fields) are one part: loaded whole too.
  expect(await claimPart(ctx, lean, 'details')).toEqual(full!.details);
  expect(full!.details).toMatchObject({
    cue: expect.any(String),
    origin: 'CURATED',
    verification: 'VERIFIED',
  });
});

it('every actor’s page of a list of actors, with the claims, in one statement', async () => {
  type Data = {
    actors: {
      edges: {
        node: { id: string; claimsMade: { edges: { node: { id: string; claimant: { id: string } } }[] } };
      }[];
    };
  };
  const { statements, data } = await sent<Data>(
    `{ actors(first: 10) { edges { node { id claimsMade(first: 3) { edges { node { id claimant { id } evidence { exact } } } } } } } }`,
  );
  // The actors' page, their actor rows, and one statement for every actor's claims with their rows.
  expect(statements).toBe(3);
  const made = data.actors.edges.flatMap((e) =>
    e.node.claimsMade.edges.map((c) => [e.node.id, c.node.claimant.id]),
  );
  expect(made.length).toBeGreaterThan(3);
  for (const [actor, claimant] of made) expect(claimant).toBe(actor);
});

it('a count alone reads no page: the count is the only statement', async () => {
  const { names, data } = await sent<{ claims: { totalCount: number } }>(
    `{ claims(filter: { kind: DENIAL }) { totalCount } }`,
  );
  expect(names).toEqual(['claims/page-by-kind@count']);
  expect(data.claims.totalCount).toBeGreaterThan(0);
});

it('reads a source only when more than its URL is asked for, and then answers the same URL', async () => {
  const q = (fields: string) =>
    `{ claims(first: 3) { edges { node { evidence { source { ${fields} } } } } } }`;
  type Data = { claims: { edges: { node: { evidence: { source: { url: string; title?: string } }[] } }[] } };
  const urlOnly = await sent<Data>(q('url'));
  const withTitle = await sent<Data>(q('url title'));
  expect(withTitle.statements).toBe(urlOnly.statements + 1);
  const urls = (d: Data) => d.claims.edges.flatMap((e) => e.node.evidence.map((x) => x.source.url));
  expect(urls(withTitle.data)).toEqual(urls(urlOnly.data));
  for (const e of withTitle.data.claims.edges)
    for (const x of e.node.evidence) expect(x.source.title).toBeTruthy();
});

it('disputes with their denials and the denials’ claimants: one claim read for both levels', async () => {
  const { statements, data } = await sent<{
    disputes: {
      claim: { id: string; claimant: { name: string } };
      denials: { id: string; claimant: { name: string } }[];
    }[];
  }>(
    `{ disputes(actor: "Kabul", first: 10) { claim { id claimant { name } } denials { id claimant { name } } } }`,
  );
  // The actor's ref, the disputes, and one read of every claim involved with its actors.
  expect(statements).toBe(3);
  expect(data.disputes.length).toBeGreaterThan(0);
  expect(data.disputes.some((d) => d.denials.length > 0)).toBe(true);
  for (const d of data.disputes) {
    expect(d.claim.claimant.name).toBeTruthy();
    for (const x of d.denials) expect(x.claimant.name).toBeTruthy();
  }
});

it('an attribution graph drawn with ids and URLs reads no claim, source or edge actor', async () => {
  const query = (edge: string) =>
    `{ attributionGraph(actors: ["Kabul", "Islamabad"]) { nodes { id name } edges { ${edge} } } }`;
  type Data = {
    attributionGraph: {
      nodes: { id: string }[];
      edges: {
        from: { id: string };
        to: { id: string };
        claim: { id: string; content?: string };
        sources: { url: string }[];
      }[];
    };
  };
  const lean = await sent<Data>(query('kind from { id } to { id } claim { id } sources { url }'));
  // The refs, the edges and the nodes' actors: one statement (graph/attribution).
  expect(lean.statements).toBe(1);
  const full = await sent<Data>(
    query('kind from { id } to { id } claim { id content } sources { url title }'),
  );
  // And the claims and the sources, one loader batch each.
  expect(full.statements).toBe(3);
  const shape = (d: Data) =>
    d.attributionGraph.edges.map((e) => [e.from.id, e.to.id, e.claim.id, e.sources.map((s) => s.url)]);
  expect(lean.data.attributionGraph.edges.length).toBeGreaterThan(0);
  expect(shape(lean.data)).toEqual(shape(full.data));
  const nodeIds = new Set(lean.data.attributionGraph.nodes.map((n) => n.id));
  for (const e of lean.data.attributionGraph.edges) {
    expect(nodeIds.has(e.from.id) && nodeIds.has(e.to.id)).toBe(true);
  }
  for (const e of full.data.attributionGraph.edges) expect(e.claim.content).toBeTruthy();
});

it('an attribution graph whose nodes show more than names reads their full rows in the same statement', async () => {
  type Node = { id: string; name: string; aliases: string[]; description: string | null };
  type Data = { attributionGraph: { nodes: Node[]; edges: { from: { name: string } }[] } };
  const q = (node: string) =>
    `{ attributionGraph(actors: ["Kabul", "Islamabad"]) { nodes { ${node} } edges { from { name } } } }`;
  const rich = await sent<Data>(q('id name aliases description'));
  // The nodes' full rows prime the actor loader: an edge's claimant's name costs no read.
  expect(rich.statements).toBe(1);
  const lean = await sent<Data>(q('id name'));
  // Lean nodes are not the loader's rows: the edges' claimants are read once, batched.
  expect(lean.statements).toBe(2);
  const names = (d: Data) => d.attributionGraph.nodes.map((n) => [n.id, n.name]);
  expect(names(rich.data)).toEqual(names(lean.data));
  expect(rich.data.attributionGraph.nodes.some((n) => n.aliases.length > 0)).toBe(true);
  for (const d of [rich.data, lean.data])
    for (const e of d.attributionGraph.edges) expect(e.from.name).toBeTruthy();
});

it('an unknown actor ref is null, in one statement', async () => {
  const { statements, data } = await sent<{ actor: null }>('{ actor(ref: "Atlantis") { id name } }');
  expect(statements).toBe(1);
  expect(data.actor).toBeNull();
});

it('an excerpt’s language, translations, state and candidates: one excerpt read for all of them', async () => {
  const { statements, data } = await sent<{
    claim: {
      evidence: { language: string | null; translations: unknown[]; state: string; candidates: unknown[] }[];
    };
  }>(`{ claim(id: "pakistan-accuses-kabul-of-harboring-ttp") {
        evidence { language translations { id } state candidates { exact } } } }`);
  // The claim with its evidence, then one read of its excerpts for both halves (it was two).
  expect(statements).toBe(2);
  expect(data.claim.evidence.length).toBeGreaterThan(0);
  for (const x of data.claim.evidence) {
    expect(x.state).toBe('ANCHORED');
    expect(x.candidates).toEqual([]);
    expect(x.translations).toEqual([]);
  }
});
