import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { importPath } from '../../src/import';
import { closeApp, openSeededApp } from '../support/fixtures';
import type { TestApp } from '../support/app';
import { excerptsOf } from '../support/texts';

/**
 * attributionGraph between named actors walks from the side with fewer claims: from the named
 * claimants, or from the named targets (graph/attribution). Both walks must draw the same edges as
 * a brute-force reading of the graph. The seed's pairs all have more claims made than received;
 * the import below adds a pair the other way round (an actor many others accuse), and a draft
 * between them that no walk may draw.
 */
let executor: Executor;
let app: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-graph-'));

const URL = 'https://desk.example.org/2026/12/a-week-of-accusations';
const TEXT =
  'The river council said the dam authority hid the flood warnings. ' +
  'The farmers union said the dam authority sold the water rights. ' +
  'The fishers guild said the dam authority poisoned the delta. ' +
  'The dam authority said the river council had staged the protest. ' +
  'The river council said the dam authority had bribed the inspectors.';
const at = excerptsOf(TEXT);
const claim = (id: string, claimant: string, target: string, sentence: string, extra = {}) => ({
  type: 'claim',
  source: URL,
  id,
  kind: 'ACCUSATION',
  claimant,
  targets: [target],
  content: sentence,
  cue: 'said',
  excerpts: [at(sentence)],
  ...extra,
});

const LINES = [
  { type: 'actor', id: 'river-council', name: 'River council', kind: 'OTHER' },
  { type: 'actor', id: 'dam-authority', name: 'Dam authority', kind: 'OTHER' },
  { type: 'actor', id: 'farmers-union', name: 'Farmers union', kind: 'OTHER' },
  { type: 'actor', id: 'fishers-guild', name: 'Fishers guild', kind: 'OTHER' },
  { type: 'source', url: URL, title: 'A week of accusations', publishedAt: '2026-12-01', text: TEXT },
  claim(
    'council-flood-warnings',
    'river-council',
    'dam-authority',
    'The river council said the dam authority hid the flood warnings.',
  ),
  claim(
    'union-water-rights',
    'farmers-union',
    'dam-authority',
    'The farmers union said the dam authority sold the water rights.',
  ),
  claim(
    'guild-delta',
    'fishers-guild',
    'dam-authority',
    'The fishers guild said the dam authority poisoned the delta.',
  ),
  claim(
    'authority-staged-protest',
    'dam-authority',
    'river-council',
    'The dam authority said the river council had staged the protest.',
  ),
  // A draft (extracted, not reviewed): not an edge of the graph.
  claim(
    'council-bribes-draft',
    'river-council',
    'dam-authority',
    'The river council said the dam authority had bribed the inspectors.',
    {
      origin: 'EXTRACTED',
      verification: 'DRAFT',
    },
  ),
];

beforeAll(async () => {
  ({ executor, app } = await openSeededApp(async (ex) => {
    const file = path.join(dir, 'accusations.ndjson');
    fs.writeFileSync(file, LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
    await importPath(ex, file, { by: 'cli:test', role: 'system' });
  }));
});
afterAll(async () => {
  await closeApp(app, executor);
  fs.rmSync(dir, { recursive: true, force: true });
});

const GRAPH = `query ($actors: [String!]) {
  attributionGraph(actors: $actors) { nodes { id } edges { from { id } to { id } claim { id } } }
}`;
type Graph = {
  attributionGraph: {
    nodes: { id: string }[];
    edges: { from: { id: string }; to: { id: string }; claim: { id: string } }[];
  };
};

it('draws the edges between two actors a brute-force reading finds, whichever side it walks from', async () => {
  const pairs = await executor.read('test/attribution-pairs');
  const fewerMade = pairs.filter((p) => Number(p.made) <= Number(p.about));
  const fewerAbout = pairs.filter((p) => Number(p.made) > Number(p.about));
  // Both walks are exercised: the imported pair one way, the seed's pairs the other.
  expect(fewerMade.map((p) => `${p.x} ${p.y}`)).toContain('dam-authority river-council');
  expect(fewerAbout.length).toBeGreaterThan(0);
  for (const p of pairs) {
    // Refs by name as well as by id: the statement resolves them itself.
    const res = await app.gql<Graph>(GRAPH, { actors: [p.x, p.y] });
    expect(res.body.errors).toBeUndefined();
    const g = res.body.data!.attributionGraph;
    const drawn = g.edges.map((e) => `${e.claim.id} ${e.from.id}>${e.to.id}`).sort();
    expect({ pair: [p.x, p.y], drawn }).toEqual({
      pair: [p.x, p.y],
      drawn: [...(p.edges as string[])].sort(),
    });
    expect(g.nodes.map((n) => n.id).sort()).toEqual([p.x, p.y].sort());
  }
  const byName = await app.gql<Graph>(GRAPH, { actors: ['Dam authority', 'RIVER COUNCIL'] });
  expect(byName.body.data!.attributionGraph.edges.map((e) => e.claim.id).sort()).toEqual([
    'authority-staged-protest',
    'council-flood-warnings',
  ]);
});

it('names the first unknown ref, and draws nothing', async () => {
  const res = await app.gql(GRAPH, { actors: ['dam-authority', 'Atlantis', 'Lemuria'] });
  expect(res.body.data).toBeNull();
  expect(res.body.errors?.[0]).toMatchObject({
    message: 'actors[1]: no actor has the id, name or alias "Atlantis"',
    extensions: { code: 'NOT_FOUND', field: 'actors[1]' },
  });
});

it('treats two refs to one actor as one actor: every edge touching it', async () => {
  const res = await app.gql<Graph>(GRAPH, { actors: ['dam-authority', 'Dam authority'] });
  const edges = res.body.data!.attributionGraph.edges.map((e) => e.claim.id).sort();
  expect(edges).toEqual([
    'authority-staged-protest',
    'council-flood-warnings',
    'guild-delta',
    'union-water-rights',
  ]);
});
