import {
  BANDS,
  bandKeys,
  normalizeForShingles,
  shingles,
  signature,
  similarity,
} from '../../src/similarity/minhash';

const TEXT =
  'The interior ministry said on Tuesday that border crossings at Torkham and Chaman would stay closed until ' +
  'further notice, citing security threats from militants operating across the frontier. Traders on both sides ' +
  'said hundreds of lorries were stranded on the roads leading to the crossings.';

describe('MinHash near-duplicates (src/similarity)', () => {
  it('gives the same signature for the same text every time (signatures are stored and compared later)', () => {
    expect(signature(TEXT)).toEqual(signature(TEXT));
    expect(similarity(signature(TEXT), signature(TEXT))).toBe(1);
  });

  it('ignores case, punctuation and spacing', () => {
    expect(normalizeForShingles('  Border,  CLOSED! ')).toBe('border closed');
    expect(similarity(signature(TEXT), signature(TEXT.toUpperCase().replace(/,/g, '')))).toBe(1);
  });

  it('estimates a text with two words changed as highly similar, and shares LSH bands with it', () => {
    const near = TEXT.replace('Tuesday', 'Wednesday').replace('hundreds', 'thousands');
    const s = similarity(signature(TEXT), signature(near));
    expect(s).toBeGreaterThan(0.8);
    const shared = bandKeys(signature(TEXT)).filter((k) => bandKeys(signature(near)).includes(k));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('estimates an unrelated text near 0, sharing no band', () => {
    const other =
      'Heavy rain flooded low-lying districts of the capital overnight, and the weather office warned of more storms.';
    expect(similarity(signature(TEXT), signature(other))).toBeLessThan(0.1);
    const keys = new Set(bandKeys(signature(TEXT)));
    expect(bandKeys(signature(other)).filter((k) => keys.has(k))).toEqual([]);
  });

  it('shingles any script, and band keys are one [a-z0-9] word per band (safe in a Lucene query)', () => {
    expect(shingles('سرحد پار سے').size).toBeGreaterThan(3);
    const keys = bandKeys(signature('سرحد پار سے حملے کیے گئے'));
    expect(keys).toHaveLength(BANDS);
    for (const k of keys) expect(k).toMatch(/^b\d\dh[0-9a-f]{8}$/);
  });
});
