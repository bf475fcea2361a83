import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { Executor, type Row, type Tx } from '../../src/db/executor';
import { migrate } from '../../src/db/migrate';
import { loadBundles } from '../../src/data/load';
import { readSourcePath, validateSourceFile } from '../../src/data/validate';
import type { SourceBundle } from '../../src/data/types';
import { ClaimgraphError } from '../../src/errors';
import { importPath } from '../../src/import';
import { SEED_DIR } from '../../src/paths';
import { linkDenial, recordClaim, retractClaim } from '../../src/writes/claims';
import { extractClaims } from '../../src/writes/extraction';
import { rejectDraft, resolvePlaceholder, verifyDraft } from '../../src/writes/review';
import { addSource } from '../../src/writes/sources';
import { startTestApp, type TestApp } from '../support/app';
import { seededDatabase } from '../support/db';
import { testTarget } from '../setup/neo4j-target';

/**
 * The stored claim status (c.status, kept by every write: src/writes/status.ts) against the rule
 * itself (claims/derived-status works it out from the graph as it stands, without the stored
 * values), after every write of random sequences; two writes racing on one claim's status; and
 * the cost of contradictions and disputes, by Neo4j's own PROFILE, at two graph sizes.
 */
let executor: Executor;
const writer = { by: 'test:status', role: 'editor' };

const BASE = 'https://example.org/status/base';
const BASE_TEXT = 'Officials said the border was calm. Others denied it outright.';
const COPY = 'https://example.org/status/seed-copy';

const ACTORS = [
  { id: 'status-a', name: 'Status Desk Alpha', kind: 'GOVERNMENT' },
  { id: 'status-b', name: 'Status Desk Beta', kind: 'MEDIA' },
  { id: 'status-unnamed', name: 'an unnamed official (status)', kind: 'PERSON', placeholder: true },
];
const CLAIMANTS = ACTORS.map((a) => a.id);
const EVENTS = [
  { id: 'status-e1', kind: 'CLASHES', name: 'Status clashes one' },
  { id: 'status-e2', kind: 'ATTACKS', name: 'Status attacks two' },
];
const EVENT_SETS = [[], ['status-e1'], ['status-e2'], ['status-e1', 'status-e2']];
// Spelled differently on purpose: the rule trims and ignores case.
const MEASURES = ['deaths', 'Deaths ', 'injuries'];
const UNITS = ['person', 'PERSON', null];
const VALUES = [10, 20];

interface FigureSpec {
  value: number;
  unit: number;
  measure: number;
}
interface FigureClaimSpec {
  claimant: number;
  events: number;
  figures: FigureSpec[];
  draft: boolean;
}

/** A source file of figure claims, as a fact-checker would write it (validated like any file). */
function figureFile(file: string, claims: FigureClaimSpec[], events = EVENTS): SourceBundle {
  const text = `Figures from desk ${file}: officials counted the dead and the injured.`;
  const exact = 'officials counted the dead and the injured';
  const start = text.indexOf(exact);
  const doc = {
    source: {
      url: `https://example.org/status/figures-${file}`,
      title: `Figures ${file}`,
      publishedAt: '2025-11-10',
      text,
    },
    actors: ACTORS,
    events,
    claims: claims.map((c, j) => ({
      id: `status-fig-${file}-${j}`,
      kind: 'FIGURE',
      claimant: CLAIMANTS[c.claimant],
      content: `Desk ${file} reports figure ${j}.`,
      cue: 'says',
      ...(EVENT_SETS[c.events]!.length ? { about: EVENT_SETS[c.events] } : {}),
      figures: c.figures.map((f) => ({
        value: VALUES[f.value],
        measure: MEASURES[f.measure],
        ...(UNITS[f.unit] ? { unit: UNITS[f.unit] } : {}),
      })),
      ...(c.draft ? { origin: 'EXTRACTED', verification: 'DRAFT', confidence: 0.5, extractor: 'test' } : {}),
      excerpts: [{ exact, start, end: start + exact.length }],
    })),
  };
  return validateSourceFile(`status-figures-${file}.yaml`, YAML.stringify(doc));
}

