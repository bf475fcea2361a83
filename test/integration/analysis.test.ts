import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createToken } from '../../src/auth';
import type { Executor } from '../../src/db/executor';
import { loadBundles } from '../../src/data/load';
import { validateSourceFile } from '../../src/data/validate';
import { exportGraph } from '../../src/export/graph';
import { closeApp, openSeededApp } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/app';

let executor: Executor;
let app: TestApp;

const HARBOURING = 'pakistan-accuses-kabul-of-harboring-ttp';
const DENIAL = 'taliban-denies-sheltering-ttp';
const SOURCE_URL =
  'https://www.aljazeera.com/news/2025/11/8/afghanistans-taliban-blames-irresponsible-pakistan-as-peace-talks-fail';

beforeAll(async () => ({ executor, app } = await openSeededApp()));
afterAll(() => closeApp(app, executor));

/** Data of a GraphQL answer that must succeed. */
async function data<T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await app.gql<T>(query, variables);
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return res.body.data!;
}

describe('searchClaims', () => {
  const SEARCH = `query ($text: String!, $first: Int) {
    searchClaims(text: $text, first: $first) { score highlights claim { id kind claimant { id } } }
  }`;
  type Hits = {
    searchClaims: { score: number; highlights: string[]; claim: { id: string; kind: string } }[];
  };

  it.each(['harbouring', 'harboring', 'HARBOURING militants'])(
    '"%s" finds Pakistan\'s harbouring accusation first, with a highlight',
    async (text) => {
      const { searchClaims } = await data<Hits>(SEARCH, { text });
      const [top] = searchClaims;
      expect(top?.claim.id).toBe(HARBOURING);
      expect(top?.score).toBeGreaterThan(0);
      expect(top?.highlights).toEqual(
        expect.arrayContaining([
          expect.stringContaining('accusing Kabul of «harboring» Tehreek-e Taliban Pakistan'),
        ]),
      );
    },
  );

  it('finds claims through the words of their excerpts', async () => {
    // "sheltering" is in the denial's excerpt ("The Taliban denies sheltering the TTP") and content
    // says "does not shelter".
    const { searchClaims } = await data<Hits>(SEARCH, { text: 'sheltering' });
    expect(searchClaims.map((h) => h.claim.id)).toContain(DENIAL);
    const hit = searchClaims.find((h) => h.claim.id === DENIAL)!;
    expect(hit.highlights).toContain('The Taliban denies «sheltering» the TTP');
  });

  it('honours first and phrase queries', async () => {
    const { searchClaims } = await data<Hits>(SEARCH, { text: 'ceasefire', first: 2 });
    expect(searchClaims).toHaveLength(2);
    const phrase = await data<Hits>(SEARCH, { text: '"firmly defend"' });
    expect(phrase.searchClaims.map((h) => h.claim.id)).toEqual(['taliban-will-defend-against-aggression']);
  });

  it.each([
    '"unclosed phrase',
    'harbo(ring',
    'harbouring AND',
    'AND',
    'content:[a TO',
    '/[/',
    '/a{1000000}/',
    '*arbouring',
    'x ?arbour',
  ])('answers malformed or refused syntax %p with BAD_USER_INPUT, never an internal error', async (text) => {
    const res = await app.gql(SEARCH, { text });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.field).toBe('text');
  });

  it('refuses an empty search', async () => {
    const res = await app.gql(SEARCH, { text: '   ' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('disputes', () => {
  const DISPUTES = `query ($actor: String) {
    disputes(actor: $actor) {
      claim { id claimant { id } }
      denials { id claimant { id } evidence { exact source { url } } }
      contradictions { id }
    }
  }`;
  type Disputes = {
    disputes: {
      claim: { id: string; claimant: { id: string } };
      denials: {
        id: string;
        claimant: { id: string };
        evidence: { exact: string; source: { url: string } }[];
      }[];
      contradictions: { id: string }[];
    }[];
  };

  it("lists the Taliban's denial beside Pakistan's harbouring accusation, with its excerpt and source", async () => {
    const { disputes } = await data<Disputes>(DISPUTES);
    expect(disputes.map((d) => d.claim.id)).toEqual([HARBOURING]);
    const [d] = disputes;
    expect(d!.claim.claimant.id).toBe('pakistan-government');
    expect(d!.denials).toEqual([
      {
        id: DENIAL,
        claimant: { id: 'taliban-government' },
        evidence: [{ exact: 'The Taliban denies sheltering the TTP', source: { url: SOURCE_URL } }],
      },
    ]);
    expect(d!.contradictions).toEqual([]);
  });

  it.each([
    ['Kabul', [HARBOURING]],
    ['Islamabad', [HARBOURING]],
    ['TTP', [HARBOURING]],
    ['Qatar', []],
  ])('filters by an actor on either side: %s', async (actor, ids) => {
    const { disputes } = await data<Disputes>(DISPUTES, { actor });
    expect(disputes.map((d) => d.claim.id)).toEqual(ids);
  });

  it('answers an unknown actor with NOT_FOUND', async () => {
    const res = await app.gql(DISPUTES, { actor: 'Atlantis' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('Claim.provenance', () => {
  const PROVENANCE = `query ($id: ID!) {
    claim(id: $id) {
      provenance { kind actor { id name } source { url } excerpt { exact start end source { url } } }
    }
  }`;
  type Prov = {
    claim: {
      provenance: {
        kind: string;
        actor: { id: string; name: string } | null;
        source: { url: string } | null;
        excerpt: { exact: string; start: number; end: number; source: { url: string } } | null;
      }[];
    };
  };

  it('chains claimant, outlet, source and excerpt for the harbouring accusation', async () => {
    const { claim } = await data<Prov>(PROVENANCE, { id: HARBOURING });
    expect(claim.provenance.map((l) => l.kind)).toEqual(['CLAIMANT', 'REPORTED_BY', 'SOURCE', 'EXCERPT']);
    const [claimant, outlet, source, excerpt] = claim.provenance;
    expect(claimant!.actor).toEqual({ id: 'pakistan-government', name: 'Government of Pakistan' });
    expect(outlet!.actor).toEqual({ id: 'al-jazeera', name: 'Al Jazeera' });
    expect(outlet!.source).toEqual({ url: SOURCE_URL });
    expect(source!.source).toEqual({ url: SOURCE_URL });
    expect(excerpt!.excerpt).toEqual({
      exact:
        'specifically accusing Kabul of harboring Tehreek-e Taliban Pakistan (TTP) militants responsible for numerous deadly attacks within Pakistan',
      start: 1688,
      end: 1827,
      source: { url: SOURCE_URL },
    });
  });

  it('puts the voice after the claimant, and every excerpt in order', async () => {
    const { claim } = await data<Prov>(PROVENANCE, { id: 'taliban-pakistan-attitude-irresponsible' });
    expect(claim.provenance.map((l) => [l.kind, l.actor?.id ?? l.excerpt?.start ?? null])).toEqual([
      ['CLAIMANT', 'taliban-government'],
      ['VOICE', 'zabihullah-mujahid'],
      ['REPORTED_BY', 'al-jazeera'],
      ['SOURCE', null],
      ['EXCERPT', 249],
      ['EXCERPT', 876],
    ]);
  });

  it('shows reported speech as links: the outlet reports that the UN reports', async () => {
    const { claim } = await data<Prov>(PROVENANCE, { id: 'un-afghan-civilian-casualties-since-october' });
    expect(claim.provenance.map((l) => [l.kind, l.actor?.id ?? null])).toEqual([
      ['CLAIMANT', 'united-nations'],
      ['REPORTED_BY', 'al-jazeera'],
      ['SOURCE', null],
      ['EXCERPT', null],
    ]);
  });

  it('is batched: provenance for every claim of a page costs one extra round trip', async () => {
    const query = `{ claims(first: 50) { edges { node { id provenance { kind } } } } }`;
    const before = executor.queriesSent;
    const { claims } = await data<{ claims: { edges: { node: { provenance: unknown[] } }[] } }>(query);
    const sent = executor.queriesSent - before;
    expect(claims.edges.length).toBe(19);
    for (const e of claims.edges) expect(e.node.provenance.length).toBeGreaterThanOrEqual(4);
    // claims/page-all, claims/by-ids, graph/provenance-by-ids (+ auth may add none for anonymous)
    expect(sent).toBeLessThanOrEqual(3);
  });
});

describe('attributionGraph and connections', () => {
  const GRAPH = `query ($actors: [String!], $kinds: [ClaimKind!], $from: Date, $to: Date) {
    attributionGraph(actors: $actors, kinds: $kinds, from: $from, to: $to) {
      nodes { id }
      edges { kind from { id } to { id } claim { id } sources { url publisher { id } } }
    }
  }`;
  type Graph = {
    attributionGraph: {
      nodes: { id: string }[];
      edges: {
        kind: string;
        from: { id: string };
        to: { id: string };
        claim: { id: string };
        sources: { url: string; publisher: { id: string } }[];
      }[];
    };
  };

  it('holds accusation edges both ways between the Taliban government and Pakistan, each with its source', async () => {
    const { attributionGraph: g } = await data<Graph>(GRAPH, {
      actors: ['Taliban government', 'Pakistan'],
      kinds: ['ACCUSATION'],
    });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['pakistan-government', 'taliban-government']);
    const pairs = g.edges.map((e) => `${e.from.id}->${e.to.id}:${e.claim.id}`).sort();
    expect(pairs).toEqual([
      `pakistan-government->taliban-government:${HARBOURING}`,
      'pakistan-government->taliban-government:pakistan-accuses-taliban-of-breaking-doha-commitments',
      'taliban-government->pakistan-government:taliban-blames-pakistan-for-kabul-explosions',
      'taliban-government->pakistan-government:taliban-pakistan-attitude-irresponsible',
      'taliban-government->pakistan-government:taliban-pakistan-shifted-security-responsibilities',
    ]);
    for (const e of g.edges) {
      expect(e.kind).toBe('ACCUSATION');
      expect(e.sources).toEqual([{ url: SOURCE_URL, publisher: { id: 'al-jazeera' } }]);
    }
  });

  it('with one actor, draws every edge touching it; one edge per target', async () => {
    const { attributionGraph: g } = await data<Graph>(GRAPH, { actors: ['TTP'] });
    expect(g.edges.map((e) => [e.from.id, e.to.id, e.claim.id])).toEqual([
      ['pakistan-government', 'ttp', HARBOURING],
    ]);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['pakistan-government', 'ttp']);
  });

  it('says whether the graph was cut at its edge bound: not on the seed', async () => {
    const { attributionGraph } = await data<{ attributionGraph: { truncated: boolean; edges: unknown[] } }>(
      '{ attributionGraph { truncated edges { kind } } }',
    );
    expect(attributionGraph.truncated).toBe(false);
    expect(attributionGraph.edges).toHaveLength(9);
  });

  it('filters by date: the seed source is dated 2025-11-08', async () => {
    const inRange = await data<Graph>(GRAPH, { from: '2025-11-08', to: '2025-11-08' });
    const all = await data<Graph>(GRAPH);
    expect(inRange.attributionGraph.edges.length).toBe(all.attributionGraph.edges.length);
    expect(all.attributionGraph.edges.length).toBe(9);
    const later = await data<Graph>(GRAPH, { from: '2025-11-09' });
    expect(later.attributionGraph).toEqual({ nodes: [], edges: [] });
  });

  const CONNECTIONS = `query ($from: String!, $to: String!, $maxHops: Int) {
    connections(from: $from, to: $to, maxHops: $maxHops) {
      length steps { label id name relationship direction actor { id } claim { id } event { id } }
    }
  }`;
  type Paths = {
    connections: {
      length: number;
      steps: { label: string; id: string; relationship: string | null; direction: string | null }[];
    }[];
  };

  it('links Qatar to the TTP through the talks it mediated and the harbouring accusation', async () => {
    const { connections } = await data<Paths>(CONNECTIONS, { from: 'Qatar', to: 'TTP' });
    expect(connections.length).toBeGreaterThan(0);
    for (const p of connections) {
      expect(p.length).toBe(4);
      expect(p.steps).toHaveLength(5);
      expect(p.steps[0]).toMatchObject({ label: 'Actor', id: 'qatar', relationship: null, direction: null });
      expect(p.steps[4]).toMatchObject({ label: 'Actor', id: 'ttp' });
    }
    const described = connections.map((p) =>
      p.steps.map((s) => (s.relationship ? `${s.direction}:${s.relationship}>${s.id}` : s.id)).join(' '),
    );
    expect(described).toContain(
      `qatar IN:MEDIATED_BY>istanbul-talks OUT:HAS_PARTY>pakistan-government IN:CLAIMED_BY>${HARBOURING} OUT:TARGETS>ttp`,
    );
  });

  it('is hop-bounded', async () => {
    const { connections } = await data<Paths>(CONNECTIONS, { from: 'Qatar', to: 'TTP', maxHops: 3 });
    expect(connections).toEqual([]);
    for (const maxHops of [0, 7]) {
      const res = await app.gql(CONNECTIONS, { from: 'Qatar', to: 'TTP', maxHops });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('timeline', () => {
  const TIMELINE = `query ($actor: String!, $from: Date, $to: Date) {
    timeline(actor: $actor, from: $from, to: $to) {
      actor { id }
      claims { date claim { id kind } }
      weeks { week start total counts { kind count } }
    }
  }`;
  type Timeline = {
    timeline: {
      actor: { id: string };
      claims: { date: string | null; claim: { id: string; kind: string } }[];
      weeks: { week: string; start: string; total: number; counts: { kind: string; count: number }[] }[];
    };
  };

  it("orders Pakistan's claims by date and counts them per kind per ISO week", async () => {
    const { timeline } = await data<Timeline>(TIMELINE, { actor: 'Islamabad' });
    expect(timeline.actor.id).toBe('pakistan-government');
    // The deadlock was stated on Friday 2025-11-07; the rest take the source's date, 2025-11-08.
    expect(timeline.claims[0]).toEqual({
      date: '2025-11-07',
      claim: { id: 'pakistan-confirms-talks-deadlock', kind: 'STATEMENT' },
    });
    expect(timeline.claims).toHaveLength(5);
    expect(timeline.claims.slice(1).every((c) => c.date === '2025-11-08')).toBe(true);
    expect(timeline.weeks).toEqual([
      {
        week: '2025-W45',
        start: '2025-11-03',
        total: 5,
        counts: [
          { kind: 'ACCUSATION', count: 2 },
          { kind: 'COMMITMENT', count: 1 },
          { kind: 'STATEMENT', count: 2 },
        ],
      },
    ]);
  });

  it('narrows by date', async () => {
    const { timeline } = await data<Timeline>(TIMELINE, { actor: 'Islamabad', to: '2025-11-07' });
    expect(timeline.claims.map((c) => c.claim.id)).toEqual(['pakistan-confirms-talks-deadlock']);
    expect(timeline.weeks).toEqual([
      { week: '2025-W45', start: '2025-11-03', total: 1, counts: [{ kind: 'STATEMENT', count: 1 }] },
    ]);
  });

  it('says whether the list was cut at its bound: not on the seed', async () => {
    const { timeline } = await data<{ timeline: { truncated: boolean; claims: unknown[] } }>(
      '{ timeline(actor: "Islamabad") { truncated claims { date } } }',
    );
    expect(timeline.truncated).toBe(false);
    expect(timeline.claims).toHaveLength(5);
  });
});

describe('exports', () => {
  const get = (path: string) => fetch(`${app.url}${path}`);

  it('serves a claim as schema.org JSON-LD', async () => {
    const res = await get(`/export/claims/${HARBOURING}.jsonld`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(await res.text()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Claim',
      identifier: HARBOURING,
      genre: 'ACCUSATION',
      author: {
        '@type': 'GovernmentOrganization',
        identifier: 'pakistan-government',
        name: 'Government of Pakistan',
      },
      datePublished: '2025-11-08',
      appearance: [
        {
          '@type': 'CreativeWork',
          url: SOURCE_URL,
          datePublished: '2025-11-08',
          publisher: { '@type': 'Organization', name: 'Al Jazeera' },
          hasPart: [{ '@type': 'Quotation', text: expect.stringContaining('accusing Kabul of harboring') }],
        },
      ],
    });
    expect(doc.mentions).toEqual([
      { '@type': 'GovernmentOrganization', identifier: 'taliban-government', name: 'Taliban government' },
      { '@type': 'Organization', identifier: 'ttp', name: 'Tehreek-e Taliban Pakistan' },
    ]);
  });

  it('answers an unknown claim with a 404 JSON error', async () => {
    const res = await get('/export/claims/no-such-claim.jsonld');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name, _jpath, _leaf, isAttribute) =>
      !isAttribute && ['node', 'edge', 'data', 'key'].includes(name),
  });
  type GraphMl = {
    graphml: {
      graph: {
        node?: { id: string }[];
        edge?: { id: string; source: string; target: string; data: { key: string; '#text': string }[] }[];
      };
    };
  };

  it('serves the graph as GraphML: valid XML with exactly one node per actor', async () => {
    const res = await get('/export/graph.graphml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    const text = await res.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const { graph } = (parser.parse(text) as GraphMl).graphml;
    const { actors } = await data<{ actors: { totalCount: number } }>('{ actors { totalCount } }');
    expect(actors.totalCount).toBe(14);
    const ids = graph.node!.map((n) => n.id);
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    expect(ids).toEqual(
      expect.arrayContaining(['qatar', 'ttp', 'taliban-government', 'pakistan-government', 'al-jazeera']),
    );
    expect(graph.edge).toHaveLength(9);
    for (const e of graph.edge!) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    const harbouring = graph
      .edge!.filter((e) => e.id.startsWith(`${HARBOURING}:`))
      .map((e) => [e.source, e.target]);
    expect(harbouring).toEqual([
      ['pakistan-government', 'taliban-government'],
      ['pakistan-government', 'ttp'],
    ]);
  });

  it('filters the GraphML by actors and kinds', async () => {
    const res = await get('/export/graph.graphml?actors=Kabul,Islamabad&kinds=ACCUSATION');
    const { graph } = (parser.parse(await res.text()) as GraphMl).graphml;
    expect(graph.node!.map((n) => n.id).sort()).toEqual(['pakistan-government', 'taliban-government']);
    expect(graph.edge).toHaveLength(5);
    for (const e of graph.edge!) {
      expect(e.data).toEqual(expect.arrayContaining([{ key: 'claimKind', '#text': 'ACCUSATION' }]));
    }
  });

  it("with one actor, lists every edge's endpoints among the nodes", async () => {
    const res = await get('/export/graph.graphml?actors=TTP');
    expect(res.status).toBe(200);
    const { graph } = (parser.parse(await res.text()) as GraphMl).graphml;
    const ids = graph.node!.map((n) => n.id).sort();
    expect(ids).toEqual(['pakistan-government', 'ttp']);
    expect(graph.edge!.map((e) => [e.source, e.target])).toEqual([['pakistan-government', 'ttp']]);
    for (const e of graph.edge!) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
    const json = (await (await get('/export/graph.json?actors=TTP')).json()) as {
      nodes: { id: string }[];
      edges: { source: string; target: string }[];
    };
    const jsonIds = json.nodes.map((n) => n.id);
    expect(jsonIds.sort()).toEqual(ids);
    for (const e of json.edges) expect(jsonIds).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it('serves the graph as JSON, the same page by page as in one go', async () => {
    const res = await get('/export/graph.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    const graph = JSON.parse(text) as {
      nodes: { id: string }[];
      edges: { claim: string; source: string; target: string; sources: string[] }[];
    };
    expect(graph.nodes).toHaveLength(14);
    expect(graph.edges).toHaveLength(9);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          claim: HARBOURING,
          source: 'pakistan-government',
          target: 'ttp',
          sources: [SOURCE_URL],
        }),
      ]),
    );
    // Pages of 2 rows: many round trips, the same document.
    let paged = '';
    const progress: number[] = [];
    await exportGraph(
      executor,
      'json',
      { actors: null, kinds: null, from: null, to: null },
      { write: async (chunk) => void (paged += chunk) },
      { pageSize: 2, onProgress: (p) => progress.push(p.actors + p.claims) },
    );
    expect(JSON.parse(paged)).toEqual(graph);
    expect(progress.length).toBeGreaterThan(10);
  });

  it.each([
    ['/export/graph.graphml?kinds=GOSSIP', 400, 'BAD_USER_INPUT'],
    ['/export/graph.json?from=yesterday', 400, 'BAD_USER_INPUT'],
    ['/export/graph.json?actors=Atlantis', 404, 'NOT_FOUND'],
  ])('refuses %s with %i %s', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
  });
});

describe('export access', () => {
  const PATHS = ['/export/graph.graphml', '/export/graph.json', `/export/claims/${HARBOURING}.jsonld`];
  let closed: TestApp;
  let reader: string;
  beforeAll(async () => {
    closed = await startTestApp(executor, { REQUIRE_READ_TOKEN: 'true' });
    reader = (await createToken(executor, { role: 'reader', name: 'export reader', by: 'test' })).token;
  });
  afterAll(async () => {
    await closed?.stop();
  });
  const get = (base: TestApp, path: string, token?: string) =>
    fetch(`${base.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it.each(PATHS)('with REQUIRE_READ_TOKEN, refuses %s without a token: 401 JSON', async (path) => {
    const res = await get(closed, path);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    });
  });

  it.each(PATHS)('with REQUIRE_READ_TOKEN, serves %s to a reader token', async (path) => {
    const res = await get(closed, path, reader);
    expect(res.status).toBe(200);
    await res.text();
  });

  it.each([
    ['closed', () => closed],
    ['open', () => app],
  ])('refuses a bad token with 401 when reads are %s', async (_label, base) => {
    for (const token of ['not-a-token', `${reader.slice(0, -1)}${reader.endsWith('A') ? 'B' : 'A'}`]) {
      const res = await get(base(), '/export/graph.json', token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('serves anonymous exports when reads are open', async () => {
    const res = await get(app, '/export/graph.json');
    expect(res.status).toBe(200);
    await res.text();
  });
});

// Last, because it adds a second source to the graph.
describe('contradictions', () => {
  const TEXT = 'Kabul says the fighting since early October has killed 70 civilians on the Afghan side.';
  const EXACT = 'the fighting since early October has killed 70 civilians on the Afghan side';
  const start = TEXT.indexOf(EXACT);
  const yamlText = `
source:
  url: https://example.org/2025/11/10/kabul-casualty-figures
  title: Kabul gives its own casualty figures
  publishedAt: 2025-11-10
  text: "${TEXT}"
actors:
  - { id: taliban-government, name: Taliban government, kind: GOVERNMENT }
events:
  - id: border-clashes
    kind: CLASHES
    name: Afghanistan–Pakistan cross-border clashes (since early October 2025)
claims:
  - id: taliban-afghan-civilian-deaths-70
    kind: FIGURE
    claimant: taliban-government
    content: The fighting since early October has killed 70 civilians on the Afghan side.
    cue: says
    about: [border-clashes]
    figures:
      - { value: 70, unit: person, measure: Civilian deaths on the Afghan side }
    excerpts:
      - { exact: '${EXACT}', start: ${start}, end: ${start + EXACT.length} }
`;

  it('detects figures for the same measure and event from different claimants that disagree', async () => {
    const bundle = validateSourceFile('test/contradiction.yaml', yamlText);
    await loadBundles(executor, [bundle], { by: 'loader:test', role: 'system' });
    const { disputes } = await data<{
      disputes: {
        claim: { id: string };
        denials: { id: string }[];
        contradictions: { id: string; evidence: { source: { url: string } }[] }[];
      }[];
    }>(
      `query ($actor: String) { disputes(actor: $actor) {
      claim { id } denials { id } contradictions { id evidence { source { url } } } } }`,
      { actor: 'United Nations' },
    );
    expect(disputes.map((d) => [d.claim.id, d.contradictions.map((c) => c.id)])).toEqual([
      ['taliban-afghan-civilian-deaths-70', ['un-afghan-civilian-casualties-since-october']],
      ['un-afghan-civilian-casualties-since-october', ['taliban-afghan-civilian-deaths-70']],
    ]);
    expect(disputes[1]!.contradictions[0]!.evidence[0]!.source.url).toBe(
      'https://example.org/2025/11/10/kabul-casualty-figures',
    );
    // Both sides now read as DISPUTED, in lists and one by one (the list filter pages on the
    // stored c.status).
    const { claims } = await data<{ claims: { edges: { node: { id: string } }[] } }>(
      '{ claims(filter: { kind: FIGURE, status: DISPUTED }) { edges { node { id } } } }',
    );
    expect(claims.edges.map((e) => e.node.id).sort()).toEqual([
      'taliban-afghan-civilian-deaths-70',
      'un-afghan-civilian-casualties-since-october',
    ]);
    const { claim } = await data<{ claim: { status: string } }>(
      '{ claim(id: "un-kabul-explosions-fatalities") { status } }',
    );
    expect(claim.status).toBe('UNCONTESTED');
  });
  it('does not count a figure in another unit as a contradiction', async () => {
    const percent = yamlText
      .replace('kabul-casualty-figures', 'kabul-casualty-share')
      .replace('taliban-afghan-civilian-deaths-70', 'taliban-afghan-civilian-deaths-share')
      .replace('unit: person', 'unit: percent');
    await loadBundles(executor, [validateSourceFile('test/percent.yaml', percent)], {
      by: 'loader:test',
      role: 'system',
    });
    const { claim } = await data<{ claim: { status: string } }>(
      '{ claim(id: "taliban-afghan-civilian-deaths-share") { status } }',
    );
    expect(claim.status).toBe('UNCONTESTED');
    const { disputes } = await data<{
      disputes: { claim: { id: string }; contradictions: { id: string }[] }[];
    }>('{ disputes(actor: "United Nations") { claim { id } contradictions { id } } }');
    const un = disputes.find((d) => d.claim.id === 'un-afghan-civilian-casualties-since-october');
    expect(un?.contradictions.map((c) => c.id)).toEqual(['taliban-afghan-civilian-deaths-70']);
  });
});
