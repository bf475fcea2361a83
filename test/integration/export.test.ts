import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CLAIM_KINDS } from '../../src/data/types';
import type { Executor } from '../../src/db/executor';
import {
  describeProgress,
  exportGraph,
  type ExportProgress,
  type GraphFilter,
  type GraphFormat,
} from '../../src/export/graph';
import { PROJECT_ROOT } from '../../src/paths';
import { createActor } from '../../src/writes/actors';
import { recordClaim } from '../../src/writes/claims';
import { testNeo4jEnv } from '../setup/neo4j-target';
import { seededDatabase } from '../support/db';
import { closeApp, openSeededApp } from '../support/fixtures';
import type { TestApp } from '../support/app';

/**
 * Exports under stress: filters that must be refused before the first byte, a graph that changes
 * while it is being exported, and the CLI's --out file, which a failure must never damage.
 * (The exports' content on the seed graph is tested in analysis.test.ts.)
 */

let executor: Executor;
let app: TestApp;

const SOURCE_URL =
  'https://www.aljazeera.com/news/2025/11/8/afghanistans-taliban-blames-irresponsible-pakistan-as-peace-talks-fail';
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'export.js');

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (jest's global setup does)`);
  ({ executor, app } = await openSeededApp());
});
afterAll(() => closeApp(app, executor));

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _jpath, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'data'].includes(name),
});

interface Graph {
  nodes: string[];
  edges: { source: string; target: string; date?: string }[];
}

/** Nodes and edges of either format, the same way. */
function readGraph(format: GraphFormat, text: string): Graph {
  if (format === 'json') {
    const g = JSON.parse(text) as { nodes: { id: string }[]; edges: Graph['edges'] };
    return { nodes: g.nodes.map((n) => n.id), edges: g.edges };
  }
  expect(XMLValidator.validate(text)).toBe(true);
  type E = { source: string; target: string; data: { key: string; '#text': string }[] };
  const { graph } = (parser.parse(text) as { graphml: { graph: { node?: { id: string }[]; edge?: E[] } } })
    .graphml;
  return {
    nodes: (graph.node ?? []).map((n) => n.id),
    edges: (graph.edge ?? []).map((e) => ({
      source: e.source,
      target: e.target,
      date: e.data.find((d) => d.key === 'date')?.['#text'],
    })),
  };
}

function expectClosed(g: Graph): void {
  for (const e of g.edges) {
    expect(g.nodes).toContain(e.source);
    expect(g.nodes).toContain(e.target);
  }
}

