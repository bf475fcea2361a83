import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { isHttpUrl, isRealIsoDate } from '../data/schema';
import { readSourcePath } from '../data/validate';
import { ClaimgraphError } from '../errors';
import { extractDrafts } from '../extract/extract';
import { toRecords } from '../extract/records';
import type { Gazetteer, GazetteerActor } from '../extract/types';
import { SEED_DIR } from '../paths';
import { fail, parseCommandLine, parseOrExplain, UsageError } from './args';

/**
 * `npm run extract -- <article.txt> --url <url> --publisher <outlet> --date <YYYY-MM-DD>
 * [--title <title>] [--actors <file.yaml|folder>] [--out <file.yaml>]`: proposes the article's
 * attributed claims as DRAFT claims in a source file of the loader's format, for a fact-checker
 * to edit and load with `npm run load`. Speakers are resolved against the actors of the source
 * files in --actors (data/sources by default), so no database is needed. The same article gives
 * the same file. Exit codes: 0 written, 1 bad input, 2 usage.
 */
const USAGE =
  'usage: npm run extract -- <article.txt> --url <url> --publisher <outlet> --date <YYYY-MM-DD> [--title <title>] [--actors <file|folder>] [--out <file.yaml>]';

function parse(argv: string[]) {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      url: { type: 'string' },
      publisher: { type: 'string' },
      date: { type: 'string' },
      title: { type: 'string' },
      actors: { type: 'string' },
      out: { type: 'string' },
    },
    true,
  );
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('give exactly one article text file');
  if (!values.url || !isHttpUrl(values.url)) throw new UsageError('--url must be an absolute http(s) URL');
  if (!values.date || !isRealIsoDate(values.date))
    throw new UsageError('--date must be a real date, YYYY-MM-DD');
  if (!values.publisher) throw new UsageError('--publisher names the outlet (an actor id, name or alias)');
  return { file, ...values, url: values.url, date: values.date, publisher: values.publisher };
}

function main(): void {
  const args = parseOrExplain('extract', USAGE, parse);
  if (!args) return;
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8').replace(/\r\n/g, '\n').replace(/\s+$/, '');
  } catch (err) {
    fail('extract', `cannot read ${args.file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, 1);
    return;
  }
  if (!text.trim()) {
    fail('extract', `${args.file} is empty: there is no text to extract claims from`, 1);
    return;
  }
  const bundles = readSourcePath(path.resolve(args.actors ?? SEED_DIR));
  const actors = new Map<string, GazetteerActor & { description: string | null }>();
  for (const b of bundles) for (const a of b.actors) if (!a.placeholder) actors.set(a.id, { ...a });
  const roles = bundles.flatMap((b) => b.roles);
  const gazetteer: Gazetteer = { actors: [...actors.values()], roles };
  const ref = args.publisher.toLowerCase();
  const publisher = [...actors.values()].find(
    (a) => a.id === args.publisher || [a.name, ...a.aliases].some((n) => n.toLowerCase() === ref),
  );
  if (!publisher) {
    fail(
      'extract',
      `--publisher: no actor in ${args.actors ?? 'data/sources'} has the id, name or alias "${args.publisher}"`,
      1,
    );
    return;
  }
  const url = new URL(args.url).href;
  const drafts = extractDrafts(text, gazetteer, { publishedAt: args.date });
  const records = toRecords(url, text, drafts);

  // The file must stand alone: every actor a claim points at, with the roles between them.
  const used = new Set<string>([publisher.id]);
  for (const d of records.drafts) for (const id of [d.claimant, d.voice, ...d.targets]) if (id) used.add(id);
  for (const r of roles)
    if (used.has(r.actor) && (r.relation === 'SPEAKS_FOR' || r.relation === 'SERVES_IN')) used.add(r.of);
  const fileActors = [
    ...[...used]
      .filter((id) => actors.has(id))
      .map((id) => {
        const a = actors.get(id)!;
        return {
          id: a.id,
          name: a.name,
          kind: a.kind,
          aliases: a.aliases,
          ...(a.description ? { description: a.description } : {}),
        };
      }),
    ...records.placeholders
      .filter((p) => used.has(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        aliases: [],
        description: p.description,
        placeholder: true,
      })),
  ];
  const doc = {
    source: {
      url,
      title: args.title ?? firstLine(text),
      publisher: publisher.id,
      publishedAt: args.date,
      text,
    },
    actors: fileActors,
    roles: roles
      .filter((r) => used.has(r.actor) && used.has(r.of))
      .map((r) => ({
        actor: r.actor,
        relation: r.relation,
        of: r.of,
        ...(r.title ? { title: r.title } : {}),
      })),
    claims: records.drafts.map((d) => ({
      id: d.id,
      kind: d.kind,
      claimant: d.claimant,
      ...(d.voice ? { voice: d.voice } : {}),
      ...(d.targets.length ? { targets: d.targets } : {}),
      content: d.content,
      cue: d.cue,
      ...(d.quote ? { quote: d.quote } : {}),
      ...(d.statedOn ? { statedOn: d.statedOn, statedOnText: d.statedOnText } : {}),
      ...(d.figures.length
        ? {
            figures: d.figures.map((f) => ({
              value: f.value,
              ...(f.unit ? { unit: f.unit } : {}),
              ...(f.measure ? { measure: f.measure } : {}),
            })),
          }
        : {}),
      origin: 'EXTRACTED',
      verification: 'DRAFT',
      confidence: d.confidence,
      extractor: d.extractor,
      excerpts: [{ exact: d.excerpt.exact, start: d.excerpt.start, end: d.excerpt.end }],
    })),
  };
  const header =
    `# Drafts proposed by \`npm run extract\` from ${path.basename(args.file)}: check every claim against the\n` +
    `# text, fix or delete it, set \`verification: VERIFIED\` (or drop the review fields) for the ones\n` +
    `# you confirm, then load with \`npm run load -- <this file>\`. Placeholders stand for unnamed\n` +
    `# sources and unknown speakers: give them a real id and name, or keep them as placeholders.\n`;
  const out = header + YAML.stringify(doc, { lineWidth: 0, blockQuote: 'literal' });
  if (args.out) {
    writeFileSync(args.out, out);
    process.stderr.write(
      `claimgraph extract: ${records.drafts.length} draft claim(s) written to ${args.out}\n`,
    );
  } else {
    process.stdout.write(out);
  }
}

const firstLine = (text: string) =>
  text
    .split('\n')
    .find((l) => l.trim())!
    .trim()
    .slice(0, 200);

try {
  main();
} catch (err) {
  if (!(err instanceof ClaimgraphError)) throw err;
  fail('extract', err.message, 1);
}
