/* eslint-disable @typescript-eslint/no-explicit-any -- tests edit parsed YAML documents freely to break them */
import type { Executor } from '../../src/db/executor';
import { loadBundles } from '../../src/data/load';
import { readSourcePath, validateSourceFile } from '../../src/data/validate';
import { codePoints } from '../../src/data/anchor';
import { SEED_DIR } from '../../src/paths';
import { query } from '../../src/db/queries';
import { freshDatabase, seededDatabase, testExecutor } from '../support/db';
import { DataFileError } from '../../src/errors';
import { recordClaim } from '../../src/writes/claims';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

let executor: Executor;
const SEED_FILE = path.join(SEED_DIR, '2025-11-08-aljazeera-afghanistan-pakistan-talks.yaml');
const writer = { by: 'loader:test', role: 'system' };

beforeAll(async () => {
  executor = await testExecutor();
  await seededDatabase(executor);
});
afterAll(() => executor?.close());

/** Every node and relationship count in the graph: the "nothing changed" fingerprint. */
async function graphCounts() {
  const [row] = await executor.read('analysis/graph-counts');
  return row;
}

describe('the seed graph', () => {
  it('holds every attributed claim of the article, by kind', async () => {
    const rows = await executor.read('analysis/claims-by-kind');
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.claims]))).toEqual({
      ACCUSATION: 5,
      COMMITMENT: 5,
      DENIAL: 1,
      FIGURE: 3,
      STATEMENT: 5,
    });
  });

  it("links the Taliban's denial to Pakistan's accusation that Kabul harbours the TTP", async () => {
    const rows = await executor.read('analysis/accusations-with-denials', {});
    const harbouring = rows.find((r) => r.accusation === 'pakistan-accuses-kabul-of-harboring-ttp');
    expect(harbouring).toMatchObject({ accuser: 'Government of Pakistan' });
    expect(harbouring?.accused).toEqual(expect.arrayContaining(['Tehreek-e Taliban Pakistan']));
    expect(harbouring?.denials).toEqual([
      expect.objectContaining({ id: 'taliban-denies-sheltering-ttp', by: expect.stringMatching(/Taliban/) }),
    ]);
  });

  it("keeps the UN's and the Pakistani army's casualty figures as numbers", async () => {
    const rows = await executor.read('analysis/figures');
    const byClaimant = (name: string) =>
      rows.filter((r) => r.claimant === name).map((r) => [r.measure, r.value]);
    expect(byClaimant('United Nations')).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/civilian deaths/), 50],
        [expect.stringMatching(/injur/), 447],
        [expect.stringMatching(/fatalities|deaths/), 5],
      ]),
    );
    const army = byClaimant('Pakistani army');
    expect(army.map(([, v]) => v).sort()).toEqual([23, 29]);
    for (const r of rows) expect(typeof r.value).toBe('number');
  });

  it.each([
    ['Kabul', 'taliban-government'],
    ['kabul', 'taliban-government'],
    ['Islamabad', 'pakistan-government'],
    ['Turkey', 'turkiye'],
    ['TURKIYE', 'turkiye'],
    ['TTP', 'ttp'],
  ])('resolves the alias %s to %s', async (ref, id) => {
    const [row] = await executor.read('actors/resolve-ref', { ref });
    expect(row?.id).toBe(id);
  });

  it('re-finds every excerpt in its source at its offsets', async () => {
    const rows = await executor.read('analysis/excerpts-with-text');
    expect(rows.length).toBeGreaterThanOrEqual(19);
    for (const r of rows) {
      const text = codePoints(r.text as string);
      expect(text.slice(r.start as number, r.end as number).join('')).toBe(r.exact);
      expect(
        text
          .slice(Math.max(0, (r.start as number) - (r.prefix as string).length), r.start as number)
          .join(''),
      ).toBe(r.prefix);
    }
  });

  it('names Qatar and Turkiye as the mediators of the Istanbul talks', async () => {
    const rows = await executor.read('analysis/event-participants', { event: 'istanbul-talks' });
    expect(rows[0]?.mediators).toEqual(['Qatar', 'Turkiye']);
    expect(rows[0]?.parties).toEqual(expect.arrayContaining(['Government of Pakistan']));
    expect(rows[0]?.startDate).toBe('2025-11-06');
    expect(rows[0]?.endDate).toBe('2025-11-07');
  });

  it('resolves "on Friday" against the publication date and keeps the words', async () => {
    const rows = await executor.read('analysis/claims-by-actor', { actor: 'pakistan-government' });
    const deadlock = rows.find((r) => r.id === 'pakistan-confirms-talks-deadlock');
    expect(deadlock).toMatchObject({ statedOn: '2025-11-07', statedOnText: expect.stringMatching(/Friday/) });
  });

  it('counts who accuses whom', async () => {
    const rows = await executor.read('analysis/who-accuses-whom');
    const pairs = Object.fromEntries(
      rows.map((r) => [`${String(r.accuser)} → ${String(r.accused)}`, r.accusations]),
    );
    expect(pairs).toMatchObject({
      'Taliban government → Government of Pakistan': 3,
      'Government of Pakistan → Taliban government': 2,
      'Government of Pakistan → Tehreek-e Taliban Pakistan': 1,
    });
    expect(rows[0]?.accusations).toBe(3); // most frequent first
  });

  it('connects two actors through claims and events, shortest paths first, within the bound', async () => {
    const rows = await executor.read('graph/connections@6', { from: 'qatar', to: 'ttp', limit: 25 });
    expect(rows.length).toBeGreaterThan(0);
    const [shortest] = rows;
    expect(shortest?.length).toBe(4);
    const steps = shortest?.steps as { id: string; relationship: string | null }[];
    expect(steps[0]?.id).toBe('qatar');
    expect(steps[steps.length - 1]?.id).toBe('ttp');
    expect(steps.map((s) => s.relationship)).toContain('MEDIATED_BY');
    expect(await executor.read('graph/connections@3', { from: 'qatar', to: 'ttp', limit: 25 })).toEqual([]);
  });

  it('refuses a bound on a query that takes none', () => {
    expect(() => query('analysis/figures@3')).toThrow(/takes no bound/);
  });

  it('keeps the outlet that reported a claim apart from its claimant', async () => {
    const [p] = await executor.read('analysis/claim-provenance', {
      id: 'un-afghan-civilian-casualties-since-october',
    });
    expect(p).toMatchObject({ claimant: 'United Nations', outlet: 'Al Jazeera' });
  });
});

