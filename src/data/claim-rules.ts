/**
 * The rules one claim must meet on its own and against its source's text, whichever way it
 * arrives: a YAML source file (validate.ts) or a bulk import line (src/import/). References to
 * other records are checked by the callers, which know what "exists" means for them.
 */
import { codePoints, findOccurrences, loosen } from './anchor';

export interface ClaimShape {
  id: string;
  kind: string;
  statedOn?: string | null;
  quote?: string | null;
  denies?: readonly string[] | null;
  figures?: readonly unknown[] | null;
  excerpts: ReadonlyArray<{ exact: string; start: number; end: number }>;
}

export interface ClaimProblem {
  /** The field inside the claim: `['excerpts', 0, 'exact']`. */
  path: PropertyKey[];
  problem: string;
}

/** The first rule `c` breaks, or null. `text` is its source's text as code points. */
export function claimProblem(
  c: ClaimShape,
  text: readonly string[],
  publishedAt: string | null,
): ClaimProblem | null {
  const denies = c.denies ?? [];
  if (denies.length && c.kind !== 'DENIAL') {
    return {
      path: ['denies'],
      problem: `only DENIAL claims can deny other claims; this claim's kind is ${c.kind}`,
    };
  }
  const self = denies.indexOf(c.id);
  if (self >= 0) return { path: ['denies', self], problem: 'a claim cannot deny itself' };

  const figures = c.figures ?? [];
  if (c.kind === 'FIGURE' && figures.length === 0) {
    return {
      path: ['figures'],
      problem: 'a FIGURE claim needs at least one figure ({ value, unit, measure })',
    };
  }
  if (c.kind !== 'FIGURE' && figures.length > 0) {
    return { path: ['figures'], problem: `only FIGURE claims carry figures; this claim's kind is ${c.kind}` };
  }

  if (c.statedOn && publishedAt && c.statedOn > publishedAt) {
    return {
      path: ['statedOn'],
      problem: `${c.statedOn} is after the source was published (${publishedAt})`,
    };
  }

  for (const [j, x] of c.excerpts.entries()) {
    if (x.end > text.length) {
      return {
        path: ['excerpts', j, 'end'],
        problem: `${x.end} is past the end of source.text (${text.length} code points)`,
      };
    }
    if (x.start >= x.end) {
      return { path: ['excerpts', j, 'start'], problem: `start (${x.start}) must be before end (${x.end})` };
    }
    const problem = excerptProblem(text, x.exact, x.start, x.end);
    if (problem) return { path: ['excerpts', j, 'exact'], problem };
  }

  if (c.quote && !c.excerpts.some((x) => x.exact.includes(c.quote!))) {
    return {
      path: ['quote'],
      problem: "the quoted words must appear verbatim in one of this claim's excerpts",
    };
  }
  return null;
}

function excerptProblem(text: readonly string[], exact: string, start: number, end: number): string | null {
  const ex = codePoints(exact);
  const there = text.slice(start, end).join('');
  if (there === exact) return null;
  const hits = findOccurrences(text, ex);
  const where = hits.length
    ? `\`exact\` occurs at ${hits.map(([s, e]) => `start ${s}, end ${e}`).join('; ')}`
    : '`exact` occurs nowhere in source.text' + looseHint(text, ex);
  const len =
    ex.length === end - start
      ? ''
      : ` (exact is ${ex.length} code points long, end - start is ${end - start})`;
  return `does not match source.text at [${start}, ${end}): the text there is ${JSON.stringify(there)}${len}; ${where}. Use \`npm run anchor -- <file> "<exact words>"\` to get offsets`;
}

function looseHint(text: readonly string[], ex: string[]): string {
  const hits = findOccurrences(text.map(loosen), ex.map(loosen));
  if (!hits.length) return '';
  const [s, e] = hits[0]!;
  return ` (but the same words with different quotes, dashes, spaces or case occur at start ${s}, end ${e}: ${JSON.stringify(text.slice(s, e).join(''))})`;
}
