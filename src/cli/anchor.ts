import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { codePoints, findOccurrences, loosen, QUOTE_CONTEXT } from '../data/anchor';
import { fail, orUsage, parseCommandLine, parseOrExplain, UsageError } from './args';

/**
 * `npm run anchor -- data/sources/<file>.yaml "<exact words>" [occurrence]`: the code-point
 * offsets of exact words in a source file's text, for anchoring excerpts.
 *
 * Prints `start` / `end` (Unicode code points, end exclusive: the W3C TextPositionSelector that
 * src/data/validate.ts checks) and an excerpt block ready to paste under a claim's `excerpts:`.
 * If the words occur more than once, every occurrence is listed; pass its number (1, 2, ...) as
 * the third argument to pick one. If they occur nowhere, it says where the same words occur with
 * different quotes, dashes, spaces or case (’ vs ', “ vs ") and what exactly is written there.
 * Words that begin with "-" go after a `--`. Exit codes: 0 found (or listed), 1 not found, 2 usage.
 */
const USAGE = 'usage: npm run anchor -- <file.yaml> "<exact words>" [occurrence]';

interface Args {
  file: string;
  exact: string;
  occurrence: number | undefined;
}

function parse(argv: string[]): Args | null {
  const { values, positionals } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) return null;
  const [file, exact, occurrence] = positionals;
  if (file === undefined || exact === undefined || positionals.length > 3) {
    throw new UsageError('give a source file, the exact words and, optionally, an occurrence number');
  }
  if (exact.length === 0) throw new UsageError('the exact words must not be empty');
  let n: number | undefined;
  if (occurrence !== undefined) {
    n = Number(occurrence);
    if (!/^\d+$/.test(occurrence) || n < 1) {
      throw new UsageError(`occurrence must be a whole number from 1, got ${JSON.stringify(occurrence)}`);
    }
  }
  return { file, exact, occurrence: n };
}

/** source.text of a source file. parseDocument goes on past errors elsewhere, so a file being edited works. */
function readText(file: string): string {
  let yamlText: string;
  try {
    yamlText = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const doc = YAML.parseDocument(yamlText);
  const text = doc.getIn(['source', 'text']);
  if (typeof text !== 'string') {
    const why = doc.errors.length ? ` (YAML error: ${doc.errors[0]!.message.split('\n')[0]})` : '';
    throw new UsageError(`${file} has no source.text${why}`);
  }
  return text;
}

/** A YAML scalar for `exact`: single-quoted unless it spans lines. */
const yamlString = (s: string): string =>
  /[\n\r]/.test(s) ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;

/** The words in brackets with QUOTE_CONTEXT code points either side, on one line. */
function show(cps: string[], start: number, end: number): string {
  const before = cps.slice(Math.max(0, start - QUOTE_CONTEXT), start).join('');
  const after = cps.slice(end, end + QUOTE_CONTEXT).join('');
  return `…${before}[${cps.slice(start, end).join('')}]${after}…`.replace(/\n/g, '⏎');
}

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

function printExcerpt(exact: string, start: number, end: number): void {
  out(`start: ${start}`);
  out(`end: ${end}`);
  out();
  out('    excerpts:');
  out(`      - exact: ${yamlString(exact)}`);
  out(`        start: ${start}`);
  out(`        end: ${end}`);
}

function anchor(args: Args): void {
  const cps = codePoints(readText(args.file));
  const needle = codePoints(args.exact);
  const hits = findOccurrences(cps, needle);

  if (hits.length === 0) {
    fail('anchor', `not found in source.text of ${args.file}: ${JSON.stringify(args.exact)}`, 1);
    const loose = findOccurrences(cps.map(loosen), needle.map(loosen));
    if (loose.length) {
      process.stderr.write(
        'The same words occur with different quotes, dashes, spaces or case. Copy them as written:\n',
      );
      loose.forEach(([s, e], i) => {
        process.stderr.write(
          `  ${i + 1}. start ${s}, end ${e}: ${JSON.stringify(cps.slice(s, e).join(''))}\n`,
        );
      });
    }
    return;
  }

  if (args.occurrence !== undefined) {
    const n = args.occurrence;
    if (n > hits.length) {
      throw new UsageError(`occurrence must be a whole number from 1 to ${hits.length}, got ${n}`);
    }
    const [s, e] = hits[n - 1]!;
    out(`# occurrence ${n} of ${hits.length}: ${show(cps, s, e)}`);
    printExcerpt(args.exact, s, e);
    return;
  }

  if (hits.length === 1) {
    const [s, e] = hits[0]!;
    out(`# ${show(cps, s, e)}`);
    printExcerpt(args.exact, s, e);
    return;
  }

  out(`# ${hits.length} occurrences; pass the number of the one you mean as a third argument,`);
  out('# or add words so that the excerpt is unique:');
  hits.forEach(([s, e], i) => out(`${i + 1}. start: ${s}, end: ${e}   ${show(cps, s, e)}`));
}

function main(): void {
  // Piped into `head`: stop quietly once the reader has gone.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const args = parseOrExplain('anchor', USAGE, parse);
  if (args === undefined) return;
  if (args === null) return out(USAGE);
  // The file and the occurrence number can only be checked once the file is read.
  orUsage('anchor', USAGE, () => anchor(args));
}

main();
