import { BadUserInputError } from '../../src/errors';
import { buildSearchQuery, editDistance, highlight, spellingVariants } from '../../src/search/text';

describe('spelling variants and highlights', () => {
  it.each([
    ['harbouring', 'harboring'],
    ['harboring', 'harbouring'],
    ['recognise', 'recognize'],
    ['centre', 'center'],
    ['defence', 'defense'],
  ])('%s has the variant %s', (word, variant) => {
    expect(spellingVariants(word)).toEqual(expect.arrayContaining([word, variant]));
  });

  it('expands plain words but leaves phrases and operators as typed', () => {
    expect(buildSearchQuery('harbouring TTP').query).toBe('(harbouring OR harboring) TTP');
    expect(buildSearchQuery('"harbouring militants" AND Kabul').query).toBe(
      '"harbouring militants" AND Kabul',
    );
  });

  it('marks matched words with guillemets, across spellings and inflections', () => {
    const { terms } = buildSearchQuery('harbouring');
    expect(highlight('accusing Kabul of harboring TTP militants', terms)).toBe(
      'accusing Kabul of «harboring» TTP militants',
    );
    expect(highlight('The Taliban government harbours the TTP', terms)).toBe(
      'The Taliban government «harbours» the TTP',
    );
    expect(highlight('nothing to see', terms)).toBeNull();
  });
});

describe('what the search refuses before Lucene sees it', () => {
  it.each(['/[/', '/a{1000000}/', 'a /regex/', 'Kabul \\" /h.*g/'])('a regular expression: %p', (text) => {
    expect(() => buildSearchQuery(text)).toThrow(BadUserInputError);
    expect(() => buildSearchQuery(text)).toThrow(/^text: regular expressions/);
  });

  it.each([
    '*arbouring',
    '?arbour',
    'Kabul OR *ban',
    '(*x)',
    'Kabul !*arbour',
    'Kabul ||*arbour',
    '\\" *arbour',
  ])('a leading wildcard: %p', (text) => {
    expect(() => buildSearchQuery(text)).toThrow(/^text: a word cannot start with \* or \?/);
  });

  it('but not a slash inside a phrase, or a trailing wildcard', () => {
    expect(buildSearchQuery('"24/7"').query).toBe('"24/7"');
    expect(buildSearchQuery('harb*').terms).toEqual([{ word: 'harb', prefix: true, fuzzy: false }]);
  });
});

describe('editDistance', () => {
  it.each([
    ['kabul', 'kabul', 0],
    ['kabul', 'kabol', 1],
    ['ttp', 'tpp', 1],
    ['', 'abc', 3],
    ['taliban-goverment', 'taliban-government', 1],
  ])('%p → %p is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
