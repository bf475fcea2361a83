import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CYPHER_DIR } from '../paths';

/**
 * Named Cypher: every query the service sends lives in cypher/queries/<area>/<name>.cypher and is
 * addressed by "<area>/<name>". Keeping Cypher out of TypeScript lets analysts read and reuse the
 * exact queries the API runs, and lets a test prove every name the code uses exists.
 */
let registry: Map<string, string> | undefined;

/**
 * `// @include <name>` on a line of its own is replaced by cypher/fragments/<name>.cypher. It
 * exists for one rule the graph must apply identically everywhere (a claim's derived status);
 * keep fragments rare, so each named query stays readable on its own.
 */
function expandIncludes(text: string, depth = 0): string {
  if (depth > 3) throw new Error('cypher/fragments: includes nested more than 3 deep');
  return text.replace(/^([ \t]*)\/\/ @include ([\w-]+)[ \t]*$/gm, (_line, indent: string, name: string) =>
    expandIncludes(fs.readFileSync(path.join(CYPHER_DIR, 'fragments', `${name}.cypher`), 'utf8'), depth + 1)
      .trimEnd()
      .split('\n')
      .map((l) => indent + l)
      .join('\n'),
  );
}

function walk(dir: string, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(path.join(dir, entry.name), rel));
    else if (entry.name.endsWith('.cypher')) {
      out.push([
        rel.replace(/\.cypher$/, ''),
        expandIncludes(fs.readFileSync(path.join(dir, entry.name), 'utf8')),
      ]);
    }
  }
  return out;
}

export function allQueries(): Map<string, string> {
  registry ??= new Map(walk(path.join(CYPHER_DIR, 'queries')));
  return registry;
}

const texts = new Map<string, string>();

/**
 * The text of a named query. "area/name@N" is a query with a `{{bound}}` placeholder (a
 * variable-length pattern's upper bound, which Cypher cannot take as a parameter) with N, an
 * integer of at most two digits, written in its place.
 */
export function query(name: string): string {
  // A variant's text is built once (its fragments read from disk, its pieces joined), then reused:
  // a page's statement is asked for by name on every request.
  let text = texts.get(name);
  if (text === undefined) {
    text = build(name);
    texts.set(name, text);
  }
  return text;
}

const statements = new Map<string, string>();

/**
 * The text sent to Neo4j for a named query: `query(name)` without its comment lines. The
 * comments are for readers of cypher/ (and of a fragment wherever it is included); sent, they were
 * half of a page statement's 8 KB, which the driver encodes and the server reads and hashes for
 * its plan cache on every request (measured: about 0.1 ms of a 1 ms statement). Only whole lines
 * starting with `//` go; a `//` after code on a line stays (it may be inside a string).
 */
export function statement(name: string): string {
  let text = statements.get(name);
  if (text === undefined) {
    text = query(name)
      .split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .join('\n');
    statements.set(name, text);
  }
  return text;
}

function build(name: string): string {
  const ofRef = /^(.+)@of-ref$/.exec(name);
  if (ofRef) return ofRefVariant(ofRef[1]!, query(ofRef[1]!));
  const rows = /^(.+)@rows$/.exec(name);
  if (rows) return rowsVariant(query(rows[1]!));
  const backward = /^(.+)@backward$/.exec(name);
  if (backward) return backwardVariant(backward[1]!);
  const counted = /^(.+)@count$/.exec(name);
  if (counted) return countVariant(counted[1]!);
  const fresh = /^(.+)@fresh$/.exec(name);
  // Planned anew from the statistics of now, not taken from the plan cache: for a statement that
  // runs rarely over many rows (a bulk import's batch), whose cached plan may have been made on
  // an empty graph, when every label's count was 0 and every scan looked free.
  if (fresh) return withReplan(query(fresh[1]!), 'force');
  const bounded = /^(.+)@(\d{1,2})$/.exec(name);
  const text = allQueries().get(bounded ? bounded[1]! : name);
  if (text === undefined) throw new Error(`no named query "${name}" in cypher/queries`);
  if (!bounded) return text;
  if (!text.includes('{{bound}}')) throw new Error(`named query "${bounded[1]}" takes no bound`);
  return text.replaceAll('{{bound}}', bounded[2]!);
}

/**
 * Cypher's replan option, the one way the code asks for a plan other than the cached one: 'force'
 * plans afresh from the statistics of now (the `@fresh` variant; tests' fresh plans), 'skip' runs
 * the plan cached earlier even where the planner would think it stale (tests that run a plan made
 * on a small graph on a large one, as a server does when its graph outgrows its plan cache).
 */
export type Replan = 'force' | 'skip';

export function withReplan(text: string, replan: Replan | undefined): string {
  return replan ? `CYPHER replan=${replan}\n${text}` : text;
}

