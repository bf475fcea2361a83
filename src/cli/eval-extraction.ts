import { devSet } from '../extract/devset';
import { extractDrafts } from '../extract/extract';
import { figures, score } from '../extract/score';

/**
 * `npm run eval:extraction`: precision, recall and F1 of the extractor on the development set
 * (data/extraction-dev/ and the seed source), per file and overall, with and without the kind
 * condition, by the annotation guide's scoring. `--verbose` lists misses and false drafts.
 */
const verbose = process.argv.includes('--verbose');
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const totals: Record<'kind' | 'any', [number, number, number]> = { kind: [0, 0, 0], any: [0, 0, 0] };
const rows: string[] = [];
for (const dev of devSet()) {
  const drafts = extractDrafts(dev.text, dev.gazetteer, { publishedAt: dev.publishedAt });
  const k = score(drafts, dev.annotations, dev.gazetteer, true);
  const a = score(drafts, dev.annotations, dev.gazetteer, false);
  for (const [t, s] of [
    [totals.kind, k],
    [totals.any, a],
  ] as const) {
    t[0] += s.drafts;
    t[1] += s.annotations;
    t[2] += s.matched;
  }
  rows.push(
    `${dev.name.padEnd(58)} ${String(dev.annotations.length).padStart(4)} ${String(drafts.length).padStart(6)}   ${pct(k.precision)} ${pct(k.recall)} ${pct(k.f1)}   ${pct(a.precision)} ${pct(a.recall)} ${pct(a.f1)}`,
  );
  if (verbose) {
    const cps = Array.from(dev.text);
    const seenD = new Set(k.pairs.map((p) => p[0]));
    const seenA = new Set(k.pairs.map((p) => p[1]));
    dev.annotations.forEach((an, j) => {
      if (!seenA.has(j))
        rows.push(`    MISS ${an.kind} ${an.claimants.join('|')}: ${cps.slice(an.start, an.end).join('')}`);
    });
    drafts.forEach((d, i) => {
      if (!seenD.has(i)) {
        const who = d.claimant.type === 'actor' ? d.claimant.id : d.claimant.name;
        rows.push(`    FALSE ${d.kind} ${who} [${d.extractor.split(':')[1]}]: ${d.exact}`);
      }
    });
  }
}
const k = figures(...totals.kind);
const a = figures(...totals.any);
process.stdout.write(
  `${'file'.padEnd(58)} ${'ann.'.padStart(4)} ${'drafts'.padStart(6)}   ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}\n` +
    `${''.padEnd(58)} ${''.padStart(11)}   ${'with kind'.padEnd(17)}   without kind\n` +
    rows.join('\n') +
    `\n${'overall'.padEnd(58)} ${String(totals.kind[1]).padStart(4)} ${String(totals.kind[0]).padStart(6)}   ${pct(k.precision)} ${pct(k.recall)} ${pct(k.f1)}   ${pct(a.precision)} ${pct(a.recall)} ${pct(a.f1)}\n`,
);