const load = (bundles: SourceBundle[], ex: Executor = executor) =>
  loadBundles(ex, bundles, { by: 'loader:test', role: 'system' });

/** Every claim, its status by the rule, its stored status, kind and review state. */
const statuses = async (): Promise<Row[]> => executor.read('claims/derived-status');
const mismatches = async () => (await statuses()).filter((r) => r.derived !== r.stored);

/** A fresh seeded graph plus a source to record claims in and a copy of the seed text to extract. */
async function freshWorld(): Promise<void> {
  await seededDatabase(executor);
  await addSource(executor, writer, { url: BASE, text: BASE_TEXT, title: 'Status base' });
  const [seed] = readSourcePath(SEED_DIR);
  await addSource(executor, writer, {
    url: COPY,
    text: seed!.source.text,
    title: 'Seed copy',
    publishedAt: '2025-11-08',
  });
  // The test actors and events, with one figure claim.
  await load([
    figureFile('base', [
      { claimant: 0, events: 1, figures: [{ value: 0, unit: 0, measure: 0 }], draft: false },
    ]),
  ]);
}

// One world for the whole file (a seeded graph is slow to build): each block below adds to it
// and asserts only on what it wrote.
beforeAll(async () => {
  // A longer transaction budget than the other tests': this file loads many files of figure
  // claims on a machine shared with other runs, and what it checks is results, never time.
  executor = await Executor.connect({ ...testTarget(), txTimeoutMs: 120_000 });
  await freshWorld();
}, 600_000);
afterAll(() => executor?.close());

type Command =
  | { t: 'statement'; claimant: number }
  | { t: 'denial'; claimant: number; target: number }
  | { t: 'link'; denial: number; target: number }
  | { t: 'retract'; n: number }
  | { t: 'load'; file: number; claims: FigureClaimSpec[] }
  | { t: 'import'; figures: FigureClaimSpec[]; denials: ImportDenialSpec[] }
  | { t: 'verify'; n: number; claimant: number | null }
  | { t: 'reject'; n: number }
  | { t: 'extract' }
  | { t: 'resolve' };

/**
 * A denial in a bulk-import file, of `target`: 0 a claim in the graph (linked after the batches),
 * 1 a figure claim of the same file on an earlier line (in its batch, or committed in the one
 * before), 2 one on a later line (a forward denial).
 */
interface ImportDenialSpec {
  claimant: number;
  target: number;
  of: number;
}

const figureSpec = fc.record({ value: fc.nat(1), unit: fc.nat(2), measure: fc.nat(2) });
const figureClaim = fc.record({
  claimant: fc.nat(2),
  events: fc.nat(3),
  figures: fc.array(figureSpec, { minLength: 1, maxLength: 2 }),
  draft: fc.boolean(),
});
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('statement' as const), claimant: fc.nat(2) }), weight: 1 },
  {
    arbitrary: fc.record({ t: fc.constant('denial' as const), claimant: fc.nat(2), target: fc.nat() }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ t: fc.constant('link' as const), denial: fc.nat(), target: fc.nat() }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('retract' as const), n: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({
      t: fc.constant('load' as const),
      file: fc.nat(2),
      claims: fc.array(figureClaim, { minLength: 1, maxLength: 3 }),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      figures: fc.array(figureClaim, { minLength: 0, maxLength: 3 }),
      denials: fc.array(fc.record({ claimant: fc.nat(1), target: fc.nat(), of: fc.nat(2) }), {
        minLength: 0,
        maxLength: 2,
      }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ t: fc.constant('verify' as const), n: fc.nat(), claimant: fc.option(fc.nat(2)) }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('reject' as const), n: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ t: 'extract' as const }), weight: 1 },
  { arbitrary: fc.constant({ t: 'resolve' as const }), weight: 1 },
);

