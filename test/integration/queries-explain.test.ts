import fs from 'node:fs';
import path from 'node:path';
import { planOperators, type Executor } from '../../src/db/executor';
import { allQueries, query, statement } from '../../src/db/queries';
import { CYPHER_DIR } from '../../src/paths';
import { freshDatabase, testExecutor } from '../support/db';

/**
 * Every named query is parsed and planned by the real server (EXPLAIN: nothing runs, no
 * parameters needed), so a query broken by an edit — a typo, a removed function, a label that
 * no longer exists in a procedure call — fails CI rather than the user who first reaches it.
 * The list comes from the files on disk, so a new query file is covered without touching this.
 */
let executor: Executor;

function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return filesUnder(path.join(dir, e.name), rel);
    return e.name.endsWith('.cypher') ? [rel.replace(/\.cypher$/, '')] : [];
  });
}

const names = filesUnder(path.join(CYPHER_DIR, 'queries')).sort();

beforeAll(async () => {
  executor = await testExecutor();
  // Migrated, so the full-text index and the constraints the plans use exist.
  await freshDatabase(executor);
});
afterAll(async () => {
  await executor?.close();
});

it('knows every query file on disk, and the registry serves exactly those', () => {
  expect(names.length).toBeGreaterThan(50);
  expect([...allQueries().keys()].sort()).toEqual(names);
});

it('includes every fragment in at least one named query, so each fragment is planned too', () => {
  const fragments = fs
    .readdirSync(path.join(CYPHER_DIR, 'fragments'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.replace(/\.cypher$/, ''));
  const raw = names.map((n) => fs.readFileSync(path.join(CYPHER_DIR, 'queries', `${n}.cypher`), 'utf8'));
  const included = (f: string) =>
    raw.some((t) => t.includes(`// @include ${f}`)) ||
    fragments.some(
      (g) =>
        g !== f &&
        fs
          .readFileSync(path.join(CYPHER_DIR, 'fragments', `${g}.cypher`), 'utf8')
          .includes(`// @include ${f}`),
    );
  expect(fragments.filter((f) => !included(f))).toEqual([]);
});

it('sends each query without its comment lines (what EXPLAIN below plans), and nothing else changed', () => {
  const comment = /^\s*\/\//;
  for (const name of [...names, 'claims/page-all@rows', 'claims/page-by-target@rows@of-ref']) {
    const sent = statement(name).split('\n');
    expect(sent.filter((l) => comment.test(l))).toEqual([]);
    expect(sent).toEqual(
      query(name)
        .split('\n')
        .filter((l) => !comment.test(l)),
    );
  }
  // The page statement users pay for most lost more than half its text.
  expect(statement('claims/page-all@rows').length).toBeLessThan(query('claims/page-all@rows').length / 2);
});

describe('EXPLAIN plans every named query', () => {
  it.each(names)('%s', async (name) => {
    // A query with a {{bound}} (a path length Cypher takes no parameter for) is planned with one.
    const text = allQueries().get(name)!;
    const plan = await executor.explain(text.includes('{{bound}}') ? `${name}@4` : name);
    expect(planOperators(plan).length).toBeGreaterThan(0);
    expect(plan.operator).toBe('ProduceResults');
  });
});

describe('a lookup by a unique key is a seek of its constraint’s index, however the plan was made', () => {
  // The plans here are made on an empty store, whose statistics make any scan look free; a plan
  // cached then would still be run at a million claims. Every `MATCH (v:Label {key: value})` on a
  // key with a uniqueness constraint must therefore be planned as that constraint's index seek.
  const lookups = names.flatMap((name) =>
    [
      ...allQueries()
        .get(name)!
        .matchAll(/^\s*MATCH \((\w+):(\w+) \{(\w+): \w+\}\)/gm),
    ].map((m) => ({
      name,
      variable: m[1]!,
      label: m[2]!,
      key: m[3]!,
    })),
  );
  let unique: Set<string>;
  beforeAll(async () => {
    const rows = await executor.read('test/unique-keys');
    unique = new Set(rows.map((r) => `${r.label as string}.${r.key as string}`));
  });
  it('finds the lookups', () => {
    expect(lookups.length).toBeGreaterThan(20);
  });
  it.each(lookups.map((l) => [`${l.name}: (${l.variable}:${l.label} {${l.key}})`, l] as const))(
    '%s',
    async (_title, l) => {
      if (!unique.has(`${l.label}.${l.key}`)) return; // no constraint: nothing to seek by
      const text = allQueries().get(l.name)!;
      const plan = await executor.explain(text.includes('{{bound}}') ? `${l.name}@4` : l.name);
      const seeks = planOperators(plan).filter(
        (o) =>
          o.operator.startsWith('NodeUniqueIndexSeek') &&
          new RegExp(`\\b${l.variable}:${l.label}\\(${l.key}\\)`).test(o.details),
      );
      expect({ lookup: `${l.variable}:${l.label}(${l.key})`, seeks: seeks.length > 0 }).toEqual({
        lookup: `${l.variable}:${l.label}(${l.key})`,
        seeks: true,
      });
    },
  );
});

describe('the claim page queries with their rows (@rows), either way', () => {
  // What the API runs for a page whose edges are selected: the page query wrapped with the claim
  // projection (src/db/queries.ts). Each row's claim is one seek of the id index, whatever the page.
  const pages = names.filter((n) => /^claims\/page-/.test(n));
  it.each(pages.flatMap((n) => [`${n}@rows`, `${n}@backward@rows`]))('%s', async (name) => {
    const ops = planOperators(await executor.explain(name));
    expect(ops.map((o) => o.operator)).not.toContain('Eager');
    expect(ops.filter((o) => /Scan/.test(o.operator)).map((o) => `${o.operator} ${o.details}`)).toEqual([]);
    expect(
      ops.some((o) => o.operator.startsWith('NodeUniqueIndexSeek') && /:Claim\(id\)/.test(o.details)),
    ).toBe(true);
  });
});

describe('an actor by ref with one page of its claims (@of-ref), either way, with or without rows', () => {
  // Query.actor reading ahead for claimsMade / claimsAbout: the ref's lookups, then the page's
  // relationship-key range of the actor found. No scan, whatever the statistics.
  const perActor = ['claims/page-by-claimant', 'claims/page-by-target'];
  it.each(perActor.flatMap((n) => [`${n}@of-ref`, `${n}@rows@of-ref`, `${n}@backward@rows@of-ref`]))(
    '%s',
    async (name) => {
      const ops = planOperators(await executor.explain(name));
      expect(ops.map((o) => o.operator)).not.toContain('Eager');
      expect(ops.filter((o) => /Scan/.test(o.operator)).map((o) => `${o.operator} ${o.details}`)).toEqual([]);
      expect(ops.some((o) => /RelationshipIndexSeek/.test(o.operator))).toBe(true);
      expect(
        ops.some((o) => o.operator.startsWith('NodeUniqueIndexSeek') && /:Alias\(key\)/.test(o.details)),
      ).toBe(true);
    },
  );
});

describe('the bulk import statements stream', () => {
  // Each is one index seek per row and a CREATE: an Eager operator would hold the whole batch
  // in memory (what made the old single statement slow), a scan would read the whole graph.
  const importWrites = names.filter((n) => /^import\/(write|link)-/.test(n));
  it.each(importWrites)('%s has no Eager and no label scan', async (name) => {
    const ops = planOperators(await executor.explain(name));
    expect(ops.map((o) => o.operator)).not.toContain('Eager');
    expect(ops.filter((o) => /Scan/.test(o.operator)).map((o) => `${o.operator} ${o.details}`)).toEqual([]);
  });
});
