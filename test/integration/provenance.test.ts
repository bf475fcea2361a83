/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field with matchers */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { createToken } from '../../src/auth';
import { loadBundles } from '../../src/data/load';
import { validateSourceFile } from '../../src/data/validate';
import { ImportInvalidError, importPath } from '../../src/import';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Executor } from '../../src/db/executor';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 12: corroboration (addEvidence), copies (markCopy, copy candidates), translations. Every
 * text here is written for the test, the Urdu too.
 */

let executor: Executor;
let app: TestApp;
let editor = '';
let reader = '';

const counts = () => executor.read('analysis/graph-counts');
const code = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;

const WIRE = 'https://wire.example.org/2026/11/12/border';
const COPY_1 = 'https://daily.example.org/2026/11/12/border-closed';
const COPY_2 = 'https://weekly.example.org/news/border';
const INDEPENDENT = 'https://independent.example.org/2026/11/13/border-report';

const WIRE_TEXT =
  'Peshawar, 12 November. The interior ministry said the Torkham crossing would stay shut until further notice, ' +
  'accusing militants of firing at border guards from the other side. Traders said hundreds of lorries were waiting ' +
  'on the road to the crossing, and that perishable goods were spoiling in the heat while drivers slept in their cabs.';
const SENTENCE = 'accusing militants of firing at border guards from the other side';

const URDU = 'https://urdu.example.org/2026/11/12/bayan';
const DESK = 'https://desk.example.org/translations/2026/11/12/bayan-en';
// "Islamabad, 12 November. The foreign ministry spokesman said that attacks were made from across
// the border. He gave no further details." (our own sentence, in Urdu)
const URDU_TEXT =
  'اسلام آباد، 12 نومبر۔ وزارت خارجہ کے ترجمان نے کہا کہ سرحد پار سے حملے کیے گئے۔ انہوں نے مزید تفصیلات نہیں بتائیں۔';
const URDU_WORDS = 'سرحد پار سے حملے کیے گئے';
const DESK_TEXT =
  'Islamabad, 12 November. The foreign ministry spokesman said that attacks were made from across the border. ' +
  'He gave no further details.';
const DESK_WORDS = 'attacks were made from across the border';

async function gql(query: string, variables: Record<string, unknown> = {}, token = editor) {
  return (await app.gql<any>(query, variables, { token })).body as any;
}

async function addSource(url: string, text: string, extra: Record<string, unknown> = {}) {
  const body = await gql(
    'mutation($i: AddSourceInput!) { addSource(input: $i) { url language copyCandidates { similarity source { url } } } }',
    { i: { url, text, ...extra } },
  );
  expect(body.errors).toBeUndefined();
  return body.data.addSource;
}

const ADD_EVIDENCE = `mutation($claim: ID!, $source: String!, $excerpt: String!, $language: String,
  $translationOf: String, $translator: String, $method: TranslationMethod) {
  addEvidence(claim: $claim, source: $source, excerpt: $excerpt, language: $language,
              translationOf: $translationOf, translator: $translator, method: $method) {
    id corroboration { sources independentOrigins origins { source { url } sources { url } } }
  }
}`;

const CORROBORATION = `query($id: ID!) { claim(id: $id) {
  corroboration { sources independentOrigins origins { source { url } sources { url } } } } }`;

async function corroboration(id: string) {
  const body = await gql(CORROBORATION, { id });
  expect(body.errors).toBeUndefined();
  return body.data.claim.corroboration;
}

async function recordClaim(source: string, excerpt: string, content: string) {
  const body = await gql('mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }', {
    i: { kind: 'ACCUSATION', claimant: 'Islamabad', targets: ['Kabul'], content, source, excerpt },
  });
  expect(body.errors).toBeUndefined();
  return body.data.recordClaim.id as string;
}

let claim = '';

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  editor = (await createToken(executor, { role: 'editor', name: 'provenance-editor', by: 'test' })).token;
  reader = (await createToken(executor, { role: 'reader', name: 'provenance-reader', by: 'test' })).token;
  await addSource(WIRE, WIRE_TEXT, { language: 'en' });
  // The copies are the wire text as two outlets ran it: a word or two of their own.
  await addSource(COPY_1, WIRE_TEXT.replace('Peshawar, 12 November.', 'PESHAWAR:'));
  await addSource(COPY_2, WIRE_TEXT.replace('hundreds of lorries', 'hundreds of trucks'));
  await addSource(
    INDEPENDENT,
    'Our correspondent at the crossing saw guards take cover. An officer, accusing militants of firing at border guards from the other side, said the gate would stay closed.',
  );
  claim = await recordClaim(WIRE, SENTENCE, 'Pakistan accused militants of firing at its border guards.');
  // Seeding and a dozen writes: generous on a machine shared with other test runs.
}, 180_000);
afterAll(() => closeApp(app, executor));

