/**
 * A deterministic synthetic graph in claimgraph's own model, written as bulk-import NDJSON
 * (src/import/): the same seed and sizes always give the same bytes. Written by the project for
 * benchmarks; no text in it comes from anywhere else.
 *
 * Shape: `actors` actors (a few heavy claimants, a long tail, as in news), `sources` sources of
 * ~claims/sources sentences each, one claim per sentence anchored on that sentence, every fifth
 * claim a denial of an earlier one in the same source, every tenth a figure.
 */
import fs from 'node:fs';

/** mulberry32: a small, fast, seeded PRNG (public-domain algorithm). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = [
  ['ACCUSATION', 'accused', 'of backing fighters near'],
  ['STATEMENT', 'said', 'would keep talking about'],
  ['COMMITMENT', 'vowed', 'to keep the ceasefire around'],
  ['DENIAL', 'denied', 'any role in the strikes near'],
  ['FIGURE', 'reported', 'people injured near'],
] as const;
const PLACES = ['Chaman', 'Torkham', 'Kurram', 'Khost', 'Spin Boldak', 'Bajaur', 'Paktika', 'Angoor Adda'];

export interface SyntheticSize {
  claims: number;
  actors: number;
  sources: number;
  seed?: number;
}

/** Writes the NDJSON to `file`; returns the counts written. Streams: memory stays flat. */
export async function writeSynthetic(file: string, size: SyntheticSize): Promise<{ lines: number }> {
  const rand = prng(size.seed ?? 20251108);
  const out = fs.createWriteStream(file);
  let lines = 0;
  const put = async (record: object) => {
    lines += 1;
    if (!out.write(JSON.stringify(record) + '\n'))
      await new Promise<void>((r) => out.once('drain', () => r()));
  };
  const actorId = (i: number) => `synthetic-actor-${i}`;
  for (let i = 0; i < size.actors; i++) {
    await put({
      type: 'actor',
      id: actorId(i),
      name: `Synthetic Actor ${i}`,
      kind: i % 7 === 0 ? 'PERSON' : 'GOVERNMENT',
      aliases: [`SA-${i}`],
    });
  }
  // Log-uniform over actor numbers: actor 0 claims far more than actor 4,999, as in news.
  const pick = () => Math.min(size.actors - 1, Math.floor(size.actors ** rand()) - 1);
  Math.min(size.actors - 1, Math.floor(size.actors ** rand()) - 1 + (rand() < 0.5 ? 0 : 0));
  let claim = 0;
  const perSource = Math.ceil(size.claims / size.sources);
  const day0 = Date.UTC(2024, 0, 1);
  for (let s = 0; s < size.sources && claim < size.claims; s++) {
    const url = `https://synthetic.claimgraph.test/${s}`;
    const published = new Date(day0 + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
    const sentences: Array<{ text: string; kind: string; claimant: number; target: number; value: number }> =
      [];
    for (let k = 0; k < perSource && claim + k < size.claims; k++) {
      const [kind, verb, rest] =
        VERBS[(claim + k) % 5 === 4 ? 3 : (claim + k) % 10 === 9 ? 4 : Math.floor(rand() * 3)]!;
      const claimant = pick();
      let target = Math.floor(rand() * size.actors);
      if (target === claimant) target = (target + 1) % size.actors;
      const value = 1 + Math.floor(rand() * 400);
      const place = PLACES[Math.floor(rand() * PLACES.length)]!;
      const words =
        kind === 'FIGURE'
          ? `Synthetic Actor ${claimant} ${verb} ${value} ${rest} ${place} (item ${s}.${k}).`
          : `Synthetic Actor ${claimant} ${verb} Synthetic Actor ${target} ${rest} ${place} (item ${s}.${k}).`;
      sentences.push({ text: words, kind, claimant, target, value });
    }
    const text = sentences.map((x) => x.text).join(' ');
    await put({ type: 'source', url, title: `Synthetic report ${s}`, publishedAt: published, text });
    let offset = 0;
    for (const [k, x] of sentences.entries()) {
      const id = `synthetic-claim-${claim}`;
      const excerpt = { exact: x.text, start: offset, end: offset + x.text.length };
      offset += x.text.length + 1;
      const base = {
        type: 'claim',
        source: url,
        id,
        kind: x.kind,
        claimant: actorId(x.claimant),
        content: `Synthetic proposition ${claim}.`,
        cue: 'said',
        statedOn: published,
        excerpts: [excerpt],
      };
      if (x.kind === 'FIGURE')
        await put({ ...base, figures: [{ value: x.value, unit: 'person', measure: 'injuries' }] });
      else if (x.kind === 'DENIAL' && k > 0) await put({ ...base, denies: [`synthetic-claim-${claim - 1}`] });
      else
        await put({
          ...base,
          kind: x.kind === 'DENIAL' ? 'STATEMENT' : x.kind,
          targets: [actorId(x.target)],
        });
      claim += 1;
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return { lines };
}
