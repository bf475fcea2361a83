// MinHash signatures and band keys for sources written by the loader and the bulk import
// (src/similarity/minhash.ts fingerprint), so later sources find them as copy candidates.
UNWIND $sources AS f
MATCH (s:Source {url: f.url})
SET s.minhash = f.minhash, s.minhashBands = f.minhashBands