describe('corroboration', () => {
  it('an original and two copies are 3 sources and 1 independent origin; an independent report makes 2', async () => {
    for (const source of [COPY_1, COPY_2]) {
      const body = await gql(ADD_EVIDENCE, { claim, source, excerpt: SENTENCE });
      expect(body.errors).toBeUndefined();
    }
    // Before any copy is marked, three outlets look like three origins.
    expect((await corroboration(claim)).independentOrigins).toBe(3);
    // A chain: COPY_2 copies COPY_1, which copies the wire; both resolve to the wire.
    for (const [source, of] of [
      [COPY_1, WIRE],
      [COPY_2, COPY_1],
    ]) {
      const body = await gql(
        'mutation($s: String!, $o: String!) { markCopy(source: $s, of: $o) { url copyOf { url } } }',
        {
          s: source,
          o: of,
        },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.markCopy).toEqual({ url: source, copyOf: { url: of } });
    }
    expect(await corroboration(claim)).toEqual({
      sources: 3,
      independentOrigins: 1,
      origins: [
        {
          source: { url: WIRE },
          sources: expect.arrayContaining([{ url: WIRE }, { url: COPY_1 }, { url: COPY_2 }]),
        },
      ],
    });
    const body = await gql(ADD_EVIDENCE, { claim, source: INDEPENDENT, excerpt: SENTENCE });
    expect(body.errors).toBeUndefined();
    expect(body.data.addEvidence.corroboration).toEqual({
      sources: 4,
      independentOrigins: 2,
      origins: expect.arrayContaining([
        { source: { url: INDEPENDENT }, sources: [{ url: INDEPENDENT }] },
        expect.objectContaining({ source: { url: WIRE } }),
      ]),
    });
    const wire = await gql('{ source(url: "' + WIRE + '") { copies { url } } }');
    expect(wire.data.source.copies).toEqual([{ url: COPY_1 }]);
  });

  it('addEvidence is audited in its transaction and listed as committed; the same excerpt again writes nothing', async () => {
    const other = await recordClaim(
      WIRE,
      'the Torkham crossing would stay shut',
      'Pakistan shut the Torkham crossing.',
    );
    const first = await app.gql<any>(
      ADD_EVIDENCE,
      { claim: other, source: COPY_1, excerpt: 'the Torkham crossing would stay shut' },
      { token: editor },
    );
    expect(first.body.errors).toBeUndefined();
    expect((first.body as any).extensions.committed).toEqual([
      expect.objectContaining({ field: 'addEvidence', operation: 'addEvidence', id: other }),
    ]);
    const before = await counts();
    const again = await app.gql<any>(
      ADD_EVIDENCE,
      { claim: other, source: COPY_1, excerpt: 'the Torkham crossing would stay shut' },
      { token: editor },
    );
    expect(again.body.errors).toBeUndefined();
    expect((again.body as any).extensions?.committed).toBeUndefined();
    expect(await counts()).toEqual(before);
    const history = await gql(
      'query($id: ID!) { claim(id: $id) { history { operation by } evidence { source { url } } } }',
      { id: other },
    );
    expect(history.data.claim.history.map((h: any) => h.operation)).toEqual(['recordClaim', 'addEvidence']);
    expect(history.data.claim.history[1].by).toMatch(/^token:/); // who: the token, by its id
    expect(history.data.claim.evidence.map((x: any) => x.source.url)).toEqual([WIRE, COPY_1]);
  });

  it('refuses what cannot be evidence, writing nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ claim: 'claim-nope', source: WIRE, excerpt: SENTENCE }, 'NOT_FOUND', /no claim/],
      [{ claim, source: 'https://nowhere.example.org/x', excerpt: SENTENCE }, 'NOT_FOUND', /no source/],
      [{ claim, source: WIRE, excerpt: 'words that are not there' }, 'BAD_USER_INPUT', /not in the source/],
      [{ claim, source: WIRE, excerpt: SENTENCE, language: 'en_GB!' }, 'BAD_USER_INPUT', /BCP 47/],
      [
        { claim, source: INDEPENDENT, excerpt: 'An officer', translationOf: URDU },
        'BAD_USER_INPUT',
        /no excerpt in/,
      ],
      [
        { claim, source: INDEPENDENT, excerpt: 'An officer', method: 'HUMAN' },
        'BAD_USER_INPUT',
        /translationOf/,
      ],
    ];
    for (const [vars, want, message] of cases) {
      const body = await gql(ADD_EVIDENCE, vars);
      expect([code(body), body.errors?.[0]?.message]).toEqual([want, expect.stringMatching(message)]);
      expect(body.data.addEvidence).toBeNull();
    }
    const retracted = await recordClaim(WIRE, 'Traders said', 'Traders spoke.');
    await gql('mutation($id: ID!) { retractClaim(id: $id, reason: "test") { id } }', { id: retracted });
    const afterRetraction = await counts();
    const body = await gql(ADD_EVIDENCE, { claim: retracted, source: COPY_1, excerpt: 'Traders said' });
    expect(code(body)).toBe('CONFLICT');
    expect(body.errors[0].message).toMatch(/retracted/);
    expect(await counts()).toEqual(afterRetraction);
    expect(afterRetraction).not.toEqual(before); // (the retracted claim itself was written)
  });

  it('a viewer (reader token) cannot add evidence or mark copies', async () => {
    const before = await counts();
    const a = await gql(ADD_EVIDENCE, { claim, source: INDEPENDENT, excerpt: 'An officer' }, reader);
    const b = await gql(
      'mutation { markCopy(source: "' + INDEPENDENT + '", of: "' + WIRE + '") { url } }',
      {},
      reader,
    );
    expect([code(a), code(b)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await counts()).toEqual(before);
  });
});