/**
 * "area/page-x@backward": a keyset page query read the other way (`last` / `before`), the same
 * text with every ORDER BY direction swapped (ASC <-> DESC). Page queries bound their key range on
 * both sides ($lo, $hi), so swapping the order is all it takes: the page is the range's other end,
 * which the caller reverses. Every ORDER BY of such a query must end in an explicit ASC or DESC
 * (each key's direction spelled out); one that does not is refused, so a forgotten direction
 * cannot silently read forward.
 */
function backwardVariant(name: string): string {
  const text = allQueries().get(name);
  if (text === undefined) throw new Error(`no named query "${name}" in cypher/queries`);
  const orders = text.match(/^\s*ORDER BY .*$/gm) ?? [];
  if (orders.length === 0 || orders.some((o) => !/\b(ASC|DESC)$/.test(o.trim()))) {
    throw new Error(`named query "${name}" has no ORDER BY ending in ASC or DESC to read backward`);
  }
  return text.replace(/^(\s*ORDER BY .*)$/gm, (line) =>
    line.replace(/\b(ASC|DESC)\b/g, (d) => (d === 'ASC' ? 'DESC' : 'ASC')),
  );
}

/**
 * "area/page-x@count": how many rows a page query returns with the same parameters (`$limit`
 * still bounds it), as one row `{matches}`. A bounded totalCount walks the page's own index range
 * up to its bound: counted on the server, it sends one number instead of up to 10,001 ids.
 */
function countVariant(name: string): string {
  const text = allQueries().get(name);
  if (text === undefined) throw new Error(`no named query "${name}" in cypher/queries`);
  return `CALL {\n${text}\n}\nRETURN count(*) AS matches`;
}

/**
 * "claims/page-x@rows" (also after @backward: "claims/page-x@backward@rows"): a claim page query
 * that returns, beside each page row's `id` and `key` (and `actor` on the per-actor paths), the
 * claim's columns as the claim loader holds them (fragments/claim-row; only the `$parts` the page
 * shows), in the same statement. A page is then one round trip rather than two (the ids, then
 * claims/by-ids for them): the statement's fixed cost (a Bolt turn, a plan lookup) was most of a
 * page's time at any size.
 * The page's rows keep their order: each is projected by a subquery applied to it in turn.
 */
function rowsVariant(pageText: string): string {
  return [
    // (*): the page query sees what an enclosing query bound (the @of-ref variant's actor).
    'CALL (*) {',
    pageText,
    '}',
    'CALL {',
    '  WITH id',
    // The hint keeps the lookup a seek of the id constraint's index whatever the statistics the
    // plan was made from (a plan cached on an empty graph must not scan claims at a million).
    '  MATCH (c:Claim {id: id}) USING INDEX SEEK c:Claim(id)',
    // $parts: the costly columns the page's selection shows (fragments/claim-row), null for all.
    '  WITH c, $parts AS parts',
    '  WITH c, parts,',
    expandIncludes('  // @include claim-links'),
    '  AS links',
    '  RETURN',
    expandIncludes('  // @include claim-row'),
    '}',
    'RETURN *',
  ].join('\n');
}

/**
 * "claims/page-by-x…@of-ref": a per-actor page query (one that reads `$pages`) run for the actor
 * that `$ref` names, after actors/by-ref in the same statement: `Query.actor(ref) { claimsAbout(first:
 * 20) { ... } }` is then one round trip, not two (the actor, then its page). Its one page is the
 * key range ($lo, $hi) of that actor; rows carry `refActor` (the id) and `refActorRow` (the actor
 * as the loader holds it) beside the page's columns, which are null when the page is empty. No row
 * at all when the ref names no actor.
 */
function ofRefVariant(name: string, pageText: string): string {
  if (!/\$pages\b/.test(pageText)) throw new Error(`named query "${name}" reads no $pages to run for a ref`);
  return [
    'CALL {',
    query('actors/by-ref'),
    '}',
    'WITH id AS refActor, actor AS refActorRow',
    'OPTIONAL CALL (refActor) {',
    pageText.replace(/\$pages\b/g, "[{actor: '0', lo: refActor + '|' + $lo, hi: refActor + '|' + $hi}]"),
    '}',
    'RETURN *',
  ].join('\n');
}

export interface Migration {
  id: string; // file name without .cypher, e.g. "0001-constraints"
  statements: string[];
  checksum: string;
}

/** Migrations in file-name order; statements are separated by a semicolon at the end of a line. */
export function migrations(): Migration[] {
  const dir = path.join(CYPHER_DIR, 'migrations');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // Includes are expanded here too, so a migration that computes a stored value for existing
      // data (0006: claim status) applies the very fragment the writes apply. The checksum stays
      // the file's own text: editing a fragment later does not re-run an applied migration.
      const statements = expandIncludes(text)
        .split(/;\s*$/m)
        .map((s) =>
          s
            .split('\n')
            .filter((line) => !line.trim().startsWith('//'))
            .join('\n')
            .trim(),
        )
        .filter((s) => s.length > 0);
      return {
        id: file.replace(/\.cypher$/, ''),
        statements,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}
