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
function expandIncludes(text: string): string {
  return text.replace(/^([ \t]*)\/\/ @include ([\w-]+)[ \t]*$/gm, (_line, indent: string, name: string) =>
    fs
      .readFileSync(path.join(CYPHER_DIR, 'fragments', `${name}.cypher`), 'utf8')
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

export function query(name: string): string {
  const text = allQueries().get(name);
  if (text === undefined) throw new Error(`no named query "${name}" in cypher/queries`);
  return text;
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
      const statements = text
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