describe('copies', () => {
  it('markCopy refuses a cycle and a self-copy with BAD_USER_INPUT, and writes nothing', async () => {
    const before = await counts();
    const cycle = await gql('mutation { markCopy(source: "' + WIRE + '", of: "' + COPY_2 + '") { url } }');
    expect(code(cycle)).toBe('BAD_USER_INPUT');
    expect(cycle.errors[0].message).toMatch(/cycle/);
    const self = await gql('mutation { markCopy(source: "' + WIRE + '", of: "' + WIRE + '") { url } }');
    expect(code(self)).toBe('BAD_USER_INPUT');
    const unknown = await gql(
      'mutation { markCopy(source: "https://nowhere.example.org/", of: "' + WIRE + '") { url } }',
    );
    expect(code(unknown)).toBe('NOT_FOUND');
    const other = await gql(
      'mutation { markCopy(source: "' + COPY_1 + '", of: "' + INDEPENDENT + '") { url } }',
    );
    expect(code(other)).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
    const wire = await gql('{ source(url: "' + WIRE + '") { copyOf { url } } }');
    expect(wire.data.source.copyOf).toBeNull();
  });

  it('a near-identical new text lists the original as a copy candidate, an unrelated one lists nothing', async () => {
    const near = await addSource(
      'https://aggregator.example.org/item/991',
      WIRE_TEXT.replace('interior ministry', 'interior ministry on Wednesday').replace(
        'in the heat',
        'in the sun',
      ),
    );
    expect(near.copyCandidates[0]).toEqual({ source: { url: WIRE }, similarity: expect.any(Number) });
    expect(near.copyCandidates[0].similarity).toBeGreaterThan(0.8);
    expect(near.copyCandidates[0].similarity).toBeLessThanOrEqual(1);
    const unrelated = await addSource(
      'https://weather.example.org/2026/11/12/rain',
      'Heavy rain flooded low-lying districts of the capital overnight, and the weather office warned of more storms over the weekend as schools closed for two days.',
    );
    expect(unrelated.copyCandidates).toEqual([]);
    // Only a candidate: nothing was marked a copy.
    const check = await gql('{ source(url: "https://aggregator.example.org/item/991") { copyOf { url } } }');
    expect(check.data.source.copyOf).toBeNull();
  });
});