describe('loading', () => {
  it('is a no-op the second time', async () => {
    const before = await graphCounts();
    const results = await loadBundles(executor, readSourcePath(SEED_DIR), writer);
    expect(results.map((r) => r.status)).toEqual(['unchanged']);
    expect(await graphCounts()).toEqual(before);
  });

  /** Loads a mutated copy of the seed file and expects it rejected with the graph unchanged. */
  async function expectRejected(mutate: (doc: Record<string, any>) => void, pattern: RegExp) {
    const doc = YAML.parse(fs.readFileSync(SEED_FILE, 'utf8')) as Record<string, any>;
    mutate(doc);
    const before = await graphCounts();
    let error: unknown;
    try {
      const bundle = validateSourceFile('broken.yaml', YAML.stringify(doc));
      await loadBundles(executor, [bundle], writer);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(/^broken\.yaml: /);
    expect((error as Error).message).toMatch(pattern);
    expect(await graphCounts()).toEqual(before);
  }

  it('rejects a misquoted excerpt, naming the claim and field, and writes nothing', async () => {
    await expectRejected((doc) => {
      doc.claims[0].excerpts[0].exact = doc.claims[0].excerpts[0].exact.replace(/\w+/, 'Misquoted');
    }, /claims\[0\].*excerpts\[0\]\.exact/);
  });

  it('rejects an unknown actor and writes nothing', async () => {
    await expectRejected((doc) => {
      doc.claims[1].claimant = 'no-such-actor';
    }, /claims\[1\].*claimant.*no-such-actor/);
  });

  it('rejects a bad date and writes nothing', async () => {
    await expectRejected((doc) => {
      doc.source.publishedAt = '2025-02-30';
    }, /publishedAt/);
  });

  it('rejects, at write time, an alias that already names another actor in the graph', async () => {
    const doc = YAML.parse(fs.readFileSync(SEED_FILE, 'utf8')) as Record<string, any>;
    doc.source.url = 'https://example.org/another-article';
    doc.actors = [{ id: 'someone-else', name: 'Someone Else', kind: 'OTHER', aliases: ['Kabul'] }];
    doc.roles = [];
    doc.events = [];
    doc.claims = [
      {
        id: 'someone-else-claim',
        kind: 'STATEMENT',
        claimant: 'someone-else',
        content: 'A claim.',
        excerpts: [{ exact: 'International', start: 0, end: 13 }],
      },
    ];
    doc.source.publisher = 'someone-else';
    const before = await graphCounts();
    const bundle = validateSourceFile('other.yaml', YAML.stringify(doc));
    await expect(loadBundles(executor, [bundle], writer)).rejects.toThrow(
      /other\.yaml: actors\[0\] \(id "someone-else"\): aliases: "Kabul" already names actor "taliban-government"/,
    );
    expect(await graphCounts()).toEqual(before);
  });
});

describe('a claim dropped from its data file', () => {
  it('is kept, live, and reported for review (never silently deleted)', async () => {
    const doc = YAML.parse(fs.readFileSync(SEED_FILE, 'utf8')) as Record<string, any>;
    const dropped = doc.claims.findIndex(
      (c: { id: string }) => c.id === 'taliban-will-defend-against-aggression',
    );
    doc.claims.splice(dropped, 1);
    const [result] = await loadBundles(
      executor,
      [validateSourceFile('trimmed.yaml', YAML.stringify(doc))],
      writer,
    );
    expect(result).toMatchObject({ status: 'loaded', orphans: ['taliban-will-defend-against-aggression'] });
    const rows = await executor.read('claims/by-ids', {
      ids: ['taliban-will-defend-against-aggression'],
      related: false,
      parts: null,
    });
    expect(rows[0]).toMatchObject({ status: 'UNCONTESTED' });
    // The file as it was: nothing is orphaned any more.
    const [again] = await loadBundles(executor, readSourcePath(SEED_DIR), writer);
    expect(again?.orphans).toEqual([]);
  });
});

describe('a source whose text other claims are anchored in', () => {
  it('refuses a reload that would change the text under them', async () => {
    const doc = YAML.parse(fs.readFileSync(SEED_FILE, 'utf8')) as Record<string, any>;
    await recordClaim(
      executor,
      { by: 'test', role: 'editor' },
      {
        kind: 'STATEMENT',
        claimant: 'United Nations',
        content: 'Recorded through the API against the seed source.',
        source: doc.source.url,
        excerpt: 'The United Nations reports',
      },
    );
    doc.source.text = `${doc.source.text} A correction was appended.`;
    const before = await graphCounts();
    const bundle = validateSourceFile('edited.yaml', YAML.stringify(doc));
    await expect(loadBundles(executor, [bundle], writer)).rejects.toThrow(
      /^edited\.yaml: source: text: differs from the text already stored .* 1 excerpt\(s\) of other claims/,
    );
    expect(await graphCounts()).toEqual(before);
  });
});

describe('a fresh database', () => {
  it('gets the same graph from the same input, whichever time it is loaded', async () => {
    await freshDatabase(executor);
    await loadBundles(executor, readSourcePath(SEED_DIR), writer);
    const once = await graphCounts();
    await seededDatabase(executor);
    expect(await graphCounts()).toEqual(once);
  });
});
