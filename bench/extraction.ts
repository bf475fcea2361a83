/**
 * `npm run bench:extraction`: how long extraction of a ~2,000-word article takes (target: under
 * a second on a 2-core machine). The article is the development set's texts joined, so every
 * sieve fires; the first run includes compromise's warm-up, the median of the next ten is the
 * steady state a running service sees.
 */
import { devSet } from '../src/extract/devset';
import { extractDrafts } from '../src/extract/extract';

const set = devSet();
const gazetteer = {
  actors: [...new Map(set.flatMap((d) => d.gazetteer.actors).map((a) => [a.id, a])).values()],
  roles: set.flatMap((d) => d.gazetteer.roles),
};
const paragraphs = set.flatMap((d) => d.text.split(/\n\s*\n/));
let text = '';
for (let i = 0; text.split(/\s+/).length < 2000; i++) text += `${paragraphs[i % paragraphs.length]!}\n\n`;
const words = text.split(/\s+/).filter(Boolean).length;

const time = () => {
  const t = process.hrtime.bigint();
  const drafts = extractDrafts(text, gazetteer, { publishedAt: '2025-11-26' });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, drafts: drafts.length };
};
const first = time();
const runs = Array.from({ length: 10 }, time)
  .map((r) => r.ms)
  .sort((a, b) => a - b);
process.stdout.write(
  `extraction of ${words} words: ${first.drafts} drafts; first run ${first.ms.toFixed(0)} ms (warm-up included), ` +
    `median of 10 ${runs[5]!.toFixed(0)} ms, slowest ${runs[9]!.toFixed(0)} ms\n`,
);
