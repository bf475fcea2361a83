import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { createToken } from '../../src/auth';
import { validateSourceFile } from '../../src/data/validate';
import type { Executor } from '../../src/db/executor';
import { DataFileError } from '../../src/errors';
import { SEED_DIR } from '../../src/paths';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Issue 10: look-alike names. Names and aliases are folded (NFKC, one space, trimmed) before any
 * uniqueness check, and control or bidirectional formatting characters are refused, in every
 * write path: createActor and the YAML loader.
 */

let executor: Executor;
let app: TestApp;
let editor: string;

beforeAll(async () => {
  ({ executor, app } = await openSeededApp());
  editor = (await createToken(executor, { role: 'editor', name: 'names-desk', by: 'test' })).token;
});
afterAll(() => closeApp(app, executor));

const counts = () => executor.read('analysis/graph-counts');

const createActor = (name: string, aliases: string[] = []) =>
  app.gql<{ createActor: { id: string; name: string; aliases: string[] } | null }>(
    'mutation($input: CreateActorInput!) { createActor(input: $input) { id name aliases } }',
    { input: { name, kind: 'OTHER', aliases } },
    { token: editor },
  );

describe('createActor refuses look-alikes of existing names', () => {
  it.each([
    ['full-width "Ｋａｂｕｌ"', 'Ｋａｂｕｌ', [], 'CONFLICT', 'name'],
    ['"Kabul" with a trailing NUL', 'Kabul\u0000', [], 'BAD_USER_INPUT', 'name'],
    ['"Kabul" behind a right-to-left override', '\u202EKabul', [], 'BAD_USER_INPUT', 'name'],
    ['an alias with U+202E', 'Kabul Desk Watch', ['lubaK\u202E'], 'BAD_USER_INPUT', 'aliases[0]'],
    [
      'an alias with a left-to-right isolate',
      'Kabul Desk Watch',
      ['ok', '\u2066Kabul\u2069'],
      'BAD_USER_INPUT',
      'aliases[1]',
    ],
    [
      'an alias with a right-to-left mark',
      'Kabul Desk Watch',
      ['Kabul\u200F'],
      'BAD_USER_INPUT',
      'aliases[0]',
    ],
    ['a full-width alias of "Kabul"', 'Kabul Desk Watch', ['ＫＡＢＵＬ'], 'CONFLICT', 'aliases'],
    ['"Kabul" in odd spacing', '  Kabul\u00A0 ', [], 'CONFLICT', 'name'],
  ])('%s', async (_what, name, aliases, code, field) => {
    const before = await counts();
    const { body } = await createActor(name, aliases);
    expect(body.data?.createActor).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
    if (code === 'CONFLICT') expect(body.errors?.[0]?.message).toContain('taliban-government');
    expect(await counts()).toEqual(before);
  });

  it('stores a new name folded, and finds actors by any look-alike of their names', async () => {
    const { body } = await createActor('  Ｄｅｓｋ   Observer\tNorth ', ['North\u00A0Desk']);
    expect(body.data?.createActor).toEqual({
      id: 'desk-observer-north',
      name: 'Desk Observer North',
      aliases: ['North Desk'],
    });
    for (const ref of ['Ｋａｂｕｌ', ' kabul ', 'KABUL']) {
      const read = await app.gql<{ actor: { id: string } | null }>(
        'query($r: String!) { actor(ref: $r) { id } }',
        {
          r: ref,
        },
      );
      expect(read.body.data?.actor).toEqual({ id: 'taliban-government' });
    }
  });

  it('keeps names that need joiners: U+200C in a Persian name is not refused', async () => {
    const { body } = await createActor('می\u200Cخواهم Desk');
    expect(body.errors).toBeUndefined();
    expect(body.data?.createActor?.name).toBe('می\u200Cخواهم Desk');
  });
});

describe('the YAML loader folds and checks names the same way', () => {
  const seedFile = join(SEED_DIR, '2025-11-08-aljazeera-afghanistan-pakistan-talks.yaml');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const edited = (edit: (doc: any) => void) => {
    const doc = YAML.parse(readFileSync(seedFile, 'utf8'));
    edit(doc);
    return () => validateSourceFile('names.yaml', YAML.stringify(doc));
  };
  const refusal = (work: () => unknown): DataFileError => {
    try {
      work();
    } catch (err) {
      expect(err).toBeInstanceOf(DataFileError);
      return err as DataFileError;
    }
    throw new Error('expected the file to be refused');
  };

  it('refuses a NUL or a bidi override in a name or alias, naming the field', () => {
    const nul = refusal(edited((doc) => (doc.actors[0].name = `${doc.actors[0].name}\u0000`)));
    expect([nul.record, nul.field]).toEqual([expect.stringContaining('actors[0]'), 'name']);
    expect(nul.message).toMatch(/U\+0000/);
    const bidi = refusal(edited((doc) => (doc.actors[1].aliases = ['\u202Ealias'])));
    expect([bidi.record, bidi.field]).toEqual([expect.stringContaining('actors[1]'), 'aliases[0]']);
    expect(bidi.message).toMatch(/U\+202E/);
  });

  it('sees a full-width alias as the same name as another actor', () => {
    const kabul = refusal(
      edited((doc) => {
        const other = doc.actors.findIndex((a: { id: string }) => a.id !== 'taliban-government');
        doc.actors[other].aliases = [...(doc.actors[other].aliases ?? []), 'Ｋａｂｕｌ'];
      }),
    );
    expect(kabul.message).toMatch(/already used/);
  });

  it('stores names and aliases folded, so the graph and later checks see one form', () => {
    const bundle = edited((doc) => {
      const i = doc.actors.findIndex((a: { id: string }) => a.id === 'ttp');
      doc.actors[i].aliases = [...(doc.actors[i].aliases ?? []), 'ＴＴＰ\u3000 Fighters'];
    })();
    expect(bundle.actors.find((a) => a.id === 'ttp')?.aliases).toContain('TTP Fighters');
  });
});
