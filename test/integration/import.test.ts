/* eslint-disable @typescript-eslint/no-explicit-any -- tests break parsed records freely */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Executor } from '../../src/db/executor';
import { ImportInvalidError, importPath } from '../../src/import';
import { FRESH_BATCHES } from '../../src/import/write';
import { PROJECT_ROOT } from '../../src/paths';
import { refreshClaimKeys } from '../../src/writes/keys';
import { refreshClaimStatus } from '../../src/writes/status';
import { writeSynthetic } from '../../bench/synthetic';
import { freshDatabase, seededDatabase, testExecutor } from '../support/db';
import { testNeo4jEnv } from '../setup/neo4j-target';
import { excerptsOf } from '../support/texts';

let executor: Executor;
const writer = { by: 'cli:test', role: 'system' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-import-'));

beforeAll(async () => {
  executor = await testExecutor();
});
afterAll(async () => {
  await executor?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const URL_A = 'https://desk.example.org/2026/11/border-crossing-report';
const TEXT_A =
  'Islamabad said on Monday that militants crossed from Afghan soil near the Chaman border. ' +
  'A Kabul spokesman rejected the claim, saying no fighters use Afghan territory. ' +
  'Local officials reported that 12 people were injured at the crossing.';

/** Code-point offsets of `exact` in TEXT_A. */
const at = excerptsOf(TEXT_A);

/** A small import in every record type; it builds on the seed's actors (pakistan-government). */
function lines(): object[] {
  return [
    {
      type: 'actor',
      id: 'chaman-local-officials',
      name: 'Chaman local officials',
      kind: 'OTHER',
      aliases: ['local officials at Chaman'],
    },
    { type: 'actor', id: 'desk-gazette', name: 'Desk Gazette', kind: 'MEDIA' },
    { type: 'role', actor: 'chaman-local-officials', relation: 'PART_OF', of: 'pakistan-government' },
    {
      type: 'source',
      url: URL_A,
      title: 'Border crossing report',
      publisher: 'desk-gazette',
      publishedAt: '2026-11-03',
      text: TEXT_A,
    },
    {
      type: 'event',
      id: 'chaman-crossing-2026',
      kind: 'CLASHES',
      name: 'Chaman crossing incident',
      startDate: '2026-11-02',
      parties: ['pakistan-government'],
    },
    // The denial comes before the accusation it denies: a forward `denies`, linked at the end.
    {
      type: 'claim',
      source: URL_A,
      id: 'kabul-rejects-crossing-claim',
      kind: 'DENIAL',
      claimant: 'taliban-government',
      content: 'No fighters use Afghan territory.',
      cue: 'rejected',
      denies: ['islamabad-says-militants-crossed'],
      excerpts: [at('A Kabul spokesman rejected the claim, saying no fighters use Afghan territory.')],
    },
    {
      type: 'claim',
      source: URL_A,
      id: 'islamabad-says-militants-crossed',
      kind: 'ACCUSATION',
      claimant: 'pakistan-government',
      targets: ['taliban-government'],
      about: ['chaman-crossing-2026'],
      content: 'Militants crossed from Afghan soil.',
      cue: 'said',
      statedOn: '2026-11-02',
      statedOnText: 'on Monday',
      excerpts: [
        at('Islamabad said on Monday that militants crossed from Afghan soil near the Chaman border.'),
      ],
    },
    {
      type: 'claim',
      source: URL_A,
      id: 'officials-report-12-injured',
      kind: 'FIGURE',
      claimant: 'chaman-local-officials',
      about: ['chaman-crossing-2026'],
      content: '12 people were injured at the crossing.',
      cue: 'reported',
      figures: [{ value: 12, unit: 'person', measure: 'injuries' }],
      excerpts: [at('Local officials reported that 12 people were injured at the crossing.')],
    },
  ];
}

function write(name: string, records: object[], extra = ''): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n' + extra);
  return file;
}

async function fingerprint() {
  const [row] = await executor.read('analysis/graph-counts');
  return row;
}

describe('bulk import (npm run import)', () => {
  beforeEach(() => seededDatabase(executor));

  it('writes every record type in the graph model the API reads, with anchored excerpts and audit events', async () => {
    const result = await importPath(executor, write('ok.ndjson', lines()), writer, { batchSize: 3 });
    expect(result.written).toEqual({ actor: 2, role: 1, source: 1, event: 1, claim: 3 });
    expect(result.denials).toBe(1);

    const [claim] = await executor.read('claims/by-ids', {
      ids: ['islamabad-says-militants-crossed'],
      related: false,
      parts: null,
    });
    expect(claim).toMatchObject({
      kind: 'ACCUSATION',
      status: 'DISPUTED', // denied by a claim imported on an earlier line
      statedOn: '2026-11-02',
      claimant: 'pakistan-government',
      targets: ['taliban-government'],
      deniedBy: ['kabul-rejects-crossing-claim'],
    });
    // Prefix and suffix are derived from the source text, as for every other excerpt.
    expect((claim as any).evidence).toEqual([
      expect.objectContaining({ start: 0, prefix: '', suffix: TEXT_A.slice(88, 120), sourceUrl: URL_A }),
    ]);

    // The denial, imported before the claim it denies, makes that claim disputed.
    const disputes = await executor.read('analysis/accusations-with-denials', {});
    expect(disputes.find((d) => d.accusation === 'islamabad-says-militants-crossed')?.denials).toEqual([
      expect.objectContaining({ id: 'kabul-rejects-crossing-claim' }),
    ]);
    // Every write is recorded: one audit event per batch, naming who and the lines.
    const audit = await executor.read('claims/history-by-ids', { ids: ['officials-report-12-injured'] });
    expect(audit[0]?.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ by: 'cli:test', operation: 'import' })]),
    );
  });

  it('writes nothing on a second run of the same input', async () => {
    const file = write('twice.ndjson', lines());
    await importPath(executor, file, writer, {});
    const before = await fingerprint();
    const again = await importPath(executor, file, writer, {});
    expect(again.written).toEqual({ actor: 0, role: 0, source: 0, event: 0, claim: 0 });
    expect(again.batches).toBe(0);
    expect(again.unchanged).toBe(8);
    expect(await fingerprint()).toEqual(before);
  });

  it('goes on after a crash from the last committed batch, ending with the same graph as one clean run', async () => {
    const file = write('crash.ndjson', lines());
    await importPath(executor, file, writer, { batchSize: 100 });
    const clean = await fingerprint();

    await seededDatabase(executor);
    // The process dies after its second batch committed (a batch is one transaction).
    let batches = 0;
    await expect(
      importPath(executor, file, writer, {
        batchSize: 2,
        onBatch: () => {
          batches += 1;
          if (batches === 2) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const resumed = await importPath(executor, file, writer, { batchSize: 2 });
    expect(resumed.unchanged).toBe(4); // the two committed batches
    expect(resumed.written.claim).toBe(3);
    const after = (await fingerprint()) as { nodes: [string, number][]; relationships: [string, number][] };
    const withoutAudit = (f: typeof after) => ({
      nodes: f.nodes.filter(([l]) => l !== 'AuditEvent'),
      relationships: f.relationships.filter(([t]) => t !== 'CHANGED'),
    });
    expect(withoutAudit(after)).toEqual(withoutAudit(clean as typeof after));
  });

  // The import sets page keys, figure keys and status as it writes (import/write-claims,
  // write-figures, and UNCONTESTED but for what refresh-status redoes), not through claims/refresh-keys and refresh-figure-keys: what
  // it stores must be exactly what those refreshes would, or pages and disputes would be wrong.
  it('stores the page keys, figure keys and status the ordinary refreshes would store', async () => {
    const records = lines() as any[];
    records[6].targets = ['taliban-government', 'desk-gazette'];
    await importPath(executor, write('derived.ndjson', records), writer, { batchSize: 3 });
    const ids = records.filter((r) => r.type === 'claim').map((r) => r.id as string);
    const stored = await executor.read('test/claim-derived', { ids });
    expect(stored.find((r) => r.id === 'islamabad-says-militants-crossed')).toMatchObject({
      sortKey: 'VERIFIED|2026-11-02|islamabad-says-militants-crossed',
      confidenceKey: 'VERIFIED|-|islamabad-says-militants-crossed',
      status: 'DISPUTED',
      linkKeys: [
        'CLAIMED_BY pakistan-government|VERIFIED|2026-11-02|islamabad-says-militants-crossed',
        'TARGETS desk-gazette|VERIFIED|2026-11-02|islamabad-says-militants-crossed',
        'TARGETS taliban-government|VERIFIED|2026-11-02|islamabad-says-militants-crossed',
      ],
    });
    expect(stored.find((r) => r.id === 'officials-report-12-injured')).toMatchObject({
      status: 'UNCONTESTED',
      figureKeys: ['chaman-crossing-2026\u001Finjuries\u001Fperson'],
      keyed: ['chaman-crossing-2026\u001Finjuries\u001Fperson'],
    });
    await executor.write(async (tx) => {
      await refreshClaimKeys(tx, ids);
      await refreshClaimStatus(tx, ids);
    });
    expect(await executor.read('test/claim-derived', { ids })).toEqual(stored);
  });

  // A claim line takes the review state a YAML source file's claim takes (origin, verification,
  // confidence, extractor; `npm run extract` writes them), and an actor line `placeholder`: the
  // import stores them as the loader does, instead of writing every claim CURATED and VERIFIED.
  it('stores review state and placeholders as the loader does: a DRAFT is unreviewed, disputes nothing, pages under DRAFT', async () => {
    const records = lines() as any[];
    // The denial (line 6) becomes an extractor's draft; the figure claim (line 8) a verified one.
    Object.assign(records[5], {
      origin: 'EXTRACTED',
      verification: 'DRAFT',
      confidence: 0.42,
      extractor: 'claimgraph-rules/1.0.0:verb',
    });
    Object.assign(records[7], { origin: 'EXTRACTED', verification: 'VERIFIED', confidence: 0.9 });
    // An unnamed source: named like an actor of the graph, which only a placeholder may be.
    records.splice(1, 0, {
      type: 'actor',
      id: 'unnamed-kabul-officials',
      name: 'Kabul',
      kind: 'OTHER',
      placeholder: true,
    });
    records[6].claimant = 'unnamed-kabul-officials';
    const result = await importPath(executor, write('review.ndjson', records), writer, { batchSize: 4 });
    expect(result.written.claim).toBe(3);

    const rows = await executor.read('claims/by-ids', {
      ids: [
        'kabul-rejects-crossing-claim',
        'officials-report-12-injured',
        'islamabad-says-militants-crossed',
      ],
      related: false,
      parts: null,
    });
    const byId = new Map(rows.map((r) => [r.id as string, r as any]));
    // The extraction's fields are the row's 'details' part (fragments/claim-row).
    expect(byId.get('kabul-rejects-crossing-claim')!.details).toMatchObject({
      origin: 'EXTRACTED',
      verification: 'DRAFT',
      confidence: 0.42,
      extractor: 'claimgraph-rules/1.0.0:verb',
      review: null,
    });
    expect(byId.get('officials-report-12-injured')!.details).toMatchObject({
      origin: 'EXTRACTED',
      verification: 'VERIFIED',
      confidence: 0.9,
      extractor: null,
      review: expect.objectContaining({ verification: 'VERIFIED', by: 'cli:test' }),
    });
    expect(byId.get('islamabad-says-militants-crossed')!.details).toMatchObject({
      origin: 'CURATED',
      verification: 'VERIFIED',
      confidence: null,
    });
    // Denied only by a draft: not disputed (a draft takes part in nothing until verified).
    expect(byId.get('islamabad-says-militants-crossed')!.status).toBe('UNCONTESTED');
    const ids = [...byId.keys()];
    const stored = await executor.read('test/claim-derived', { ids });
    expect(stored.find((r) => r.id === 'kabul-rejects-crossing-claim')).toMatchObject({
      sortKey: 'DRAFT|-|kabul-rejects-crossing-claim',
      confidenceKey: 'DRAFT|0420000|kabul-rejects-crossing-claim',
    });
    // What the import stored is what the ordinary refreshes store for the same review state.
    await executor.write(async (tx) => {
      await refreshClaimKeys(tx, ids);
      await refreshClaimStatus(tx, ids);
    });
    expect(await executor.read('test/claim-derived', { ids })).toEqual(stored);

    // The placeholder has no names in the graph: "Kabul" still means the actor it meant.
    const [actor] = await executor.read('actors/by-ids', { ids: ['unnamed-kabul-officials'] });
    expect(actor?.actor).toMatchObject({ placeholder: true, name: 'Kabul' });
    const [ref] = await executor.read('actors/resolve-ref', { ref: 'Kabul' });
    expect(ref?.id).toBe('taliban-government');
  });

  describe('a later import disputes claims an earlier one committed', () => {
    const status = async (id: string) => {
      const row = (await executor.read('claims/derived-status')).find((r) => r.id === id);
      return { id, stored: row?.stored, derived: row?.derived };
    };
    // One claim of the later file, on the first file's source, in the first file's words.
    const later = (name: string, claim: object) =>
      write(name, [
        {
          type: 'claim',
          source: URL_A,
          claimant: 'taliban-government',
          excerpts: [at('Local officials reported that 12 people were injured at the crossing.')],
          ...claim,
        },
      ]);

    beforeEach(async () => {
      await importPath(executor, write('first.ndjson', lines()), writer, {});
      expect(await status('officials-report-12-injured')).toEqual({
        id: 'officials-report-12-injured',
        stored: 'UNCONTESTED',
        derived: 'UNCONTESTED',
      });
    });

    it('by denying one, in the graph before the import or in an earlier batch of it', async () => {
      // Line 1 denies a claim of the first import (a denial of a claim in the graph is linked
      // after every batch); line 3 denies line 2's claim, committed in the batch before its own.
      const file = write('later-denials.ndjson', [
        {
          type: 'claim',
          source: URL_A,
          id: 'kabul-denies-injuries',
          kind: 'DENIAL',
          claimant: 'taliban-government',
          content: 'Nobody was injured at the crossing.',
          denies: ['officials-report-12-injured'],
          excerpts: [at('Local officials reported that 12 people were injured at the crossing.')],
        },
        {
          type: 'claim',
          source: URL_A,
          id: 'kabul-rejects-the-claim',
          kind: 'STATEMENT',
          claimant: 'taliban-government',
          content: 'Kabul rejected the claim.',
          excerpts: [at('A Kabul spokesman rejected the claim, saying no fighters use Afghan territory.')],
        },
        {
          type: 'claim',
          source: URL_A,
          id: 'islamabad-denies-the-rejection',
          kind: 'DENIAL',
          claimant: 'pakistan-government',
          content: 'Kabul did not reject the claim.',
          denies: ['kabul-rejects-the-claim'],
          excerpts: [at('A Kabul spokesman rejected the claim, saying no fighters use Afghan territory.')],
        },
      ]);
      const result = await importPath(executor, file, writer, { batchSize: 1 });
      expect(result.batches).toBe(4); // three of one line each, then the denial of the graph's claim
      for (const id of ['officials-report-12-injured', 'kabul-rejects-the-claim']) {
        expect(await status(id)).toEqual({ id, stored: 'DISPUTED', derived: 'DISPUTED' });
      }
      for (const id of ['kabul-denies-injuries', 'islamabad-denies-the-rejection']) {
        expect(await status(id)).toEqual({ id, stored: 'UNCONTESTED', derived: 'UNCONTESTED' });
      }
    });

    it('by another figure under the same key (event, measure, unit), which is disputed too', async () => {
      await importPath(
        executor,
        later('later-figure.ndjson', {
          id: 'kabul-says-3-injured',
          kind: 'FIGURE',
          content: '3 people were injured at the crossing.',
          about: ['chaman-crossing-2026'],
          // Spelled otherwise: the key trims and ignores case.
          figures: [{ value: 3, unit: 'Person', measure: ' Injuries' }],
        }),
        writer,
        {},
      );
      for (const id of ['officials-report-12-injured', 'kabul-says-3-injured']) {
        expect(await status(id)).toEqual({ id, stored: 'DISPUTED', derived: 'DISPUTED' });
      }
    });
  });

  it.each([
    [
      'an unknown claimant',
      (r: any[]) => void (r[6].claimant = 'no-such-actor'),
      /line 7 .*claimant: unknown actor "no-such-actor"/,
    ],
    [
      'a reference to a later line',
      (r: any[]) => r.unshift(r.splice(2, 1)[0]),
      /line 1 \(role .*actor: actor "chaman-local-officials" is defined only later, on line 2/,
    ],
    [
      'excerpt offsets that do not match the text',
      (r: any[]) => void (r[6].excerpts[0].start += 1),
      /line 7 .*excerpts\[0\]\.exact: does not match source\.text/,
    ],
    [
      'a duplicate id',
      (r: any[]) => void r.push({ ...r[7] }),
      /line 9 .*id: duplicate claim; already defined on line 8/,
    ],
    [
      'an id the graph holds with other content',
      (r: any[]) => void (r[7].id = 'pakistan-accuses-kabul-of-harboring-ttp'),
      /already in the graph with other content/,
    ],
    [
      'a full-width look-alike of a name in the graph',
      (r: any[]) => void (r[0].aliases = ['\uFF2B\uFF41\uFF42\uFF55\uFF4C']),
      /"kabul" already names actor "taliban-government"/,
    ],
    [
      'a bidirectional override in a name',
      (r: any[]) => void (r[0].name = 'Chaman \u202Eofficials'),
      /name: contains the bidirectional formatting character U\+202E/,
    ],
    [
      'a verification a data file cannot give',
      (r: any[]) => void (r[6].verification = 'REJECTED'),
      /line 7 \(claim "islamabad-says-militants-crossed"\): verification: Invalid option: expected one of "DRAFT"\|"VERIFIED"/,
    ],
    [
      'a confidence above 1',
      (r: any[]) => void (r[6].confidence = 1.5),
      /line 7 \(claim "islamabad-says-militants-crossed"\): confidence: must be between 0 and 1/,
    ],
    [
      'an origin that is neither CURATED nor EXTRACTED',
      (r: any[]) => void (r[6].origin = 'SCRAPED'),
      /line 7 \(claim "islamabad-says-militants-crossed"\): origin: /,
    ],
    [
      'a name of another actor',
      (r: any[]) => void (r[0].aliases = ['Islamabad']),
      /"islamabad" already names actor "pakistan-government"/,
    ],
  ])('refuses %s with file and line, and writes nothing', async (_what, breakIt, message) => {
    const records = lines() as any[];
    breakIt(records);
    const before = await fingerprint();
    const err = await importPath(executor, write('bad.ndjson', records), writer, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportInvalidError);
    expect((err as ImportInvalidError).errors.map((e) => e.message).join('\n')).toMatch(message);
    expect((err as ImportInvalidError).message).toContain('bad.ndjson');
    expect(await fingerprint()).toEqual(before);
  });

  it('reports every bad line at once, including lines that are not JSON', async () => {
    const records = lines() as any[];
    records[6].claimant = 'nobody-at-all';
    const err = (await importPath(
      executor,
      write('many.ndjson', records, '{"type": "claim", oops\n{"type":"rumour"}\n'),
      writer,
      {},
    ).catch((e: unknown) => e)) as ImportInvalidError;
    expect(err.errors.map((e) => e.record)).toEqual([
      'line 9',
      'line 10',
      'line 7 (claim "islamabad-says-militants-crossed")',
    ]);
    expect(err.errors[1]!.message).toMatch(/`type` must be one of actor, role, source, event, claim/);
  });
});

// A bulk import's first batch runs on plans made while the graph was empty, where every label's
// count is 0 and the planner's estimates say any start is cheap: the status rule then read every
// claim (or every FIGURE claim) for each claim checked, 20 million db hits for 5,000 claims, and a
// plan cached then kept being used. So the import's first batches are small, and its status
// statements are planned afresh for the first FRESH_BATCHES batches (their @fresh variants,
// CYPHER replan=force), whose last plan, made on a graph of thousands of records, the cache keeps.
describe('the status statements of the import', () => {
  it('start with batches of 100 and 1,000 records, then the batch size', async () => {
    await freshDatabase(executor);
    const file = path.join(dir, 'ramp.ndjson');
    await writeSynthetic(file, { claims: 3000, actors: 10, sources: 60 });
    const written: number[] = [];
    await importPath(executor, file, writer, { batchSize: 1500, onBatch: (p) => written.push(p.written) });
    expect(written.slice(0, 3)).toEqual([100, 1100, 2600]);
  });

  it('planned afresh for the first batches, then run from the cache, cost each claim a few db hits', async () => {
    await freshDatabase(executor);
    // The plans a first batch would cache, made on the empty graph.
    const empty = { replan: 'force' as const, rollback: true };
    await executor.profile('claims/refresh-status', { ids: [], keys: [] }, empty);
    await executor.profile('disputes/refresh-links', { ids: [] }, empty);
    const file = path.join(dir, 'plans.ndjson');
    await writeSynthetic(file, { claims: 3000, actors: 300, sources: 60 });
    const result = await importPath(executor, file, writer, { batchSize: 1000 });
    // Batches after the first FRESH_BATCHES ran these statements from the plan cache.
    expect(result.batches).toBeGreaterThan(FRESH_BATCHES);
    const ids = Array.from({ length: 3000 }, (_, i) => `synthetic-claim-${i}`);
    // What a later batch runs: the cached plans, and the same statements planned from the
    // statistics of now. Every fifth synthetic claim denies the one before it, so about 600 of
    // these are disputed and refresh-links rebuilds their links.
    for (const replan of ['skip', 'force'] as const) {
      const opts = { replan, rollback: true };
      const refresh = await executor.profile('claims/refresh-status', { ids, keys: [] }, opts);
      const links = await executor.profile('disputes/refresh-links', { ids }, opts);
      // About 10 and 20 per claim; the walk from the claim_kind index cost 11,000 per claim, a
      // scan of the actors for each claim would cost 300.
      expect(refresh.dbHits).toBeLessThan(30 * ids.length);
      expect(links.dbHits).toBeLessThan(50 * ids.length);
    }
  });
});

describe('the import command line', () => {
  const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'import.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...testNeo4jEnv() },
    });

  beforeEach(() => seededDatabase(executor));

  it('imports, reports what it wrote and the rate, then reports nothing to do', () => {
    const file = write('cli.ndjson', lines());
    const first = run(file);
    expect(first.stderr).toContain('valid; 8 record(s) to write, 0 already in the graph');
    expect(first.stdout).toMatch(
      /^imported 3 claims, 2 actors, 1 sources, 1 events, 1 roles, 1 denial links in \d+ batch/,
    );
    expect(first.status).toBe(0);
    const second = run(file);
    expect(second.stderr).toContain('valid; 0 record(s) to write, 8 already in the graph');
    expect(second.status).toBe(0);
  });

  it('prints every problem and exits 1 without writing', () => {
    const records = lines() as any[];
    records[7].excerpts[0].end = 100_000;
    const r = run(write('cli-bad.ndjson', records));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /cli-bad\.ndjson: line 8 \(claim "officials-report-12-injured"\): excerpts\[0\]\.end: 100000 is past the end/,
    );
    expect(r.stderr).toContain('nothing was imported: 1 problem(s) above');
  });

  it('explains its usage', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run import -- <file.ndjson | folder of them>');
  });
});