describe('translations', () => {
  let urduClaim = '';

  beforeAll(async () => {
    const desk = await gql(
      'mutation { createActor(input: { name: "Provenance Translation Desk", kind: MEDIA }) { id } }',
    );
    expect(desk.errors).toBeUndefined();
    const added = await addSource(URDU, URDU_TEXT, { language: 'UR-pk' });
    expect(added.language).toBe('ur-PK');
    // The desk's own translation, never published: a source of its own, the desk its publisher.
    await addSource(DESK, DESK_TEXT, { language: 'en', publisher: 'Provenance Translation Desk' });
    urduClaim = await recordClaim(
      URDU,
      URDU_WORDS,
      'Pakistan said attacks were made from across the border.',
    );
    const body = await gql(ADD_EVIDENCE, {
      claim: urduClaim,
      source: DESK,
      excerpt: DESK_WORDS,
      translationOf: URDU,
      translator: 'Provenance Translation Desk',
      method: 'HUMAN',
    });
    expect(body.errors).toBeUndefined();
  });

  it('shows the original words beside the translation, with their languages and translator', async () => {
    const body = await gql(
      `query($id: ID!) { claim(id: $id) { evidence { exact language method translator { name }
        source { url publisher { name } }
        translationOf { exact language source { url } } translations { exact } } } }`,
      { id: urduClaim },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.claim.evidence).toEqual([
      {
        exact: URDU_WORDS,
        language: 'ur-PK',
        method: null,
        translator: null,
        source: { url: URDU, publisher: null },
        translationOf: null,
        translations: [{ exact: DESK_WORDS }],
      },
      {
        exact: DESK_WORDS,
        language: 'en',
        method: 'HUMAN',
        translator: { name: 'Provenance Translation Desk' },
        source: { url: DESK, publisher: { name: 'Provenance Translation Desk' } },
        translationOf: { exact: URDU_WORDS, language: 'ur-PK', source: { url: URDU } },
        translations: [],
      },
    ]);
  });

  it('is found by a search in either language', async () => {
    for (const text of ['سرحد', 'حملے', 'across border attacks']) {
      const body = await gql('query($t: String!) { searchClaims(text: $t) { claim { id } highlights } }', {
        t: text,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.searchClaims.map((h: any) => h.claim.id)).toContain(urduClaim);
    }
  });

  it('lists the translation step in the provenance chain', async () => {
    const body = await gql(
      'query($id: ID!) { claim(id: $id) { provenance { kind actor { name } source { url } excerpt { exact } } } }',
      { id: urduClaim },
    );
    const links = body.data.claim.provenance;
    const i = links.findIndex((l: any) => l.kind === 'TRANSLATION_OF');
    expect(links[i - 1]).toEqual({
      kind: 'EXCERPT',
      actor: null,
      source: { url: DESK },
      excerpt: { exact: DESK_WORDS },
    });
    expect(links[i]).toEqual({
      kind: 'TRANSLATION_OF',
      actor: { name: 'Provenance Translation Desk' },
      source: { url: URDU },
      excerpt: { exact: URDU_WORDS },
    });
  });

  it('a desk translation counts with the origin of its original words', async () => {
    expect(await corroboration(urduClaim)).toEqual({
      sources: 2,
      independentOrigins: 1,
      origins: [{ source: { url: URDU }, sources: expect.arrayContaining([{ url: URDU }, { url: DESK }]) }],
    });
  });
});

describe('exports carry copies and translations', () => {
  it('JSON-LD: each appearance with its language, a copy isBasedOn its original, a translation beside its original words', async () => {
    const wire = (await (await fetch(`${app.url}/export/claims/${claim}.jsonld`)).json()) as any;
    const byUrl = new Map((wire.appearance as any[]).map((a) => [a.url, a]));
    expect(byUrl.get(WIRE)).toMatchObject({
      inLanguage: 'en',
      hasPart: [{ '@type': 'Quotation', text: SENTENCE, inLanguage: 'en' }],
    });
    expect(byUrl.get(WIRE).isBasedOn).toBeUndefined();
    expect(byUrl.get(COPY_1).isBasedOn).toEqual({ '@type': 'CreativeWork', url: WIRE });
    expect(byUrl.get(COPY_2).isBasedOn).toEqual({ '@type': 'CreativeWork', url: COPY_1 });

    const urdu = await gql('{ searchClaims(text: "حملے") { claim { id } } }');
    const id = urdu.data.searchClaims[0].claim.id as string;
    const doc = (await (await fetch(`${app.url}/export/claims/${id}.jsonld`)).json()) as any;
    expect(doc.appearance).toEqual([
      expect.objectContaining({
        url: URDU,
        inLanguage: 'ur-PK',
        hasPart: [{ '@type': 'Quotation', text: URDU_WORDS, inLanguage: 'ur-PK' }],
      }),
      expect.objectContaining({
        url: DESK,
        inLanguage: 'en',
        publisher: { '@type': 'Organization', name: 'Provenance Translation Desk' },
        hasPart: [
          {
            '@type': 'Quotation',
            text: DESK_WORDS,
            inLanguage: 'en',
            translationOfWork: {
              '@type': 'Quotation',
              text: URDU_WORDS,
              inLanguage: 'ur-PK',
              isPartOf: { '@type': 'CreativeWork', url: URDU },
            },
            translator: { '@type': 'Organization', name: 'Provenance Translation Desk' },
          },
        ],
      }),
    ]);
  });

  it('GraphML and JSON: COPY_OF and TRANSLATION_OF edges between source nodes', async () => {
    const json = (await (await fetch(`${app.url}/export/graph.json`)).json()) as any;
    const rel = (e: any) => [e.relation, e.source, e.target];
    const provenance = (json.edges as any[]).filter((e) => e.relation).map(rel);
    expect(provenance).toEqual(
      expect.arrayContaining([
        ['COPY_OF', COPY_1, WIRE],
        ['COPY_OF', COPY_2, COPY_1],
        ['TRANSLATION_OF', DESK, URDU],
      ]),
    );
    const nodes = new Set((json.nodes as any[]).map((n) => n.id));
    for (const [, from, to] of provenance) expect([nodes.has(from), nodes.has(to)]).toEqual([true, true]);
    expect((json.nodes as any[]).find((n) => n.id === URDU)).toMatchObject({
      label: 'Source',
      language: 'ur-PK',
    });
    expect((json.edges as any[]).find((e) => e.relation === 'TRANSLATION_OF')).toMatchObject({
      language: 'en',
      originalLanguage: 'ur-PK',
      method: 'HUMAN',
    });

    const text = await (await fetch(`${app.url}/export/graph.graphml`)).text();
    expect(XMLValidator.validate(text)).toBe(true);
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['node', 'edge', 'data'].includes(name),
    });
    const graph = (parser.parse(text) as any).graphml.graph;
    const edges = (graph.edge as any[]).map((e) => [
      e.data.find((d: any) => d.key === 'relation')?.['#text'],
      e.source,
      e.target,
    ]);
    expect(edges).toEqual(
      expect.arrayContaining([
        ['COPY_OF', COPY_1, WIRE],
        ['TRANSLATION_OF', DESK, URDU],
      ]),
    );
    const ids = new Set((graph.node as any[]).map((n) => n.id));
    for (const e of graph.edge as any[]) expect([ids.has(e.source), ids.has(e.target)]).toEqual([true, true]);
  });
});