describe('graph export filters are all checked before the first byte', () => {
  const get = (p: string) => fetch(`${app.url}${p}`);

  it.each([
    ['/export/graph.json?from=2025-02-30', 'from'], // Date.parse rolls it over to 2025-03-02
    ['/export/graph.graphml?from=2025-02-31', 'from'],
    ['/export/graph.graphml?to=2025-02-29', 'to'], // 2025 is not a leap year
    ['/export/graph.json?to=2025-04-31', 'to'],
    ['/export/graph.json?from=2025-13-01', 'from'],
    ['/export/graph.json?from=2025-1-1', 'from'],
    ['/export/graph.graphml?from=2025-11-09&to=2025-11-01', 'from'],
    ['/export/graph.graphml?kinds=ACCUSATION,RUMOUR', 'kinds'],
    ['/export/graph.json?kinds=ACCUSATION&kinds=DENIAL', 'kinds'],
    ['/export/graph.json?kind=ACCUSATION', 'kind'], // a typo must not export the whole graph
  ])('%s: 400 BAD_USER_INPUT naming %s, as JSON', async (p, field) => {
    const res = await get(p);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string; field: string } };
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.error.message.startsWith(`${field}:`)).toBe(true);
  });

  it('an unknown actor is a 404 naming actors, before the first byte', async () => {
    const res = await get('/export/graph.graphml?actors=Kabul,Atlantis');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND', field: 'actors' } });
  });

  it('accepts a real leap day and a one-day range, and filters on the day', async () => {
    const wide = await get('/export/graph.json?from=2024-02-29&to=2025-12-31');
    expect(wide.status).toBe(200);
    expect(readGraph('json', await wide.text()).edges).toHaveLength(9);
    for (const format of ['json', 'graphml'] as const) {
      const res = await get(`/export/graph.${format}?from=2025-11-08&to=2025-11-08`);
      expect(res.status).toBe(200);
      const g = readGraph(format, await res.text());
      expect(g.edges.length).toBeGreaterThan(0);
      for (const e of g.edges) expect(e.date).toBe('2025-11-08');
      const later = await get(`/export/graph.${format}?from=2025-11-09`);
      expect(readGraph(format, await later.text()).edges).toEqual([]);
    }
  });

  it('knows every claim kind the data files know', async () => {
    const res = await get(`/export/graph.json?kinds=${CLAIM_KINDS.join(',').toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(readGraph('json', await res.text()).edges).toHaveLength(9);
  });
});

describe('a graph that changes while it is exported', () => {
  beforeEach(async () => {
    await seededDatabase(executor);
  });
  afterAll(async () => {
    await seededDatabase(executor);
  });

  const writer = { by: 'test', role: 'system' as const };

  /**
   * An executor that, once the nodes have been read and just before the first page of edges is,
   * records a new actor and two claims: the late actor accusing the TTP, and Islamabad accusing
   * the late actor and the TTP. Neither claim's late endpoint was written as a node.
   */
  function racing(): Executor {
    let nodesRead = false;
    let raced = false;
    return {
      read: async (name: string, params?: Record<string, unknown>) => {
        if (name === 'export/actors-page') nodesRead = true;
        if (name === 'export/edges-page' && nodesRead && !raced) {
          raced = true;
          await createActor(executor, writer, { name: 'Late Arrival', kind: 'ARMED_GROUP' });
          const claim = { source: SOURCE_URL, statedOn: '2025-11-08', kind: 'ACCUSATION' };
          await recordClaim(executor, writer, {
            ...claim,
            claimant: 'Late Arrival',
            targets: ['TTP'],
            content: 'Late Arrival accused the TTP.',
            excerpt: 'Talks mediated by Qatar and Turkiye',
          });
          await recordClaim(executor, writer, {
            ...claim,
            claimant: 'Islamabad',
            targets: ['Late Arrival', 'TTP'],
            content: 'Islamabad accused Late Arrival and the TTP.',
            excerpt: 'Islamabad confirmed the deadlock',
          });
        }
        return executor.read(name, params);
      },
    } as unknown as Executor;
  }

  const ALL: GraphFilter = { actors: null, kinds: null, from: null, to: null };
  const TTP: GraphFilter = { ...ALL, actors: ['ttp'] };
  it.each<[GraphFormat, string, GraphFilter, { edges: number; skipped: number }]>([
    ['graphml', 'no filter', ALL, { edges: 10, skipped: 2 }],
    ['json', 'no filter', ALL, { edges: 10, skipped: 2 }],
    ['graphml', 'one actor', TTP, { edges: 2, skipped: 1 }],
    ['json', 'one actor', TTP, { edges: 2, skipped: 1 }],
  ])(
    '%s, %s: writes no edge whose endpoint is not a node, and counts those it leaves out',
    async (format, _label, filter, expected) => {
      let text = '';
      let last: ExportProgress | undefined;
      const done = await exportGraph(
        racing(),
        format,
        filter,
        { write: async (chunk) => void (text += chunk) },
        { pageSize: 2, onProgress: (p) => (last = p) },
      );
      const g = readGraph(format, text);
      expect(g.nodes).not.toContain('late-arrival');
      expectClosed(g);
      expect(g.edges).toHaveLength(expected.edges);
      expect(done).toMatchObject(expected);
      expect(last).toEqual(done);
      expect(describeProgress(done)).toMatch(
        new RegExp(`left out ${expected.skipped} edges? to or from an actor not among the nodes written`),
      );

      // At rest, the same export writes the late actor and all its edges, and leaves out none.
      let again = '';
      const rest = await exportGraph(executor, format, filter, { write: async (c) => void (again += c) });
      const g2 = readGraph(format, again);
      expect(g2.nodes).toContain('late-arrival');
      expectClosed(g2);
      expect(rest.skipped).toBe(0);
      expect(g2.edges).toHaveLength(expected.edges + expected.skipped);
      expect(describeProgress(rest)).not.toMatch(/left out/);
    },
  );
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm run export` runs the same file) on the test Neo4j. */
function runExport(args: string[], opts: { closeStdout?: boolean } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        ...testNeo4jEnv(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // A reader that goes away before the first byte, as `| head` does after its lines.
    if (opts.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The line naming the database used (checked in test/integration/cli.test.ts) aside.
      resolve({ code, signal, stdout, stderr: stderr.replace(USING_LINE, '') });
    });
  });
}