const pick = <T>(items: T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined;

/** Runs one command; a refusal (a coded error) is an outcome too: it must leave every status true. */
async function run(cmd: Command, rows: Row[]): Promise<string> {
  const ids = rows.map((r) => r.id as string);
  const live = rows.filter((r) => r.stored !== 'RETRACTED').map((r) => r.id as string);
  const denials = rows.filter((r) => r.kind === 'DENIAL').map((r) => r.id as string);
  const drafts = rows.filter((r) => r.verification === 'DRAFT').map((r) => r.id as string);
  try {
    switch (cmd.t) {
      case 'statement':
        await recordClaim(executor, writer, {
          kind: 'STATEMENT',
          claimant: CLAIMANTS[cmd.claimant]!,
          content: 'Officials said the border was calm.',
          source: BASE,
          excerpt: 'Officials said the border was calm',
        });
        return 'recorded';
      case 'denial':
        await recordClaim(executor, writer, {
          kind: 'DENIAL',
          claimant: CLAIMANTS[cmd.claimant]!,
          content: 'Others denied it outright.',
          source: BASE,
          excerpt: 'Others denied it outright',
          denies: [pick(ids, cmd.target)!],
        });
        return 'recorded';
      case 'link': {
        const denial = pick(denials, cmd.denial);
        if (!denial) return 'no denial';
        await linkDenial(executor, writer, denial, pick(ids, cmd.target)!);
        return 'linked';
      }
      case 'retract':
        await retractClaim(executor, writer, pick(live, cmd.n)!, 'test: wrong');
        return 'retracted';
      case 'load':
        await load([figureFile(String(cmd.file), cmd.claims)]);
        return 'loaded';
      case 'import':
        await importPath(
          executor,
          importFile(cmd, ids),
          { by: 'cli:test', role: 'system' },
          { batchSize: 2 },
        );
        return 'imported';
      case 'verify': {
        const draft = pick(drafts, cmd.n);
        if (!draft) return 'no draft';
        await verifyDraft(
          executor,
          writer,
          draft,
          cmd.claimant === null ? {} : { claimant: CLAIMANTS[cmd.claimant] },
        );
        return 'verified';
      }
      case 'reject': {
        const draft = pick(drafts, cmd.n);
        if (!draft) return 'no draft';
        await rejectDraft(executor, writer, draft, 'test: not a claim');
        return 'rejected';
      }
      case 'extract':
        await extractClaims(executor, writer, COPY);
        return 'extracted';
      case 'resolve':
        await resolvePlaceholder(executor, writer, 'status-unnamed', 'status-b');
        return 'resolved';
    }
  } catch (err) {
    if (err instanceof ClaimgraphError) return `refused: ${err.code}`;
    throw err;
  }
}

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-status-import-'));
afterAll(() => fs.rmSync(importDir, { recursive: true, force: true }));
let imports = 0;

/**
 * A bulk-import file (src/import) of figure claims and denials on the base source, in batches of
 * two lines: the import keys figures and stores statuses its own way (import/write-figures,
 * write-claims), so it is held to the same rule as every other write. Its claimants are the two
 * named actors (the placeholder may have been resolved away by then).
 */
function importFile(cmd: Extract<Command, { t: 'import' }>, ids: string[]): string {
  imports += 1;
  const excerpt = (exact: string) => {
    const start = BASE_TEXT.indexOf(exact);
    return [{ exact, start, end: start + exact.length }];
  };
  const figures = cmd.figures.map((c, j) => ({
    type: 'claim',
    source: BASE,
    id: `status-imp-${imports}-f${j}`,
    kind: 'FIGURE',
    claimant: CLAIMANTS[c.claimant % 2],
    content: `Import ${imports} reports figure ${j}.`,
    ...(EVENT_SETS[c.events]!.length ? { about: EVENT_SETS[c.events] } : {}),
    figures: c.figures.map((f) => ({
      value: VALUES[f.value],
      measure: MEASURES[f.measure],
      ...(UNITS[f.unit] ? { unit: UNITS[f.unit] } : {}),
    })),
    excerpts: excerpt('Officials said the border was calm'),
  }));
  const denial = (d: ImportDenialSpec, j: number) => ({
    type: 'claim',
    source: BASE,
    id: `status-imp-${imports}-d${j}`,
    kind: 'DENIAL',
    claimant: CLAIMANTS[d.claimant],
    content: 'Others denied it outright.',
    denies: [d.of === 0 || figures.length === 0 ? pick(ids, d.target)! : pick(figures, d.target)!.id],
    excerpts: excerpt('Others denied it outright'),
  });
  const denials = cmd.denials.map(denial);
  const forward = denials.filter((_, j) => cmd.denials[j]!.of === 2 && figures.length > 0);
  const lines = [...forward, ...figures, ...denials.filter((d) => !forward.includes(d))];
  const file = path.join(importDir, `import-${imports}.ndjson`);
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

/** A promise and its resolve. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * The executor, with every write paused just before its status refresh until `parties` writes
 * have got there: each has made its change (and holds its locks) when the refreshes start.
 */
function pausedBeforeRefresh(parties: number): Executor {
  let arrived = 0;
  const all = deferred();
  const paused = Object.create(executor) as Executor;
  paused.write = <T>(work: (tx: Tx) => Promise<T>) =>
    executor.write((tx) =>
      work({
        run: async (name, params) => {
          if (name === 'claims/refresh-figure-keys') {
            arrived += 1;
            if (arrived >= parties) all.resolve();
            await all.promise;
          }
          return tx.run(name, params);
        },
      }),
    );
  return paused;
}

const statusOf = async (id: string) => (await statuses()).find((r) => r.id === id)?.stored;

describe('disputes', () => {
  let app: TestApp;
  beforeAll(async () => {
    await load([
      figureFile('d', [
        { claimant: 0, events: 1, figures: [{ value: 0, unit: 0, measure: 0 }], draft: false },
        { claimant: 1, events: 1, figures: [{ value: 1, unit: 0, measure: 0 }], draft: false },
        { claimant: 2, events: 1, figures: [{ value: 1, unit: 0, measure: 0 }], draft: false },
      ]),
    ]);
    app = await startTestApp(executor);
  }, 120_000);
  afterAll(() => app?.stop());

  type Page = { disputes: { cursor: string; claim: { id: string; contradictedBy: { id: string }[] } }[] };
  const PAGE = `query ($actor: String, $first: Int, $after: String) {
    disputes(actor: $actor, first: $first, after: $after) { cursor claim { id contradictedBy { id } } }
  }`;
  async function all(actor: string | null, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { body: { data?: Page; errors?: unknown[] } } = await app.gql<Page>(PAGE, {
        actor,
        first,
        after,
      });
      expect(res.body.errors).toBeUndefined();
      const page: Page['disputes'] = res.body.data!.disputes;
      seen.push(...page.map((d) => d.claim.id));
      if (page.length < first) return seen;
      after = page[page.length - 1]!.cursor;
    }
  }

  it('pages with first/after through the same disputes as one page, in id order', async () => {
    const whole = await all(null, 100);
    expect(whole).toEqual([
      'pakistan-accuses-kabul-of-harboring-ttp',
      'status-fig-base-0',
      'status-fig-d-0',
      'status-fig-d-1',
      'status-fig-d-2',
    ]);
    expect(await all(null, 1)).toEqual(whole);
    expect(await all(null, 3)).toEqual(whole);
    // By actor: status-b's own claim, and the claims its claim contradicts (not status-fig-d-2,
    // disputed by others only).
    expect(await all('Status Desk Beta', 1)).toEqual([
      'status-fig-base-0',
      'status-fig-d-0',
      'status-fig-d-1',
    ]);
    const bad = await app.gql(PAGE, { after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('Claim.contradictedBy lists the contradicting figure claims', async () => {
    const res = await app.gql<Page>(PAGE, { first: 10 });
    const byId = Object.fromEntries(
      res.body.data!.disputes.map((d) => [d.claim.id, d.claim.contradictedBy.map((c) => c.id)]),
    );
    expect(byId['status-fig-d-0']).toEqual(['status-fig-d-1', 'status-fig-d-2']);
    expect(byId['status-fig-d-1']).toEqual(['status-fig-base-0', 'status-fig-d-0']);
    expect(byId['pakistan-accuses-kabul-of-harboring-ttp']).toEqual([]);
  });
});

describe('racing writes', () => {
  it('a new denial and the retraction of the only other denier, together: the claim stays DISPUTED', async () => {
    for (const round of [1, 2, 3]) {
      const input = (kind: string, denies: string[] = []) => ({
        kind,
        claimant: 'status-a',
        content: `Round ${round}: ${kind}.`,
        source: BASE,
        excerpt: kind === 'DENIAL' ? 'Others denied it outright' : 'Officials said the border was calm',
        denies,
      });
      const target = await recordClaim(executor, writer, input('STATEMENT'));
      const first = await recordClaim(executor, writer, input('DENIAL', [target]));
      expect(await statusOf(target)).toBe('DISPUTED');
      const paused = pausedBeforeRefresh(2);
      const [second] = await Promise.all([
        recordClaim(paused, writer, input('DENIAL', [target])),
        retractClaim(paused, writer, first, 'test: withdrawn'),
      ]);
      expect([round, await statusOf(target)]).toEqual([round, 'DISPUTED']);
      expect(await statusOf(first)).toBe('RETRACTED');
      // And with the second denier retracted too, nothing disputes it any more.
      await retractClaim(executor, writer, second, 'test: withdrawn');
      expect(await statusOf(target)).toBe('UNCONTESTED');
    }
    expect(await mismatches()).toEqual([]);
  }, 120_000);

  it('two drafts with disagreeing figures under one key, verified together: both DISPUTED', async () => {
    // Injuries: no other figure in the graph reports that measure for the event.
    await load([
      figureFile('race', [
        { claimant: 0, events: 1, figures: [{ value: 0, unit: 0, measure: 2 }], draft: true },
        { claimant: 1, events: 3, figures: [{ value: 1, unit: 1, measure: 2 }], draft: true },
      ]),
    ]);
    // Drafts dispute nothing.
    expect(await statusOf('status-fig-race-0')).toBe('UNCONTESTED');
    expect(await statusOf('status-fig-race-1')).toBe('UNCONTESTED');
    // Each verification alone sees the other as a draft; only their order under the key's lock
    // lets the second see the first.
    const paused = pausedBeforeRefresh(2);
    await Promise.all([
      verifyDraft(paused, writer, 'status-fig-race-0', {}),
      verifyDraft(paused, writer, 'status-fig-race-1', {}),
    ]);
    expect(await statusOf('status-fig-race-0')).toBe('DISPUTED');
    expect(await statusOf('status-fig-race-1')).toBe('DISPUTED');
    expect(await mismatches()).toEqual([]);
  }, 120_000);
});

describe('cost, by PROFILE', () => {
  /**
   * N unrelated figure claims: other events, the same measure, disagreeing among themselves. Each
   * file has events of its own, so a noise claim's contradictions stay those of its own file.
   */
  function noise(from: number, n: number): SourceBundle {
    const events = [1, 2, 3, 4, 5].map((i) => ({
      id: `noise-${from}-e${i}`,
      kind: 'CLASHES',
      name: `Noise clashes ${i}`,
    }));
    const text = 'Noise desk: officials counted the dead.';
    const exact = 'officials counted the dead';
    const start = text.indexOf(exact);
    const doc = {
      source: {
        url: `https://example.org/status/noise-${from}`,
        title: 'Noise',
        publishedAt: '2025-11-10',
        text,
      },
      actors: [
        { id: 'noise-a', name: 'Noise Desk A', kind: 'MEDIA' },
        { id: 'noise-b', name: 'Noise Desk B', kind: 'MEDIA' },
      ],
      events,
      claims: Array.from({ length: n }, (_, j) => ({
        id: `zz-noise-${String(from + j).padStart(6, '0')}`,
        kind: 'FIGURE',
        claimant: j % 2 ? 'noise-a' : 'noise-b',
        content: `Noise figure ${from + j}.`,
        about: [events[j % 5]!.id],
        figures: [{ value: j % 7, unit: 'person', measure: 'deaths' }],
        excerpts: [{ exact, start, end: start + exact.length }],
      })),
    };
    return validateSourceFile(`noise-${from}.yaml`, YAML.stringify(doc));
  }

  it('contradictions of one claim and a page of disputes cost the same with 10 times more figure claims', async () => {
    await load([
      figureFile('p', [
        { claimant: 0, events: 1, figures: [{ value: 0, unit: 0, measure: 0 }], draft: false },
        { claimant: 1, events: 1, figures: [{ value: 1, unit: 0, measure: 0 }], draft: false },
      ]),
    ]);
    // The plan the server has cached and one planned afresh from today's statistics: either may
    // be what a request runs, so the worse of the two counts.
    const dbHits = async (name: string, params: Record<string, unknown>) =>
      Math.max(
        (await executor.profile(name, params)).dbHits,
        (await executor.profile(name, params, { replan: 'force' })).dbHits,
      );
    const cost = async () => ({
      contradictions: await dbHits('claims/contradictions-by-ids', { ids: ['status-fig-p-0'] }),
      disputes: await dbHits('disputes/list', { after: '', first: 3 }),
      byActor: await dbHits('disputes/by-actor', { actor: 'status-a', after: '', first: 3 }),
      // An actor in every noise dispute: its page reads three of its disputes, however many it has.
      heavyByActor: await dbHits('disputes/by-actor', { actor: 'noise-a', after: '', first: 3 }),
      status: await dbHits('claims/by-ids', { ids: ['status-fig-p-0'], related: false, parts: null }),
    });
    await load([noise(0, 100)]);
    const small = await cost();
    await load([noise(100, 900)]);
    const large = await cost();
    // The same plan over the same rows; the statistics of a larger store may shift a plan by a
    // few hits, a scan would cost ten times as many.
    for (const k of Object.keys(small) as (keyof typeof small)[]) {
      expect([k, large[k] <= small[k] * 1.2]).toEqual([k, true]);
    }
    // The noise was disputed among itself, so the index did hold ten times more disputes.
    expect((await statuses()).filter((r) => r.stored === 'DISPUTED').length).toBeGreaterThan(900);
  }, 300_000);
});
describe('stored status', () => {
  it('equals the rule for every claim after every write of random sequences (fixed seed)', async () => {
    const outcomes = new Map<string, number>();
    let figureDisputes = 0;
    // Each sequence starts where the last one (and the blocks above) left the graph, so later
    // runs write over drafts, denials and figures the earlier ones made.
    let rows = await statuses();
    expect(rows.filter((r) => r.derived !== r.stored)).toEqual([]);
    const check = async (step: number, cmd: Command) => {
      const outcome = await run(cmd, rows);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      rows = await statuses();
      const wrong = rows.filter((r) => r.derived !== r.stored);
      expect({ step, cmd, outcome, wrong }).toEqual({ step, cmd, outcome, wrong: [] });
      // Each actor's disputes, paged from the IN_DISPUTE links the writes keep, are the ones the
      // walk through all of the actor's claims finds.
      for (const actor of CLAIMANTS) {
        const params = { actor, after: '', first: 1000 };
        const [indexed, walked] = [
          await executor.read('disputes/by-actor', params),
          await executor.read('test/disputes-by-actor-walk', params),
        ];
        expect({ step, cmd, actor, disputes: indexed }).toEqual({ step, cmd, actor, disputes: walked });
      }
      if (rows.some((r) => r.stored === 'DISPUTED' && String(r.id).startsWith('status-fig-')))
        figureDisputes += 1;
    };
    // A fixed tour through every kind of write first, then random sequences.
    const tour: Command[] = [
      {
        t: 'load',
        file: 0,
        claims: [
          { claimant: 2, events: 1, figures: [{ value: 1, unit: 0, measure: 0 }], draft: true },
          { claimant: 1, events: 3, figures: [{ value: 0, unit: 1, measure: 1 }], draft: true },
        ],
      },
      // An imported figure contradicting the base figure claim (committed long before), denials of
      // a claim in the graph, of the file's figure on an earlier line and on a later one.
      {
        t: 'import',
        figures: [{ claimant: 1, events: 1, figures: [{ value: 1, unit: 1, measure: 1 }], draft: false }],
        denials: [
          { claimant: 0, target: 0, of: 0 },
          { claimant: 1, target: 0, of: 1 },
          { claimant: 0, target: 0, of: 2 },
        ],
      },
      { t: 'extract' },
      { t: 'verify', n: 0, claimant: null },
      { t: 'reject', n: 0 },
      { t: 'resolve' },
      { t: 'denial', claimant: 0, target: 0 },
      { t: 'link', denial: 0, target: 3 },
      { t: 'retract', n: 1 },
      { t: 'statement', claimant: 1 },
    ];
    for (const [step, cmd] of tour.entries()) await check(step, cmd);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 8, maxLength: 10 }), async (commands) => {
        for (const [step, cmd] of commands.entries()) await check(step, cmd);
      }),
      { seed: 1111, numRuns: 3, endOnFailure: true },
    );
    // The sequences did reach every kind of write (and some refusals), so the check means something.
    for (const o of [
      'recorded',
      'linked',
      'retracted',
      'loaded',
      'imported',
      'verified',
      'rejected',
      'extracted',
      'resolved',
    ]) {
      expect({ [o]: (outcomes.get(o) ?? 0) > 0 }).toEqual({ [o]: true });
    }
    // Figure contradictions happened, not only denials.
    expect(figureDisputes).toBeGreaterThan(0);
  }, 600_000);

  it('is computed for existing data by migration 0006', async () => {
    await load([
      figureFile('m', [
        { claimant: 0, events: 1, figures: [{ value: 0, unit: 0, measure: 0 }], draft: false },
        { claimant: 1, events: 3, figures: [{ value: 1, unit: 1, measure: 1 }], draft: false },
      ]),
    ]);
    const before = await statuses();
    expect(before.filter((r) => r.stored === 'DISPUTED').map((r) => r.id)).toEqual(
      expect.arrayContaining(['status-fig-m-0', 'status-fig-m-1']),
    );
    expect(new Set(before.map((r) => r.stored))).toEqual(new Set(['UNCONTESTED', 'DISPUTED', 'RETRACTED']));
    // The store as it was before 0006: no stored status, no figure keys, 0006 not applied.
    await executor.write((tx) => tx.run('test/forget-stored-status'));
    expect((await statuses()).every((r) => r.stored === null)).toBe(true);
    const report = await migrate(executor);
    expect(report.applied).toEqual(['0006-claim-status']);
    expect(await mismatches()).toEqual([]);
    expect(await statuses()).toEqual(before);
    // ... and the keys it wrote are the ones the writes use: a new contradiction is seen.
    await load([
      figureFile('n', [
        { claimant: 2, events: 1, figures: [{ value: 1, unit: 0, measure: 0 }], draft: false },
      ]),
    ]);
    expect(await mismatches()).toEqual([]);
  }, 180_000);

  it('links the disputes already stored by migration 0010, as the writes link them', async () => {
    const disputesOf = async () =>
      Promise.all(
        CLAIMANTS.map((actor) => executor.read('disputes/by-actor', { actor, after: '', first: 1000 })),
      );
    const before = await disputesOf();
    expect(before.flat().length).toBeGreaterThan(0);
    await executor.write((tx) => tx.run('test/forget-dispute-links'));
    expect((await disputesOf()).flat()).toEqual([]);
    const report = await migrate(executor);
    expect(report.applied).toEqual(['0010-dispute-links']);
    expect(await disputesOf()).toEqual(before);
  });
});