describe('the language of a source written by a data file or a bulk import', () => {
  const languageOf = async (url: string): Promise<string | null | undefined> =>
    (await gql('query($u: String!) { source(url: $u) { language } }', { u: url })).data.source?.language;
  const bundle = (url: string, language: unknown) =>
    YAML.stringify({
      source: {
        url,
        title: 'Language desk',
        publishedAt: '2026-11-20',
        language,
        text: 'The desk said the road was open.',
      },
      actors: [{ id: 'language-desk', name: 'Language Desk', kind: 'MEDIA' }],
      claims: [
        {
          id: `language-claim-${url.length}`,
          kind: 'STATEMENT',
          claimant: 'language-desk',
          content: 'The road was open.',
          excerpts: [{ exact: 'the road was open', start: 14, end: 31 }],
        },
      ],
    });

  it('is stored canonical from YAML and from NDJSON, and a wrong tag writes nothing', async () => {
    const yamlUrl = 'https://language.example.org/yaml';
    await loadBundles(executor, [validateSourceFile('language.yaml', bundle(yamlUrl, 'UR-pk'))], {
      by: 'loader:test',
      role: 'system',
    });
    expect(await languageOf(yamlUrl)).toBe('ur-PK');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-language-'));
    const file = (name: string, language: string) => {
      const p = path.join(dir, name);
      const url = `https://language.example.org/${name}`;
      fs.writeFileSync(
        p,
        [
          {
            type: 'source',
            url,
            title: 'Language desk',
            publishedAt: '2026-11-20',
            language,
            text: 'The desk said the road was open.',
          },
          {
            type: 'claim',
            source: url,
            id: `language-${name.replace(/\W/g, '-')}`,
            kind: 'STATEMENT',
            claimant: 'language-desk',
            content: 'The road was open.',
            excerpts: [{ exact: 'the road was open', start: 14, end: 31 }],
          },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n',
      );
      return { p, url };
    };
    const good = file('good.ndjson', 'PS-af');
    await importPath(executor, good.p, { by: 'import:test', role: 'system' }, {});
    expect(await languageOf(good.url)).toBe('ps-AF');

    const bad = file('bad.ndjson', 'pashto?');
    const err = await importPath(executor, bad.p, { by: 'import:test', role: 'system' }, {}).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportInvalidError);
    expect((err as ImportInvalidError).errors[0]!.message).toMatch(
      /bad\.ndjson: line 1 .*language: must be a BCP 47/,
    );
    expect(await languageOf(bad.url)).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