const USING_LINE = /^claimgraph export: using the Neo4j at NEO4J_URI .*\n/m;

/** One line on stderr, `claimgraph export: ...`, and no stack trace or driver error. */
function expectOneLine(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^claimgraph export: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |Neo4jError|Unhandled/);
}

describe('npm run export', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-export-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const existing = () => {
    const file = path.join(dir, 'existing.out');
    fs.writeFileSync(file, 'an earlier export\n');
    return file;
  };

  it.each([
    [['--format', 'json', '--kinds', 'FOO'], /kinds: unknown claim kind "FOO"/],
    [['--format', 'graphml', '--from', '2025-02-30'], /from: .*YYYY-MM-DD/],
    [['--format', 'json', '--from', '2025-11-09', '--to', '2025-11-01'], /from: 2025-11-09 is after to/],
    [['--format', 'json', '--actors', 'Kabul,Atlantis'], /actors: /],
    [['--format', 'jsonld', '--claim', 'no-such-claim'], /--claim: no claim has the id "no-such-claim"/],
  ])('%j refused: one line, exit 1, and --out left exactly as it was', async (args, pattern) => {
    const out = existing();
    const run = await runExport([...args, '--out', out]);
    expectOneLine(run, pattern);
    expect(fs.readFileSync(out, 'utf8')).toBe('an earlier export\n');
    expect(fs.readdirSync(dir)).toEqual(['existing.out']);
  });

  it('creates no file for a claim it cannot find', async () => {
    const run = await runExport([
      '--format',
      'jsonld',
      '--claim',
      'nope',
      '--out',
      path.join(dir, 'x.jsonld'),
    ]);
    expectOneLine(run, /no claim has the id "nope"/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    [
      'a folder that does not exist',
      () => path.join(dir, 'no-such-folder', 'graph.json'),
      /folder does not exist/,
    ],
    ['a folder', () => dir, /it is a folder/],
    ['a path through a file', () => path.join(existing(), 'graph.json'), /not a folder/],
  ])('an unwritable --out (%s): one line, exit 1', async (_label, out, pattern) => {
    const target = out();
    const before = fs.readdirSync(dir);
    const run = await runExport(['--format', 'json', '--out', target]);
    expectOneLine(
      run,
      new RegExp(`cannot write ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${pattern.source}`),
    );
    expect(fs.readdirSync(dir)).toEqual(before);
  });

  it('replaces --out only with a complete export, and leaves no partial file', async () => {
    const out = existing();
    const run = await runExport(['--format', 'graphml', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^claimgraph export: wrote 14 actors, 8 claims, 9 edges as graphml to ${out} in [\\d.]+s\\n$`,
      ),
    );
    const g = readGraph('graphml', fs.readFileSync(out, 'utf8'));
    expect(g.nodes).toHaveLength(14);
    expect(g.edges).toHaveLength(9);
    expectClosed(g);
    expect(fs.readdirSync(dir)).toEqual(['existing.out']);

    const ld = path.join(dir, 'claim.jsonld');
    const one = await runExport([
      '--format',
      'jsonld',
      '--claim',
      'taliban-denies-sheltering-ttp',
      '--out',
      ld,
    ]);
    expect(one.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(ld, 'utf8'))).toMatchObject({
      '@type': 'Claim',
      identifier: 'taliban-denies-sheltering-ttp',
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['claim.jsonld', 'existing.out']);
  });

  it('writes to stdout when there is no --out', async () => {
    const run = await runExport(['--format', 'json', '--actors', 'TTP']);
    expect(run.code).toBe(0);
    const g = readGraph('json', run.stdout);
    expect(g.nodes.sort()).toEqual(['pakistan-government', 'ttp']);
    expect(run.stderr).toMatch(/^claimgraph export: wrote 2 actors, 1 claims, 1 edges as json to stdout/);
  });

  it.each(['json', 'graphml'])('ends quietly when stdout is closed early (| head): %s', async (format) => {
    const run = await runExport(['--format', format], { closeStdout: true });
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
  });
});
