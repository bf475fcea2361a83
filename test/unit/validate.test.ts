/**
 * Source data files: the seed file validates and says what the article says; broken files are
 * refused with a DataFileError that names the file, the record and the field.
 * No database needed. Broken variants are built by parsing the seed YAML, changing it, and
 * stringifying it again (never by copying the file).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { DataFileError } from '../../src/errors';
import type { ClaimRecord, SourceBundle } from '../../src/data/types';
import { isRealIsoDate } from '../../src/data/schema';
import { QUOTE_CONTEXT } from '../../src/data/anchor';
import { readSourceFile, readSourcePath, validateSourceFile } from '../../src/data/validate';

const ROOT = join(__dirname, '..', '..');
const SOURCES = join(ROOT, 'data', 'sources');
const SEED = join(SOURCES, '2025-11-08-aljazeera-afghanistan-pakistan-talks.yaml');
const ORIGINAL = join(ROOT, 'data', 'originals', 'article-2025-11-08-afghanistan-pakistan-talks.txt');
const seedYaml = readFileSync(SEED, 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

/** The seed file, parsed, changed by `edit`, and validated under the name "broken.yaml". */
function validateEdited(edit: (doc: Raw) => void): SourceBundle {
  const doc: Raw = YAML.parse(seedYaml);
  edit(doc);
  return validateSourceFile('broken.yaml', YAML.stringify(doc));
}

/** Expects validation of the edited seed to fail; returns the DataFileError. */
function rejection(edit: (doc: Raw) => void): DataFileError {
  try {
    validateEdited(edit);
  } catch (err) {
    expect(err).toBeInstanceOf(DataFileError);
    const e = err as DataFileError;
    expect(e.code).toBe('DATA_FILE_INVALID');
    // The message is what a fact-checker reads: it names file, record and field.
    expect(e.message).toContain('broken.yaml');
    expect(e.message).toContain(e.record);
    expect(e.message).toContain(e.field);
    return e;
  }
  throw new Error('expected the edited file to be rejected, but it validated');
}

const claimIndex = (doc: Raw, id: string): number => {
  const i = (doc.claims as Array<{ id: string }>).findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`no claim ${id} in the seed`);
  return i;
};
const claimOf = (doc: Raw, id: string): Raw => doc.claims[claimIndex(doc, id)];
const actorIndex = (doc: Raw, id: string): number =>
  (doc.actors as Array<{ id: string }>).findIndex((a) => a.id === id);

describe('the seed source file', () => {
  const bundle = readSourceFile(SEED);
  const claim = (id: string): ClaimRecord => {
    const c = bundle.claims.find((x) => x.id === id);
    if (!c) throw new Error(`no claim ${id}`);
    return c;
  };

  it('validates, and the data directory holds exactly it', () => {
    const all = readSourcePath(SOURCES);
    expect(all.map((b) => b.file)).toEqual([SEED]);
    expect(all[0]).toEqual(bundle);
  });

  it('holds the article text exactly, without the Source line or the blog comments', () => {
    const original = readFileSync(ORIGINAL, 'utf8');
    const { text } = bundle.source;
    expect(text.startsWith('International\n\nAfghanistan-Pakistan Peace Talks Collapse')).toBe(true);
    expect(text.endsWith('highlighting the complex security challenges in the region.')).toBe(true);
    expect(original.startsWith(text)).toBe(true);
    expect(text).not.toContain('Source:');
    expect(text).not.toContain('Leave a Reply');
    expect(bundle.source.contentHash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('describes the source: Al Jazeera, published 2025-11-08, at its URL', () => {
    expect(bundle.source).toMatchObject({
      url: 'https://www.aljazeera.com/news/2025/11/8/afghanistans-taliban-blames-irresponsible-pakistan-as-peace-talks-fail',
      publisher: 'al-jazeera',
      publishedAt: '2025-11-08',
    });
    expect(bundle.actors.find((a) => a.id === 'al-jazeera')?.kind).toBe('MEDIA');
  });

  it('models every attributed claim: counts by kind', () => {
    const counts: Record<string, number> = {};
    for (const c of bundle.claims) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
    expect(counts).toEqual({ STATEMENT: 5, ACCUSATION: 5, DENIAL: 1, COMMITMENT: 5, FIGURE: 3 });
    expect(bundle.claims).toHaveLength(19);
  });

  it('anchors every excerpt at its code-point offsets, with 32 code points of prefix and suffix', () => {
    const cps = Array.from(bundle.source.text);
    for (const c of bundle.claims) {
      expect(c.excerpts.length).toBeGreaterThan(0);
      c.excerpts.forEach((x, i) => {
        expect(x.id).toBe(`${c.id}#${i}`);
        expect(cps.slice(x.start, x.end).join('')).toBe(x.exact);
        expect(x.prefix).toBe(cps.slice(Math.max(0, x.start - QUOTE_CONTEXT), x.start).join(''));
        expect(x.suffix).toBe(cps.slice(x.end, x.end + QUOTE_CONTEXT).join(''));
      });
    }
  });

  it('keeps quotes verbatim in the excerpts', () => {
    for (const c of bundle.claims.filter((x) => x.quote)) {
      expect(c.excerpts.some((x) => x.exact.includes(c.quote!))).toBe(true);
    }
    expect(claim('taliban-will-defend-against-aggression').quote).toBe(
      'firmly defend against any aggression',
    );
  });

  it('carries the "irresponsible" accusation in both the lead and Mujahid’s sentence', () => {
    const c = claim('taliban-pakistan-attitude-irresponsible');
    expect(c).toMatchObject({
      kind: 'ACCUSATION',
      claimant: 'taliban-government',
      voice: 'zabihullah-mujahid',
      targets: ['pakistan-government'],
      about: ['istanbul-talks'],
    });
    expect(c.excerpts.map((x) => x.exact)).toEqual([
      expect.stringContaining('“irresponsible” attitude from Pakistan'),
      expect.stringContaining('“irresponsible and non-cooperative,”'),
    ]);
  });

  it('links the harbouring accusation to the Taliban denial of it', () => {
    const accusation = claim('pakistan-accuses-kabul-of-harboring-ttp');
    expect(accusation).toMatchObject({
      kind: 'ACCUSATION',
      claimant: 'pakistan-government',
      targets: ['taliban-government', 'ttp'],
    });
    expect(accusation.excerpts[0]!.exact).toContain('harboring');
    const denials = bundle.claims.filter((c) => c.denies.includes(accusation.id));
    expect(denials.map((d) => [d.id, d.kind, d.claimant, d.cue])).toEqual([
      ['taliban-denies-sheltering-ttp', 'DENIAL', 'taliban-government', 'denies'],
    ]);
    // Only DENIAL claims deny anything.
    for (const c of bundle.claims) if (c.denies.length) expect(c.kind).toBe('DENIAL');
  });

  it('keeps the UN and army casualty figures as numbers', () => {
    const values = (id: string) => claim(id).figures.map((f) => [f.value, f.unit, f.measure]);
    expect(claim('un-afghan-civilian-casualties-since-october').claimant).toBe('united-nations');
    expect(values('un-afghan-civilian-casualties-since-october')).toEqual([
      [50, 'person', 'civilian deaths on the Afghan side'],
      [447, 'person', 'injuries on the Afghan side'],
    ]);
    expect(values('un-kabul-explosions-fatalities')).toEqual([
      [5, 'person', 'fatalities in Kabul explosions'],
    ]);
    expect(claim('pakistani-army-soldier-casualties').claimant).toBe('pakistani-army');
    expect(values('pakistani-army-soldier-casualties')).toEqual([
      [23, 'person', 'soldiers killed'],
      [29, 'person', 'soldiers wounded'],
    ]);
    for (const c of bundle.claims) {
      for (const f of c.figures) expect(typeof f.value).toBe('number');
      expect(c.figures.length > 0).toBe(c.kind === 'FIGURE');
    }
  });

  it('resolves "on Friday" to 2025-11-07 and keeps the words', () => {
    expect(claim('pakistan-confirms-talks-deadlock')).toMatchObject({
      claimant: 'pakistan-government',
      statedOn: '2025-11-07',
      statedOnText: 'on Friday',
    });
    const talks = bundle.events.find((e) => e.id === 'istanbul-talks');
    expect(talks).toMatchObject({
      kind: 'TALKS',
      startDate: '2025-11-06',
      endDate: '2025-11-07',
      place: 'Istanbul',
      parties: ['taliban-government', 'pakistan-government'],
      mediators: ['qatar', 'turkiye'],
    });
    // Nothing is dated that the source does not date.
    const dated = bundle.claims.filter((c) => c.statedOn !== null).map((c) => c.id);
    expect(dated).toEqual(['pakistan-confirms-talks-deadlock']);
  });

  it('gives each side its own ceasefire commitment', () => {
    expect(claim('taliban-ceasefire-remains-in-effect')).toMatchObject({
      kind: 'COMMITMENT',
      claimant: 'taliban-government',
      about: ['qatar-brokered-ceasefire'],
    });
    expect(claim('pakistan-ceasefire-remains-in-effect')).toMatchObject({
      kind: 'COMMITMENT',
      claimant: 'pakistan-government',
      about: ['qatar-brokered-ceasefire'],
    });
  });

  it('attributes Tarar’s words to Pakistan’s government, in his voice', () => {
    expect(claim('pakistan-will-not-endorse-harmful-taliban-actions')).toMatchObject({
      claimant: 'pakistan-government',
      voice: 'attaullah-tarar',
      cue: 'emphasized',
    });
    expect(bundle.roles).toContainEqual({
      actor: 'attaullah-tarar',
      relation: 'SERVES_IN',
      of: 'pakistan-government',
      title: 'Information Minister',
    });
    expect(bundle.roles).toContainEqual({
      actor: 'zabihullah-mujahid',
      relation: 'SPEAKS_FOR',
      of: 'taliban-government',
      title: 'spokesman',
    });
  });

  it('resolves the article’s metonyms to one actor each', () => {
    const byLabel = new Map<string, string>();
    for (const a of bundle.actors) {
      for (const label of [a.name, ...a.aliases]) {
        expect(byLabel.get(label.toLowerCase())).toBeUndefined();
        byLabel.set(label.toLowerCase(), a.id);
      }
    }
    expect(byLabel.get('pakistan')).toBe('pakistan-government');
    expect(byLabel.get('islamabad')).toBe('pakistan-government');
    expect(byLabel.get('kabul')).toBe('taliban-government');
    expect(byLabel.get('turkey')).toBe('turkiye');
    expect(byLabel.get('un')).toBe('united-nations');
    expect(byLabel.get('ttp')).toBe('ttp');
  });

  it('survives a parse / stringify round trip unchanged (the basis of the broken-file tests)', () => {
    expect({ ...validateEdited(() => undefined), file: SEED }).toEqual(bundle);
  });
});

describe('a broken source file is refused with file, record and field', () => {
  it('rejects a misquoted excerpt and says what the text says there', () => {
    let index = -1;
    const e = rejection((doc) => {
      index = claimIndex(doc, 'taliban-denies-sheltering-ttp');
      doc.claims[index].excerpts[0].exact = 'The Taliban denies harbouring the TTP';
    });
    expect(e.file).toBe('broken.yaml');
    expect(e.record).toBe(`claims[${index}] (id "taliban-denies-sheltering-ttp")`);
    expect(e.field).toBe('excerpts[0].exact');
    expect(e.message).toContain('"The Taliban denies sheltering the TTP"');
    expect(e.message).toContain('occurs nowhere');
    expect(e.message).toMatch(/\(line \d+\)$/);
  });

  it('rejects shifted offsets and says where the words really are', () => {
    const e = rejection((doc) => {
      const x = claimOf(doc, 'taliban-denies-sheltering-ttp').excerpts[0];
      x.start += 2;
      x.end += 2;
    });
    expect(e.field).toBe('excerpts[0].exact');
    expect(e.message).toContain('occurs at start 1985, end 2022');
  });

  it('points out straight quotes where the text has typographic ones', () => {
    const e = rejection((doc) => {
      claimOf(doc, 'taliban-pakistan-attitude-irresponsible').excerpts[1].exact =
        'Mujahid characterized Pakistan\'s stance as "irresponsible and non-cooperative,"';
    });
    expect(e.field).toBe('excerpts[1].exact');
    expect(e.message).toContain('different quotes');
    expect(e.message).toContain('Pakistan’s stance as “irresponsible');
  });

  it('rejects an excerpt past the end of the text', () => {
    const e = rejection((doc) => {
      claimOf(doc, 'pakistani-army-soldier-casualties').excerpts[0].end = 99999;
    });
    expect(e.field).toBe('excerpts[0].end');
  });

  it('rejects a reference to an unknown actor, suggesting the id', () => {
    let index = -1;
    const e = rejection((doc) => {
      index = claimIndex(doc, 'pakistan-accuses-kabul-of-harboring-ttp');
      doc.claims[index].claimant = 'pakistan-govt';
    });
    expect(e.record).toBe(`claims[${index}] (id "pakistan-accuses-kabul-of-harboring-ttp")`);
    expect(e.field).toBe('claimant');
    expect(e.message).toContain('unknown actor "pakistan-govt"');
    expect(e.message).toMatch(/did you mean .*"pakistan-government"/);
  });

  it('rejects an alias used as a reference, naming the id to use', () => {
    const e = rejection((doc) => {
      claimOf(doc, 'taliban-blames-pakistan-for-kabul-explosions').targets = ['Islamabad'];
    });
    expect(e.field).toBe('targets[0]');
    expect(e.message).toContain('"pakistan-government"');
  });

  it('rejects unknown actors in roles, events and the publisher', () => {
    expect(rejection((doc) => (doc.roles[0].of = 'taliban')).field).toBe('of');
    const events = rejection((doc) => (doc.events[0].mediators = ['qatar', 'turkey']));
    expect(events.record).toBe('events[0] (id "istanbul-talks")');
    expect(events.field).toBe('mediators[1]');
    const source = rejection((doc) => (doc.source.publisher = 'aljazeera'));
    expect([source.record, source.field]).toEqual(['source', 'publisher']);
  });

  it('rejects an invalid calendar date (2025-02-30)', () => {
    let index = -1;
    const e = rejection((doc) => {
      index = claimIndex(doc, 'pakistan-confirms-talks-deadlock');
      doc.claims[index].statedOn = '2025-02-30';
    });
    expect(e.record).toBe(`claims[${index}] (id "pakistan-confirms-talks-deadlock")`);
    expect(e.field).toBe('statedOn');
    expect(e.message).toContain('real calendar date');
    expect(e.message).toContain('2025-02-30');
    expect(rejection((doc) => (doc.events[0].startDate = '2025-13-01')).field).toBe('startDate');
    expect(rejection((doc) => (doc.source.publishedAt = '8 Nov 2025')).field).toBe('publishedAt');
  });

  it('rejects a claim dated after its source was published', () => {
    const e = rejection((doc) => (claimOf(doc, 'pakistan-confirms-talks-deadlock').statedOn = '2025-11-14'));
    expect(e.field).toBe('statedOn');
  });

  it('rejects a duplicate alias, case-insensitively, naming the actor that has it', () => {
    let index = -1;
    const e = rejection((doc) => {
      index = actorIndex(doc, 'pakistan-government');
      doc.actors[index].aliases.push('kabul');
    });
    expect(e.record).toBe(`actors[${index}] (id "pakistan-government")`);
    expect(e.field).toBe(`aliases[${YAML.parse(seedYaml).actors[index].aliases.length}]`);
    expect(e.message).toContain('"kabul" is already used');
    expect(e.message).toContain('(id "taliban-government")');
    // Whichever actor comes first keeps the alias; the error names both.
    const reverse = rejection((doc) =>
      doc.actors[actorIndex(doc, 'taliban-government')].aliases.push('ISLAMABAD'),
    );
    expect(reverse.record).toBe(`actors[${index}] (id "pakistan-government")`);
    expect(reverse.message).toMatch(/by actors\[\d+\] \(id "taliban-government"\) as its aliases\[\d+\]/);
  });

  it('rejects `denies` on a claim that is not a DENIAL', () => {
    let index = -1;
    const e = rejection((doc) => {
      index = claimIndex(doc, 'taliban-blames-pakistan-for-kabul-explosions');
      doc.claims[index].denies = ['pakistan-accuses-kabul-of-harboring-ttp'];
    });
    expect(e.record).toBe(`claims[${index}] (id "taliban-blames-pakistan-for-kabul-explosions")`);
    expect(e.field).toBe('denies');
    expect(e.message).toContain('only DENIAL claims');
  });

  it('rejects references to unknown claims and events', () => {
    const denies = rejection(
      (doc) => (claimOf(doc, 'taliban-denies-sheltering-ttp').denies = ['no-such-claim']),
    );
    expect(denies.field).toBe('denies[0]');
    const about = rejection(
      (doc) => (claimOf(doc, 'pakistan-confirms-talks-deadlock').about = ['geneva-talks']),
    );
    expect(about.field).toBe('about[0]');
    expect(about.message).toContain('istanbul-talks');
  });

  it('rejects duplicate ids', () => {
    const e = rejection((doc) => (doc.claims[1].id = doc.claims[0].id));
    expect(e.record).toMatch(/^claims\[1\]/);
    expect(e.field).toBe('id');
  });

  it('rejects FIGURE claims without figures, and figures on other claims', () => {
    expect(rejection((doc) => delete claimOf(doc, 'un-kabul-explosions-fatalities').figures).field).toBe(
      'figures',
    );
    expect(
      rejection((doc) => (claimOf(doc, 'pakistan-confirms-talks-deadlock').figures = [{ value: 1 }])).field,
    ).toBe('figures');
    const e = rejection((doc) => (claimOf(doc, 'un-kabul-explosions-fatalities').figures[0].value = 'five'));
    expect(e.field).toBe('figures[0].value');
    expect(e.message).toContain('expected number');
  });

  it('rejects a claim without excerpts, or with empty content', () => {
    expect(rejection((doc) => (claimOf(doc, 'taliban-denies-sheltering-ttp').excerpts = [])).field).toBe(
      'excerpts',
    );
    expect(rejection((doc) => (claimOf(doc, 'taliban-denies-sheltering-ttp').content = '  ')).field).toBe(
      'content',
    );
  });

  it('rejects unknown kinds, listing the allowed ones', () => {
    const e = rejection((doc) => (claimOf(doc, 'taliban-denies-sheltering-ttp').kind = 'REBUTTAL'));
    expect(e.field).toBe('kind');
    expect(e.message).toContain('"REBUTTAL"');
    expect(e.message).toContain('DENIAL');
  });

  it('rejects unknown (misspelt) fields', () => {
    const e = rejection((doc) => {
      const c = claimOf(doc, 'taliban-denies-sheltering-ttp');
      c.claimaint = c.claimant;
    });
    expect(e.field).toBe('claimaint');
    expect(e.message).toContain('unknown field');
  });

  it('rejects a URL that is not http(s)', () => {
    const e = rejection((doc) => (doc.source.url = 'aljazeera.com/news'));
    expect([e.record, e.field]).toEqual(['source', 'url']);
  });

  it('rejects a quote that is not in the claim’s excerpts', () => {
    const e = rejection(
      (doc) => (claimOf(doc, 'taliban-will-defend-against-aggression').quote = 'crush any aggression'),
    );
    expect(e.field).toBe('quote');
  });

  it('rejects YAML syntax errors with the line', () => {
    const broken = seedYaml.replace('  - id: qatar\n', '  - id: qatar\n   name: [unclosed\n');
    expect(() => validateSourceFile('broken.yaml', broken)).toThrow(DataFileError);
    try {
      validateSourceFile('broken.yaml', broken);
    } catch (err) {
      const e = err as DataFileError;
      expect(e.record).toBe('YAML syntax');
      expect(e.field).toMatch(/^line \d+, column \d+$/);
    }
  });
});

describe('a source file’s language', () => {
  it('is stored in its canonical BCP 47 form, and absent means unknown', () => {
    expect(validateEdited((doc) => (doc.source.language = 'UR-pk')).source.language).toBe('ur-PK');
    expect(validateEdited((doc) => (doc.source.language = 'en')).source.language).toBe('en');
    expect(validateEdited(() => undefined).source.language).toBeNull();
  });

  it('is refused, naming the field, when it is not a language tag', () => {
    const e = rejection((doc) => (doc.source.language = 'english please'));
    expect(e.record).toBe('source');
    expect(e.field).toBe('language');
    expect(e.message).toContain('BCP 47');
  });
});

describe('reading a directory of source files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-sources-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every *.yaml and *.yml file, sorted by name, and nothing else', () => {
    const other: Raw = YAML.parse(seedYaml);
    other.source.url = 'https://example.org/another-report';
    other.claims = other.claims.map((c: Raw) => ({
      ...c,
      id: `b-${c.id}`,
      denies: (c.denies ?? []).map((d: string) => `b-${d}`),
    }));
    writeFileSync(join(dir, 'b.yml'), YAML.stringify(other));
    writeFileSync(join(dir, 'a.yaml'), seedYaml);
    writeFileSync(join(dir, 'notes.txt'), 'not a source');
    expect(readSourcePath(dir).map((b) => b.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yml')]);
  });

  it('refuses the same claim id in two files', () => {
    const other: Raw = YAML.parse(seedYaml);
    other.source.url = 'https://example.org/another-report';
    writeFileSync(join(dir, 'a.yaml'), seedYaml);
    writeFileSync(join(dir, 'b.yaml'), YAML.stringify(other));
    expect(() => readSourcePath(dir)).toThrow(
      /b\.yaml: claims\[0\] \(id "[a-z-]+"\): id: claim id is already used in/,
    );
  });

  it('refuses an actor id whose name differs between files', () => {
    const other: Raw = YAML.parse(seedYaml);
    other.source.url = 'https://example.org/another-report';
    other.claims = other.claims.map((c: Raw) => ({
      ...c,
      id: `b-${c.id}`,
      denies: (c.denies ?? []).map((d: string) => `b-${d}`),
    }));
    other.actors[actorIndex(other, 'ttp')].name = 'Pakistani Taliban movement';
    writeFileSync(join(dir, 'a.yaml'), seedYaml);
    writeFileSync(join(dir, 'b.yaml'), YAML.stringify(other));
    expect(() => readSourcePath(dir)).toThrow(DataFileError);
  });

  it('names a missing file', () => {
    expect(() => readSourcePath(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml/);
  });
});

describe('isRealIsoDate', () => {
  it.each([
    ['2025-11-07', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-11-7', false],
    ['07/11/2025', false],
  ])('%s → %s', (value, ok) => expect(isRealIsoDate(value)).toBe(ok));
});
